import type { z } from 'zod';
import {
  INTERACTIVE_SCHEMAS,
  type OutboundType,
  ReadReceiptSchema,
  SendEnvelopeSchema,
  TYPE_SCHEMAS,
} from './graph.schemas.ts';

export type SendRequest =
  | { kind: 'read'; messageId: string; hasTypingIndicator: boolean }
  | {
      kind: 'message';
      to: string;
      type: OutboundType;
      /** The `<type>` object (an array for `contacts`). */
      content: unknown;
      contextMessageId?: string;
      bizOpaqueCallbackData?: string;
    };

export type SendValidation =
  | { ok: true; request: SendRequest }
  | { ok: false; code: number; details: string };

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  const [first, ...rest] = path;
  return `${String(first ?? 'body')}${rest.map((key) => (typeof key === 'number' ? `[${key}]` : `['${String(key)}']`)).join('')}`;
}

export function readAt(value: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') {
      return undefined;
    }
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Maps a zod issue to the Meta error code and details Graph would answer for it. */
function describeIssue(
  issue: z.core.$ZodIssue,
  input: unknown,
  prefix: PropertyKey[],
): { code: number; details: string } {
  const fullPath = [...prefix, ...issue.path];
  const param = formatPath(fullPath);
  switch (issue.code) {
    case 'invalid_type':
      return readAt(input, issue.path) === undefined
        ? { code: 100, details: `The parameter ${param} is required.` }
        : { code: 100, details: `Param ${param} must be a valid ${issue.expected}.` };
    case 'too_big':
      return issue.origin === 'array'
        ? { code: 131009, details: `Param ${param} must have at most ${issue.maximum} items.` }
        : { code: 100, details: `Param ${param} must be at most ${issue.maximum} characters long.` };
    case 'too_small':
      return issue.origin === 'array'
        ? { code: 131009, details: `Param ${param} must have at least ${issue.minimum} items.` }
        : { code: 100, details: `Param ${param} must be at least ${issue.minimum} characters long.` };
    case 'invalid_value':
      return {
        code: 100,
        details: `Param ${param} must be one of {${issue.values.map(String).join(', ')}}.`,
      };
    case 'custom': {
      const code = typeof issue.params?.code === 'number' ? issue.params.code : 131009;
      return { code, details: `Param ${param}: ${issue.message}` };
    }
    default:
      return { code: 100, details: `Param ${param}: ${issue.message}` };
  }
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown, prefix: PropertyKey[]) {
  const result = schema.safeParse(input);
  if (result.success) {
    return { ok: true as const, value: result.data };
  }
  const issue = result.error.issues[0];
  const described = issue
    ? describeIssue(issue, input, prefix)
    : { code: 100, details: 'Invalid parameter.' };
  return { ok: false as const, ...described };
}

function pickTypeSchema(type: OutboundType, content: unknown): z.ZodType {
  if (type === 'interactive') {
    const kind = readAt(content, ['type']);
    if (kind === 'button' || kind === 'list') {
      return INTERACTIVE_SCHEMAS[kind];
    }
  }
  return TYPE_SCHEMAS[type];
}

/** Validates a send body like Graph does; the first problem wins, as with Meta. */
export function validateSendRequest(body: unknown): SendValidation {
  if (readAt(body, ['status']) !== undefined) {
    const receipt = parseWith(ReadReceiptSchema, body, []);
    if (!receipt.ok) {
      return receipt;
    }
    const { message_id, typing_indicator } = receipt.value;
    return {
      ok: true,
      request: { kind: 'read', messageId: message_id, hasTypingIndicator: typing_indicator !== undefined },
    };
  }
  const envelope = parseWith(SendEnvelopeSchema, body, []);
  if (!envelope.ok) {
    return envelope;
  }
  const { to, type, context, biz_opaque_callback_data } = envelope.value;
  const content = readAt(body, [type]);
  const typed = parseWith(pickTypeSchema(type, content), content, [type]);
  if (!typed.ok) {
    return typed;
  }
  if (type === 'reaction' && context !== undefined) {
    return { ok: false, code: 131009, details: 'A reaction cannot be sent as a contextual reply.' };
  }
  return {
    ok: true,
    request: {
      kind: 'message',
      to,
      type,
      content,
      ...(context ? { contextMessageId: context.message_id } : {}),
      ...(biz_opaque_callback_data === undefined ? {} : { bizOpaqueCallbackData: biz_opaque_callback_data }),
    },
  };
}
