import { foldText, WORD, withoutArabicPrefix } from '../engine/text-match.ts';
import { LEXICONS } from './lexicons.ts';

/** How many words a negator reaches. */
const NEGATION_SCOPE = 3;
const NEGATION_FACTOR = -0.75;
const INTENSIFIER_FACTOR = 1.5;
/** VADER's normalisation constant: sum / sqrt(sum² + α) maps any sum into (-1, 1). */
const ALPHA = 15;

interface Merged {
  exact: Map<string, number>;
  prefixes: [string, number][];
  negators: Set<string>;
  intensifiers: Set<string>;
}

/** The five languages' lexicons in one: customers switch languages and short texts defeat detection. */
const merged: Merged = (() => {
  const result: Merged = { exact: new Map(), prefixes: [], negators: new Set(), intensifiers: new Set() };
  for (const lexicon of Object.values(LEXICONS)) {
    for (const [word, weight] of Object.entries(lexicon.words)) {
      if (word.endsWith('*')) {
        result.prefixes.push([foldText(word.slice(0, -1)), weight]);
      } else {
        result.exact.set(foldText(word), weight);
      }
    }
    for (const word of lexicon.negators) {
      result.negators.add(foldText(word));
    }
    for (const word of lexicon.intensifiers) {
      result.intensifiers.add(foldText(word));
    }
  }
  return result;
})();

function weightOf(word: string): number | undefined {
  const direct = merged.exact.get(word) ?? merged.prefixes.find(([prefix]) => word.startsWith(prefix))?.[1];
  if (direct !== undefined) {
    return direct;
  }
  const bare = withoutArabicPrefix(word);
  return bare === undefined ? undefined : merged.exact.get(bare);
}

/**
 * Lexicon-based sentiment of a customer's text, -1 (angry) … +1 (happy); null when no word carries any.
 * A negator ("not", "pas", "no", "non", "لا") flips the next few words; an intensifier strengthens the
 * next one; exclamation marks strengthen the whole.
 */
export function scoreSentiment(text: string): number | null {
  const words = foldText(text).match(WORD) ?? [];
  let sum = 0;
  let hits = 0;
  let negatedFor = 0;
  let intensity = 1;
  for (const word of words) {
    if (merged.negators.has(word)) {
      negatedFor = NEGATION_SCOPE;
      continue;
    }
    if (merged.intensifiers.has(word)) {
      intensity = INTENSIFIER_FACTOR;
      continue;
    }
    const weight = weightOf(word);
    if (weight !== undefined) {
      sum += weight * intensity * (negatedFor > 0 ? NEGATION_FACTOR : 1);
      hits += 1;
    }
    intensity = 1;
    negatedFor = Math.max(0, negatedFor - 1);
  }
  if (hits === 0) {
    return null;
  }
  const exclamations = Math.min(3, (text.match(/!/g) ?? []).length);
  const emphasised = sum * (1 + 0.1 * exclamations);
  return Math.round((emphasised / Math.sqrt(emphasised * emphasised + ALPHA)) * 1000) / 1000;
}

/** The label a score stands for (the evaluation and the dashboard use the same cut-offs). */
export function labelOf(score: number | null): 'pos' | 'neg' | 'neu' {
  if (score === null || Math.abs(score) < 0.2) {
    return 'neu';
  }
  return score > 0 ? 'pos' : 'neg';
}
