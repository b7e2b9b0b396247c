/** Defensive parsers for the simulator's JSON (its shape may still move; keep the guessing here). */
import { isRecord } from '../../lib/api-client';

export interface SimCustomer {
  waId: string;
  name: string | null;
}

export interface PhoneButton {
  id: string;
  title: string;
  description?: string | null;
}

export interface PhoneInteractive {
  kind: 'buttons' | 'list';
  header: string | null;
  body: string | null;
  footer: string | null;
  /** The list's open button label. */
  listLabel: string | null;
  options: PhoneButton[];
}

export interface PhoneInboxMessage {
  wamid: string;
  type: string;
  body: string | null;
  interactive: PhoneInteractive | null;
  status: string | null;
  timestamp: number;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);

function arrayOf(body: unknown): unknown[] {
  if (Array.isArray(body)) {
    return body;
  }
  if (isRecord(body) && Array.isArray(body.data)) {
    return body.data;
  }
  return [];
}

export function parseCustomers(body: unknown): SimCustomer[] {
  const customers: SimCustomer[] = [];
  for (const item of arrayOf(body)) {
    if (!isRecord(item)) {
      continue;
    }
    const profile = isRecord(item.profile) ? item.profile : {};
    const waId = str(item.waId) ?? str(item.wa_id) ?? str(item.phone) ?? str(item.id);
    if (waId) {
      customers.push({ waId, name: str(item.name) ?? str(profile.name) });
    }
  }
  return customers;
}

/** Seconds or milliseconds, number or numeric string → epoch ms. */
export function toEpochMs(value: unknown): number {
  const numeric = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : Number.NaN;
  if (Number.isFinite(numeric)) {
    return numeric < 1e12 ? numeric * 1000 : numeric;
  }
  if (typeof value === 'string') {
    const parsed = Date.parse(value);
    if (Number.isFinite(parsed)) {
      return parsed;
    }
  }
  return Date.now();
}

function textOf(value: unknown): string | null {
  if (isRecord(value)) {
    return str(value.text);
  }
  return str(value);
}

/** Graph API interactive objects: reply buttons, or a list with sections of rows. */
export function parseInteractive(value: unknown): PhoneInteractive | null {
  if (!isRecord(value)) {
    return null;
  }
  const action = isRecord(value.action) ? value.action : {};
  const base = {
    header: textOf(value.header),
    body: textOf(value.body),
    footer: textOf(value.footer),
  };
  if (Array.isArray(action.buttons)) {
    const options = action.buttons.flatMap((button) => {
      const reply =
        isRecord(button) && isRecord(button.reply) ? button.reply : isRecord(button) ? button : {};
      const id = str(reply.id);
      const title = str(reply.title);
      return id && title ? [{ id, title }] : [];
    });
    return { kind: 'buttons', listLabel: null, options, ...base };
  }
  if (Array.isArray(action.sections)) {
    const options = action.sections.flatMap((section) =>
      isRecord(section) && Array.isArray(section.rows)
        ? section.rows.flatMap((row) => {
            const id = isRecord(row) ? str(row.id) : null;
            const title = isRecord(row) ? str(row.title) : null;
            return id && title
              ? [{ id, title, description: isRecord(row) ? str(row.description) : null }]
              : [];
          })
        : [],
    );
    return { kind: 'list', listLabel: str(action.button), options, ...base };
  }
  return null;
}

export function parseInbox(body: unknown): PhoneInboxMessage[] {
  const messages: PhoneInboxMessage[] = [];
  for (const item of arrayOf(body)) {
    if (!isRecord(item)) {
      continue;
    }
    const wamid = str(item.wamid) ?? str(item.id);
    if (!wamid) {
      continue;
    }
    const interactive = parseInteractive(item.interactive);
    messages.push({
      wamid,
      type: str(item.type) ?? 'text',
      body: textOf(item.body) ?? interactive?.body ?? null,
      interactive,
      status: str(item.status),
      timestamp: toEpochMs(item.timestamp),
    });
  }
  return messages;
}

/** Whatever id the simulator returns for an accepted message. */
export function parseSentWamid(body: unknown): string | null {
  if (!isRecord(body)) {
    return null;
  }
  const data = isRecord(body.data) ? body.data : body;
  const messages = Array.isArray(data.messages) ? data.messages[0] : null;
  return str(data.wamid) ?? str(data.id) ?? (isRecord(messages) ? str(messages.id) : null);
}
