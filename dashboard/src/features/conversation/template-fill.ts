/**
 * Choosing and filling a WhatsApp template in the composer: which templates suit the ticket's language,
 * and the text the customer will read with the values typed so far. Pure, so it is tested without rendering.
 */
import type { Template, TemplateSection, TemplateValues } from '../../lib/types';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** 'fr' matches the template languages 'fr', 'fr_FR', 'fr_CA'…; 'en' matches 'en_US'. */
export function isTemplateInLanguage(templateLanguage: string, language: string | null): boolean {
  if (!language) {
    return false;
  }
  const base = (code: string) => code.toLowerCase().split(/[_-]/)[0];
  return base(templateLanguage) === base(language);
}

/** Templates whose name contains the query, split into the customer's language and the others. */
export function groupTemplates(
  templates: readonly Template[],
  language: string | null,
  query: string,
): { customer: Template[]; other: Template[] } {
  const q = query.trim().toLowerCase().replaceAll(' ', '_');
  const matching = templates
    .filter((template) => template.name.toLowerCase().includes(q))
    .sort((a, b) => a.name.localeCompare(b.name) || a.language.localeCompare(b.language));
  return {
    customer: matching.filter((template) => isTemplateInLanguage(template.language, language)),
    other: matching.filter((template) => !isTemplateInLanguage(template.language, language)),
  };
}

function componentText(template: Template, type: 'HEADER' | 'BODY' | 'FOOTER'): string {
  return template.components.find((component) => component.type === type)?.text ?? '';
}

function fill(text: string, values: Record<string, string> | undefined): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values?.[name]?.trim() || whole);
}

/** Header, body and footer as the customer will read them; unfilled placeholders stay visible. */
export function previewTemplate(template: Template, values: TemplateValues): string {
  return [
    fill(componentText(template, 'HEADER'), values.header),
    fill(componentText(template, 'BODY'), values.body),
    componentText(template, 'FOOTER'),
  ]
    .filter((part) => part !== '')
    .join('\n\n');
}

/** The request field the server names for a placeholder (`parameters.body.2`). */
export function parameterField(section: TemplateSection, slot: string): string {
  return `parameters.${section}.${slot}`;
}
