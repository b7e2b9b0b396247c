import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

describe('detectLanguage', () => {
  it.each([
    ['Bonjour, ma machine à laver fuit depuis hier soir', 'fr'],
    ['Mi lavadora pierde agua desde ayer por la mañana', 'es'],
    ['Il pagamento è stato rifiutato ieri sera, perché?', 'it'],
    ['Hi, the app crashes every time I open the settings page', 'en'],
    ['لم يصل طلبي بعد', 'ar'],
    ['Hola', null],
    ['ok merci 👍', null],
  ])('%s → %s', (text, expected) => {
    expect(detectLanguage(text)).toBe(expected);
  });
});
