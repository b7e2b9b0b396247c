/**
 * Filling a WhatsApp template: which placeholders it has, checking the values an agent, a rule or the
 * bot gives before anything is sent (Meta would refuse with 132000/132018 and the customer would get
 * nothing), and building the Graph API components and the text the timeline shows.
 */
import { AppError, invalidInput } from '../kernel/index.ts';
import type { TemplateComponent, TemplateComponentInfo } from '../whatsapp/index.ts';

export interface StoredTemplate {
  name: string;
  language: string;
  status: string;
  category: string | null;
  parameterFormat: 'POSITIONAL' | 'NAMED';
  components: TemplateComponentInfo[];
}

/** Values by placeholder name ("1", "2"… for positional templates), for the header and the body. */
export interface TemplateValues {
  header?: Record<string, string>;
  body?: Record<string, string>;
}

export type TemplateSection = 'header' | 'body';

export interface TemplateSlots {
  header: string[];
  body: string[];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const MAX_VALUE_LENGTH = 1024;
const MEDIA_HEADERS = new Set(['IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION']);

function componentText(template: StoredTemplate, type: string): string | undefined {
  return template.components.find((component) => component.type === type)?.text;
}

/** Placeholder names of a text, each once, positional ones in numeric order. */
export function placeholdersOf(text: string | undefined): string[] {
  const names = [...new Set([...(text ?? '').matchAll(PLACEHOLDER)].map((match) => match[1]!))];
  return names.every((name) => /^\d+$/.test(name)) ? names.sort((a, b) => Number(a) - Number(b)) : names;
}

export function templateSlots(template: StoredTemplate): TemplateSlots {
  return {
    header: placeholdersOf(componentText(template, 'HEADER')),
    body: placeholdersOf(componentText(template, 'BODY')),
  };
}

/** Why a template cannot be sent by Sightline at all (whatever the values), or null. */
export function unsendableReason(template: StoredTemplate): string | null {
  if (template.status !== 'APPROVED') {
    return `Template ${template.name} (${template.language}) is ${template.status}, not approved by Meta.`;
  }
  const header = template.components.find((component) => component.type === 'HEADER');
  if (header?.format !== undefined && MEDIA_HEADERS.has(header.format)) {
    return `Template ${template.name} has a ${header.format.toLowerCase()} header, which Sightline cannot fill yet.`;
  }
  const buttons = template.components.find((component) => component.type === 'BUTTONS');
  if (buttons?.buttons.some((button) => placeholdersOf(button.url).length > 0)) {
    return `Template ${template.name} has a button with a variable link, which Sightline cannot fill yet.`;
  }
  return null;
}

function checkValue(field: string, value: string | undefined): string {
  const text = value?.trim() ?? '';
  if (text === '') {
    throw invalidInput('template.parameter_missing', `${field}: a value is required`, { field });
  }
  if (text.length > MAX_VALUE_LENGTH) {
    throw invalidInput(
      'template.parameter_too_long',
      `${field}: must be at most ${MAX_VALUE_LENGTH} characters`,
      { field, limit: MAX_VALUE_LENGTH },
    );
  }
  // WhatsApp refuses template parameters with line breaks, tabs or more than four spaces in a row.
  if (/[\n\r\t]/.test(text) || / {5,}/.test(text)) {
    throw invalidInput(
      'template.parameter_format',
      `${field}: WhatsApp does not allow line breaks, tabs or more than four spaces in a row in a template value`,
      { field },
    );
  }
  return text;
}

function checkSection(
  section: TemplateSection,
  slots: string[],
  given: Record<string, string> | undefined,
): string[] {
  const unknown = Object.keys(given ?? {}).filter((name) => !slots.includes(name));
  if (unknown.length > 0) {
    const field = `parameters.${section}.${unknown[0]}`;
    const expected = slots.length > 0 ? slots.map((slot) => `{{${slot}}}`).join(', ') : 'none';
    throw invalidInput(
      'template.parameter_unknown',
      `${field}: this template's ${section} has no such placeholder (it has ${expected})`,
      { field },
    );
  }
  return slots.map((slot) => checkValue(`parameters.${section}.${slot}`, given?.[slot]));
}

function fill(text: string | undefined, slots: string[], values: string[]): string {
  return (text ?? '').replace(PLACEHOLDER, (whole, name: string) => {
    const index = slots.indexOf(name);
    return index === -1 ? whole : values[index]!;
  });
}

export interface PreparedTemplate {
  components: TemplateComponent[];
  /** Header, body and footer as the customer reads them. */
  text: string;
}

/** Checks every value against the template and builds what the Graph API takes. */
export function prepareTemplate(template: StoredTemplate, values: TemplateValues): PreparedTemplate {
  const reason = unsendableReason(template);
  if (reason !== null) {
    throw new AppError('conflict', 'template.not_sendable', reason);
  }
  const slots = templateSlots(template);
  const header = checkSection('header', slots.header, values.header);
  const body = checkSection('body', slots.body, values.body);
  const named = template.parameterFormat === 'NAMED';
  const toParameters = (names: string[], texts: string[]) =>
    texts.map((text, index) => ({
      type: 'text' as const,
      text,
      ...(named ? { parameterName: names[index]! } : {}),
    }));
  const components: TemplateComponent[] = [];
  if (header.length > 0) {
    components.push({ type: 'header', parameters: toParameters(slots.header, header) });
  }
  if (body.length > 0) {
    components.push({ type: 'body', parameters: toParameters(slots.body, body) });
  }
  const parts = [
    fill(componentText(template, 'HEADER'), slots.header, header),
    fill(componentText(template, 'BODY'), slots.body, body),
    componentText(template, 'FOOTER') ?? '',
  ];
  return { components, text: parts.filter((part) => part !== '').join('\n\n') };
}
