import fs from 'node:fs';
import path from 'node:path';
import { labelOf, scoreSentiment } from '../src/routing/index.ts';

/** Accuracy of the lexicon sentiment on a small labelled set per language (npm run eval:sentiment). */
const labelled = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, 'sentiment-labelled.json'), 'utf8'),
) as Record<string, [string, 'pos' | 'neg' | 'neu'][]>;

let total = 0;
let right = 0;
for (const [language, items] of Object.entries(labelled)) {
  const misses: string[] = [];
  for (const [text, expected] of items) {
    const score = scoreSentiment(text);
    const got = labelOf(score);
    if (got === expected) {
      right += 1;
    } else {
      misses.push(`    ${expected} → ${got} (${score ?? 'none'}): ${text}`);
    }
  }
  total += items.length;
  const hits = items.length - misses.length;
  console.log(`${language}: ${hits}/${items.length} (${Math.round((hits / items.length) * 100)}%)`);
  for (const miss of misses) {
    console.log(miss);
  }
}
console.log(`all: ${right}/${total} (${Math.round((right / total) * 100)}%)`);
