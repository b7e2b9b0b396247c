import type { z } from 'zod';
import { type AppError, invalidInput } from '../kernel/index.ts';
import type { WebhookWarning } from './whatsapp.types.ts';

export type JsonPath = readonly PropertyKey[];

/** `['entry', 0, 'changes', 1, 'value']` → `entry[0].changes[1].value`; the root is `$`. */
export function formatJsonPath(path: JsonPath): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') {
      text += `[${key}]`;
    } else {
      text += text === '' ? String(key) : `.${String(key)}`;
    }
  }
  return text === '' ? '$' : text;
}

export function createInvalidPayloadError(path: JsonPath, problem: string): AppError {
  const at = formatJsonPath(path);
  return invalidInput('webhook.invalid_payload', `Invalid WhatsApp webhook payload at ${at}: ${problem}`, {
    path: at,
  });
}

/** Parses `value` (found at `basePath`) or throws `webhook.invalid_payload` naming the first bad path. */
export function parseAtPath<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  basePath: JsonPath,
): z.output<Schema> {
  const result = schema.safeParse(value);
  if (result.success) {
    return result.data;
  }
  const issue = result.error.issues[0];
  const fullPath = [...basePath, ...(issue?.path ?? [])];
  throw createInvalidPayloadError(fullPath, issue?.message ?? 'invalid value');
}

export function describeIssue(error: z.ZodError, basePath: JsonPath): WebhookWarning {
  const issue = error.issues[0];
  return {
    path: formatJsonPath([...basePath, ...(issue?.path ?? [])]),
    message: issue?.message ?? 'invalid value',
  };
}
