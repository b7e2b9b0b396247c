import safeRegex from 'safe-regex2';
import { AppError } from '../../kernel/index.ts';
import { MAX_PATTERN_LENGTH } from './rule.schema.ts';

/** Regexes only ever see the first 4 KiB of a message, so even a slow pattern has a bounded input. */
export const MAX_REGEX_INPUT = 4_096;

/**
 * Compiles a rule's pattern, refusing one that does not parse or that could backtrack catastrophically:
 * safe-regex2 rejects nested quantifiers (star height > 1, as in `(a+)+`) and patterns with too many
 * repetitions, the shapes behind exponential backtracking.
 */
export function compilePattern(pattern: string, caseSensitive: boolean, field: string): RegExp {
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new AppError(
      'invalid_input',
      'routing.regex_too_long',
      `${field}: at most ${MAX_PATTERN_LENGTH} characters`,
      {
        details: { field },
      },
    );
  }
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, caseSensitive ? 'u' : 'iu');
  } catch (error) {
    throw new AppError('invalid_input', 'routing.regex_invalid', `${field}: ${(error as Error).message}`, {
      details: { field },
    });
  }
  if (!safeRegex(regex)) {
    throw new AppError(
      'invalid_input',
      'routing.regex_unsafe',
      `${field}: this pattern could backtrack catastrophically (nested or too many quantifiers); simplify it`,
      { details: { field } },
    );
  }
  return regex;
}
