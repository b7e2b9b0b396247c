/**
 * Word matching that works across scripts: text and keywords are folded the same way (NFKD, marks
 * removed, lower case), split into words of letters and digits, and Arabic words are also tried without
 * their attached prefixes (the article ال, the conjunctions و ف and the prepositions ب ك ل), so "دفع"
 * matches "الدفع" and "بالدفع" as a whole word.
 */
export const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}/gu;
const ARABIC_PREFIX = /^(?:[وف])?(?:[بكل])?(?:ال)?/u;
const ARABIC = /\p{Script=Arabic}/u;

export function foldText(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

/** The folded words of a text, each Arabic word also without its prefixes. */
export function wordsOf(text: string): Set<string> {
  const words = new Set<string>();
  for (const word of foldText(text).match(WORD) ?? []) {
    words.add(word);
    const bare = withoutArabicPrefix(word);
    if (bare) {
      words.add(bare);
    }
  }
  return words;
}

/** An Arabic word without its attached prefixes, when it had some and at least two letters remain. */
export function withoutArabicPrefix(word: string): string | undefined {
  if (!ARABIC.test(word)) {
    return undefined;
  }
  const bare = word.replace(ARABIC_PREFIX, '');
  return bare !== word && bare.length >= 2 ? bare : undefined;
}

export interface KeywordMatcher {
  /** The first keyword found in the words, or undefined. */
  find(words: ReadonlySet<string>, folded: string): string | undefined;
}

/**
 * Keywords: a word matches whole words; `word*` matches words starting with it; several words match as
 * a phrase (their folded, space-joined form inside the folded text, on word boundaries).
 */
export function compileKeywords(keywords: readonly string[]): KeywordMatcher {
  const exact = new Map<string, string>();
  const prefixes: [string, string][] = [];
  const phrases: [RegExp, string][] = [];
  for (const keyword of keywords) {
    const parts = foldText(keyword).match(WORD) ?? [];
    if (parts.length === 0) {
      continue;
    }
    if (parts.length > 1) {
      phrases.push([
        new RegExp(`(?<![\\p{L}\\p{N}])${parts.join('[^\\p{L}\\p{N}]+')}(?![\\p{L}\\p{N}])`, 'u'),
        keyword,
      ]);
    } else if (keyword.trim().endsWith('*')) {
      prefixes.push([parts[0]!, keyword]);
    } else {
      exact.set(parts[0]!, keyword);
    }
  }
  return {
    find(words, folded) {
      for (const word of words) {
        const hit = exact.get(word) ?? prefixes.find(([prefix]) => word.startsWith(prefix))?.[1];
        if (hit) {
          return hit;
        }
      }
      return phrases.find(([pattern]) => pattern.test(folded))?.[1];
    },
  };
}
