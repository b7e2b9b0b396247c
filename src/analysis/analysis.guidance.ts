import { t } from '../i18n/index.ts';
import type { AnalysisSettings } from './analysis.repo.ts';
import type { UnusableReason } from './analysis.types.ts';

/**
 * What the customer is asked to do about an unusable photo, in their language: the business's own
 * wording when it set one for that reason and language, else the shipped catalogue's.
 */
export function guidanceText(
  reason: UnusableReason,
  language: string,
  overrides: AnalysisSettings['guidance'],
): string {
  const base = language.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return overrides[reason]?.[base]?.trim() || t(language, `analysis.guidance.${reason}`);
}
