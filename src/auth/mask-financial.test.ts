import { describe, expect, it } from 'vitest';
import { maskFinancialNumbers } from './mask-financial.ts';

describe('masking card and IBAN numbers', () => {
  it.each([
    ['card 4111 1111 1111 1111 expires', 'card •••• 1111 expires'],
    ['4111-1111-1111-1111', '•••• 1111'],
    ['5500005555555559', '•••• 5559'],
    ['IBAN GB82 WEST 1234 5698 7654 32 please', 'IBAN GB•• •••• 5432 please'],
    ['DE89370400440532013000', 'DE•• •••• 3000'],
    // Not cards: fail the Luhn check (order numbers, phone numbers).
    ['order 1234 5678 9012 3456', 'order 1234 5678 9012 3456'],
    ['call +44 7700 900123', 'call +44 7700 900123'],
    ['ticket #42', 'ticket #42'],
  ])('%s', (input, output) => {
    expect(maskFinancialNumbers(input)).toBe(output);
  });
});
