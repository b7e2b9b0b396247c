import fs from 'node:fs';
import { z } from 'zod';
import { CATEGORIES, type Category, KB_LANGUAGES } from './knowledge.types.ts';
import type { LabelledText } from './naive-bayes.ts';

/** A keyword/pattern rule: regular expressions over normalised text (lower case, no accents, no punctuation). */
export const CategoryRuleSchema = z.object({
  category: z.enum(CATEGORIES),
  language: z.enum(KB_LANGUAGES),
  patterns: z
    .array(
      z
        .string()
        .min(2)
        .max(200)
        .refine((source) => compiles(source), 'must be a valid regular expression'),
    )
    .min(1)
    .max(50),
});
export type CategoryRule = z.infer<typeof CategoryRuleSchema>;
export const CategoryRulesSchema = z.array(CategoryRuleSchema).max(500);

const CorpusSchema = z.record(z.enum(KB_LANGUAGES), z.record(z.enum(CATEGORIES), z.array(z.string().min(1))));

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

const readData = (name: string): unknown =>
  JSON.parse(fs.readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8'));

/** The shipped rules (five languages); a business may replace them in its knowledge settings. */
export function loadDefaultRules(): CategoryRule[] {
  return CategoryRulesSchema.parse(readData('category-rules.json'));
}

/** The labelled corpus the classifier is trained on at start ('seed') or evaluated on ('heldout'). */
export function loadCorpus(name: 'seed' | 'heldout'): (LabelledText<Category> & { language: string })[] {
  const corpus = CorpusSchema.parse(
    readData(name === 'seed' ? 'category-corpus.json' : 'category-heldout.json'),
  );
  return Object.entries(corpus).flatMap(([language, byCategory]) =>
    Object.entries(byCategory).flatMap(([label, texts]) =>
      texts.map((text) => ({ text, label: label as Category, language })),
    ),
  );
}
