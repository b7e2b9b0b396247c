import { describe, expect, it } from 'vitest';
import { createCategorizer } from './categorizer.ts';
import { loadCorpus, loadDefaultRules } from './category-data.ts';
import { parseTesseractTsv, prepareForOcr } from './engines/ocr.engine.ts';
import type { Article } from './kb.repo.ts';
import { rankArticles } from './kb.search.ts';
import { trainNaiveBayes } from './naive-bayes.ts';
import { isIbanValid, isLuhnValid } from './signals.checks.ts';
import { extractSignals, maskSignals } from './signals.ts';

describe('signals', () => {
  it.each([
    ['Error E-4012: declined', 'error_code', 'E-4012'],
    ['HRESULT 0x80070005 access denied', 'error_code', '0x80070005'],
    ['net::ERR_CONNECTION_REFUSED', 'error_code', 'ERR_CONNECTION_REFUSED'],
    ['java.lang.NullPointerException at Main', 'exception', 'java.lang.NullPointerException'],
    ['Total: €1,299.00', 'amount', '€1,299.00'],
    ['Montant 45,90 EUR', 'amount', '45,90 EUR'],
    ['Paid on 2026-11-03', 'date', '2026-11-03'],
    ['le 03/11/2026', 'date', '03/11/2026'],
    ['Order #AB12345 shipped', 'reference', 'Order #AB12345'],
    ['paid, TX-99812 confirmed', 'reference', 'TX-99812'],
    ['card 4242 4242 4242 4242', 'card', '4242 4242 4242 4242'],
    ['IBAN FR14 2004 1010 0505 0001 3M02 606', 'iban', 'FR14 2004 1010 0505 0001 3M02 606'],
  ])('finds in %j a %s %j', (text, kind, value) => {
    expect(extractSignals(text)).toContainEqual(expect.objectContaining({ kind, value }));
  });

  it.each([
    ['4242 4242 4242 4241', false],
    ['4242424242424242', true],
    ['1234 5678 9012 3456', false],
  ])('checks %s with Luhn → %s', (number, valid) => {
    expect(isLuhnValid(number.replace(/\D/g, ''))).toBe(valid);
  });

  it.each([
    ['FR1420041010050500013M02606', true],
    ['FR1420041010050500013M02607', false],
    ['GB82WEST12345698765432', true],
  ])('checks IBAN %s with mod 97 → %s', (iban, valid) => {
    expect(isIbanValid(iban)).toBe(valid);
  });

  it('ignores card-like numbers that fail the checksum', () => {
    expect(extractSignals('call 1234 5678 9012 3456').some((s) => s.kind === 'card')).toBe(false);
  });

  it('masks card and IBAN numbers and moves the other signals', () => {
    const text = 'Card 4242 4242 4242 4242 failed with E-4012';
    const masked = maskSignals(text, extractSignals(text));
    expect(masked.text).toBe('Card •••• 4242 failed with E-4012');
    const code = masked.signals.find((s) => s.kind === 'error_code')!;
    expect(masked.text.slice(code.start, code.end)).toBe('E-4012');
  });
});

describe('categorizer', () => {
  const categorizer = createCategorizer({
    rules: loadDefaultRules(),
    model: trainNaiveBayes(loadCorpus('seed')),
  });

  it.each([
    ['My card was declined at checkout, error E-4012', 'payment_failed'],
    ['Le colis est arrivé complètement écrasé', 'damaged_in_transit'],
    ['No puedo iniciar sesión, olvidé mi contraseña', 'login_account'],
    ['La lavatrice perde acqua sul pavimento', 'leak_water_damage'],
    ['التطبيق يغلق عندما أفتح السلة', 'app_error'],
    ['Bonjour', 'other'],
  ])('sorts %j as %s', (text, category) => {
    expect(categorizer.categorize(text).category).toBe(category);
  });

  it('says which rules matched', () => {
    const verdict = categorizer.categorize('payment failed');
    expect(verdict.matchedRules.length).toBeGreaterThan(0);
    expect(verdict.confidence).toBeGreaterThan(0.6);
  });
});

describe('article ranking', () => {
  const article = (
    id: string,
    category: Article['category'],
    title: string,
    errorCodes: string[] = [],
  ): Article => ({
    id,
    category,
    keywords: [],
    errorCodes,
    translations: [{ language: 'en', title, steps: ['Do this.'] }],
    createdAt: 0,
    updatedAt: 0,
  });
  const articles = [
    article('pay', 'payment_failed', 'Card declined at payment', ['E-4012']),
    article('leak', 'leak_water_damage', 'Water leak under the router'),
    article('login', 'login_account', 'Reset your password'),
  ];

  it('puts the article with the ticket’s error code first, with high confidence', () => {
    const [best] = rankArticles(articles, {
      text: 'it says E-4012',
      category: 'payment_failed',
      categoryConfidence: 0.8,
      codes: ['E-4012'],
    });
    expect(best).toMatchObject({ matchedCodes: ['E-4012'], categoryMatch: true });
    expect(best!.article.id).toBe('pay');
    expect(best!.confidence).toBeGreaterThan(0.8);
  });

  it('ranks by words when there is no code, and leaves out what matches nothing', () => {
    const ranked = rankArticles(articles, {
      text: 'water everywhere, a leak',
      category: null,
      categoryConfidence: 0,
      codes: [],
    });
    expect(ranked.map((s) => s.article.id)).toEqual(['leak']);
    expect(ranked[0]!.confidence).toBeLessThan(0.5);
  });
});

describe('tesseract TSV', () => {
  it('joins words into lines and blocks, with the mean confidence', () => {
    const header =
      'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
    const word = (block: number, line: number, conf: number, text: string) =>
      `5\t1\t${block}\t1\t${line}\t1\t0\t0\t0\t0\t${conf}\t${text}`;
    const tsv = [
      header,
      word(1, 1, 90, 'Payment'),
      word(1, 1, 80, 'failed'),
      word(1, 2, 70, 'E-4012'),
      word(2, 1, 60, 'OK'),
    ].join('\n');
    expect(parseTesseractTsv(tsv)).toEqual({ text: 'Payment failed\nE-4012\n\nOK', confidence: 0.75 });
  });
});

describe('OCR input', () => {
  it('records an image that does not decode as failed instead of retrying it', async () => {
    await expect(prepareForOcr(Buffer.from('not an image'))).rejects.toMatchObject({
      name: 'EngineError',
      reason: 'engine.failed',
    });
  });
});
