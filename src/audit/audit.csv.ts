import type { AuditEntry } from './audit.types.ts';

const COLUMNS = [
  'id',
  'at',
  'actor_type',
  'actor_id',
  'action',
  'target_type',
  'target_id',
  'ip',
  'user_agent',
  'details',
  'prev_hash',
  'hash',
] as const;

/**
 * One CSV field (RFC 4180). Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a
 * leading apostrophe: user agents and details come from whoever sent the request.
 */
export function csvField(value: string | number | null): string {
  if (value === null) {
    return '';
  }
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function toRow(entry: AuditEntry): string {
  const cells = [
    entry.id,
    new Date(entry.at).toISOString(),
    entry.actor.type,
    entry.actor.id,
    entry.action,
    entry.target?.type ?? null,
    entry.target?.id ?? null,
    entry.ip,
    entry.userAgent,
    JSON.stringify(entry.details),
    entry.prevHash,
    entry.hash,
  ];
  return cells.map(csvField).join(',');
}

export async function* toCsv(source: AsyncIterable<AuditEntry>): AsyncGenerator<string> {
  yield `${COLUMNS.join(',')}\r\n`;
  for await (const entry of source) {
    yield `${toRow(entry)}\r\n`;
  }
}
