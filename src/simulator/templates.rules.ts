import type { MetaObject, TemplateDefinition } from './simulator.types.ts';

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const FORBIDDEN_PARAM_TEXT = /[\n\t]| {5,}/;

export type TemplateCheck =
  | { ok: true; preview: string }
  | { ok: false; code: 132000 | 132012 | 132018; details: string };

interface SentParameter {
  type?: unknown;
  text?: unknown;
  parameter_name?: unknown;
  fallback_value?: unknown;
  currency?: { fallback_value?: unknown };
  date_time?: { fallback_value?: unknown };
}

/** Distinct placeholder keys of a template text, in first-seen order (`1`, `2` or `ticket_id`…). */
export function listPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))];
}

function readParameterValue(parameter: SentParameter): string | undefined {
  const candidates = [
    parameter.text,
    parameter.currency?.fallback_value,
    parameter.date_time?.fallback_value,
  ];
  const found = candidates.find((value) => typeof value === 'string');
  return typeof found === 'string' ? found : undefined;
}

function findComponentText(template: TemplateDefinition, type: 'HEADER' | 'BODY'): string | undefined {
  const component = template.components.find((c) => c.type === type);
  return component && 'text' in component ? component.text : undefined;
}

function findSentParameters(components: MetaObject[], type: 'header' | 'body'): SentParameter[] {
  const component = components.find((c) => String(c.type).toLowerCase() === type);
  const parameters = component?.parameters;
  return Array.isArray(parameters) ? (parameters as SentParameter[]) : [];
}

/** Checks the parameters of one templated component and fills its placeholders. */
function fillComponent(
  label: 'header' | 'body',
  text: string | undefined,
  sent: SentParameter[],
  isNamed: boolean,
): { ok: true; text: string } | Extract<TemplateCheck, { ok: false }> {
  const expected = text === undefined ? [] : listPlaceholders(text);
  if (sent.length !== expected.length) {
    return {
      ok: false,
      code: 132000,
      details: `${label}: number of localizable_params (${sent.length}) does not match the expected number of params (${expected.length})`,
    };
  }
  const values = new Map<string, string>();
  for (const [index, parameter] of sent.entries()) {
    const value = readParameterValue(parameter);
    const key = isNamed ? parameter.parameter_name : expected[index];
    if (typeof key !== 'string' || !expected.includes(key)) {
      return {
        ok: false,
        code: 132000,
        details: `${label}: parameter_name is missing or not in the template`,
      };
    }
    if (value === undefined || value === '') {
      return { ok: false, code: 132012, details: `${label}: parameter ${index + 1} has no text value` };
    }
    if (label === 'body' && FORBIDDEN_PARAM_TEXT.test(value)) {
      return {
        ok: false,
        code: 132018,
        details: 'Param text cannot have new-line/tab characters or more than 4 consecutive spaces',
      };
    }
    values.set(key, value);
  }
  const filled = (text ?? '').replace(PLACEHOLDER, (whole, key: string) => values.get(key) ?? whole);
  return { ok: true, text: filled };
}

/** Validates the `components` of a template send against the approved template, like Meta does. */
export function checkTemplateSend(template: TemplateDefinition, components: MetaObject[]): TemplateCheck {
  const isNamed = template.parameterFormat === 'NAMED';
  const header = fillComponent(
    'header',
    findComponentText(template, 'HEADER'),
    findSentParameters(components, 'header'),
    isNamed,
  );
  if (!header.ok) {
    return header;
  }
  const body = fillComponent(
    'body',
    findComponentText(template, 'BODY'),
    findSentParameters(components, 'body'),
    isNamed,
  );
  if (!body.ok) {
    return body;
  }
  const footer = template.components.find((c) => c.type === 'FOOTER');
  const parts = [header.text, body.text, footer && 'text' in footer ? footer.text : ''];
  return { ok: true, preview: parts.filter((part) => part !== '').join('\n\n') };
}

/** A template as `GET /{waba-id}/message_templates` lists it. */
export function presentTemplate(template: TemplateDefinition & { id: string }): MetaObject {
  return {
    name: template.name,
    parameter_format: template.parameterFormat ?? 'POSITIONAL',
    components: template.components,
    language: template.language,
    status: template.status ?? 'APPROVED',
    category: template.category,
    id: template.id,
  };
}
