import type { CategoryRule } from './category-data.ts';
import { CATEGORIES, type Category, type CategoryVerdict } from './knowledge.types.ts';
import type { NaiveBayes } from './naive-bayes.ts';

export interface Categorizer {
  categorize(text: string): CategoryVerdict;
}

/** Below this, the verdict is 'other': a guess is worse than no category for routing. */
const MIN_CONFIDENCE = 0.3;
/** Share of the rules in the final score when at least one rule matched. */
const RULE_WEIGHT = 0.6;

/** The form rules match against: lower case, accents and Arabic diacritics removed, punctuation as spaces. */
export function normalizeForRules(text: string): string {
  return ` ${text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0640]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * Keyword/pattern rules plus a multinomial naive Bayes (trained once on the seed corpus). With rule matches,
 * the score mixes the share of matches per category with the classifier's posterior; without, it is the
 * posterior alone. Transparent: the verdict lists the rules that matched.
 */
export function createCategorizer(input: {
  rules: readonly CategoryRule[];
  model: NaiveBayes<Category>;
}): Categorizer {
  const compiled = input.rules.flatMap((rule) =>
    rule.patterns.map((source) => ({ category: rule.category, source, pattern: new RegExp(source, 'u') })),
  );
  return {
    categorize(text) {
      const normalized = normalizeForRules(text);
      const matched = compiled.filter((rule) => rule.pattern.test(normalized));
      const posterior = input.model.predict(text);
      const hits = new Map<Category, number>();
      for (const rule of matched) {
        hits.set(rule.category, (hits.get(rule.category) ?? 0) + 1);
      }
      const scored = CATEGORIES.map((category) => {
        const nb = posterior.get(category) ?? 0;
        const score =
          matched.length > 0
            ? RULE_WEIGHT * ((hits.get(category) ?? 0) / matched.length) + (1 - RULE_WEIGHT) * nb
            : nb;
        return { category, score };
      }).sort((a, b) => b.score - a.score);
      const best = scored[0]!;
      const confidence = Math.round(best.score * 1000) / 1000;
      return {
        category: confidence >= MIN_CONFIDENCE ? best.category : 'other',
        confidence,
        matchedRules: matched.map((rule) => rule.source),
      };
    },
  };
}
