import { readAt } from './graph.validation.ts';
import type { MetaObject, TemplateCategory } from './simulator.types.ts';

function readText(content: unknown, path: string[]): string | undefined {
  const value = readAt(content, path);
  return typeof value === 'string' ? value : undefined;
}

function describeInteractive(content: unknown): string {
  const body = readText(content, ['body', 'text']) ?? '';
  const buttons = readAt(content, ['action', 'buttons']);
  if (Array.isArray(buttons)) {
    const titles = buttons.map((button) => readText(button, ['reply', 'title']) ?? '?');
    return `${body}\n[${titles.join('] [')}]`;
  }
  const label = readText(content, ['action', 'button']);
  return label ? `${body}\n[${label}]` : body;
}

/** A readable rendering of what the customer's phone shows for a Graph send (non-template). */
export function describeOutbound(type: string, content: unknown): string {
  switch (type) {
    case 'text':
      return readText(content, ['body']) ?? '';
    case 'image':
    case 'video':
    case 'audio':
    case 'sticker':
      return readText(content, ['caption']) ?? `[${type}]`;
    case 'document':
      return readText(content, ['caption']) ?? readText(content, ['filename']) ?? '[document]';
    case 'location':
      return (
        readText(content, ['name']) ??
        `[location ${readAt(content, ['latitude'])}, ${readAt(content, ['longitude'])}]`
      );
    case 'contacts':
      return Array.isArray(content)
        ? content.map((card) => readText(card, ['name', 'formatted_name']) ?? '?').join(', ')
        : '[contacts]';
    case 'interactive':
      return describeInteractive(content);
    case 'reaction':
      return readText(content, ['emoji']) ?? '';
    default:
      return `[${type}]`;
  }
}

/** `pricing` of sent/delivered statuses under per-message pricing (PMP). */
export function buildPricing(input: {
  templateCategory?: TemplateCategory;
  isWindowOpen: boolean;
}): MetaObject {
  if (input.templateCategory === undefined) {
    return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
  }
  const category = input.templateCategory.toLowerCase();
  // Utility templates delivered inside an open customer-service window are free under PMP.
  const isFree = category === 'utility' && input.isWindowOpen;
  return {
    billable: !isFree,
    pricing_model: 'PMP',
    type: isFree ? 'free_customer_service' : 'regular',
    category,
  };
}
