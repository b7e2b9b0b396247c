/**
 * Masks card-like and IBAN-like numbers in text shown where a reader does not need them (ticket list
 * previews, search results): a card keeps its last four digits, an IBAN its country and last four.
 */
const CARD = /\b\d(?:[ -]?\d){12,18}\b/g;
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/g;

/** The Luhn check: what card numbers satisfy (and most other long digit runs do not). */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) {
        digit -= 9;
      }
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export function maskFinancialNumbers(text: string): string {
  return text
    .replace(IBAN, (match) => {
      const compact = match.replace(/ /g, '');
      return `${compact.slice(0, 2)}•• •••• ${compact.slice(-4)}`;
    })
    .replace(CARD, (match) => {
      const digits = match.replace(/[ -]/g, '');
      return passesLuhn(digits) ? `•••• ${digits.slice(-4)}` : match;
    });
}
