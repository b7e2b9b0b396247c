import { tokenize } from './tokenize.ts';

export interface LabelledText<L extends string> {
  text: string;
  label: L;
}

export interface NaiveBayes<L extends string> {
  /** Posterior probability of each label (sums to 1); uniform when no word is known. */
  predict(text: string): Map<L, number>;
}

/** Multinomial naive Bayes with Laplace smoothing, trained in memory from a labelled corpus. */
export function trainNaiveBayes<L extends string>(examples: readonly LabelledText<L>[]): NaiveBayes<L> {
  const wordCounts = new Map<L, Map<string, number>>();
  const totals = new Map<L, number>();
  const docs = new Map<L, number>();
  const vocabulary = new Set<string>();
  for (const { text, label } of examples) {
    const counts = wordCounts.get(label) ?? new Map<string, number>();
    wordCounts.set(label, counts);
    docs.set(label, (docs.get(label) ?? 0) + 1);
    for (const token of tokenize(text)) {
      counts.set(token, (counts.get(token) ?? 0) + 1);
      totals.set(label, (totals.get(label) ?? 0) + 1);
      vocabulary.add(token);
    }
  }
  const labels = [...wordCounts.keys()];
  const v = vocabulary.size;
  return {
    predict(text) {
      const tokens = tokenize(text).filter((token) => vocabulary.has(token));
      const logs = labels.map((label) => {
        const counts = wordCounts.get(label)!;
        const total = totals.get(label) ?? 0;
        let score = Math.log((docs.get(label) ?? 0) / examples.length);
        for (const token of tokens) {
          score += Math.log(((counts.get(token) ?? 0) + 1) / (total + v));
        }
        return score;
      });
      const max = Math.max(...logs);
      const weights = logs.map((score) => Math.exp(score - max));
      const sum = weights.reduce((a, b) => a + b, 0);
      return new Map(labels.map((label, i) => [label, weights[i]! / sum]));
    },
  };
}
