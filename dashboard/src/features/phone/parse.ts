/** Parsers for the simulator's JSON (/simulator/api): untrusted input, read defensively, in one place. */
import { isRecord } from '../../lib/api-client';

export interface SimCustomer {
  /** The simulator's key: the phone number (wa_id), or the BSUID of a username-only customer. */
  id: string;
  waId: string | null;
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

/** A message the business sent to this customer. */
export interface PhoneInboxMessage {
  wamid: string;
  type: string;
  text: string | null;
  interactive: PhoneInteractive | null;
  isVoice: boolean;
  status: string | null;
  at: number;
}

/** A message this customer sent, as the simulator delivered it. */
export interface PhoneSentMessage {
  wamid: string;
  type: string;
  text: string | null;
  filename: string | null;
  isVoice: boolean;
  readByBusiness: boolean;
  at: number;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const num = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

function arrayOf(body: unknown): unknown[] {
  return isRecord(body) && Array.isArray(body.data) ? body.data : [];
}

export function parseCustomer(item: unknown): SimCustomer | null {
  if (!isRecord(item)) {
    return null;
  }
  const id = str(item.key) ?? str(item.waId) ?? str(item.userId);
  return id ? { id, waId: str(item.waId), name: str(item.name) } : null;
}

export function parseCustomers(body: unknown): SimCustomer[] {
  return arrayOf(body).flatMap((item) => parseCustomer(item) ?? []);
}

function textOf(value: unknown): string | null {
  return isRecord(value) ? str(value.text) : str(value);
}

/** Graph API interactive objects: reply buttons, or a list with sections of rows. */
export function parseInteractive(value: unknown): PhoneInteractive | null {
  if (!isRecord(value)) {
    return null;
  }
  const action = isRecord(value.action) ? value.action : {};
  const base = { header: textOf(value.header), body: textOf(value.body), footer: textOf(value.footer) };
  if (Array.isArray(action.buttons)) {
    const options = action.buttons.flatMap((button) => {
      const reply = isRecord(button) && isRecord(button.reply) ? button.reply : {};
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

/** `GET /customers/:id/inbox`: the business's messages with their Graph request and a preview. */
export function parseInbox(body: unknown): PhoneInboxMessage[] {
  return arrayOf(body).flatMap((item) => {
    const wamid = isRecord(item) ? str(item.wamid) : null;
    if (!isRecord(item) || !wamid) {
      return [];
    }
    const type = str(item.type) ?? 'text';
    const request = isRecord(item.request) ? item.request : {};
    const interactive = type === 'interactive' ? parseInteractive(request.interactive) : null;
    return [
      {
        wamid,
        type,
        text: interactive ? interactive.body : str(item.preview),
        interactive,
        isVoice: item.isVoice === true,
        status: str(item.status),
        at: num(item.createdAt, Date.now()),
      },
    ];
  });
}

/** What a sent `messages[]` element shows on the customer's own phone. */
function sentText(type: string, message: Record<string, unknown>): string | null {
  const payload = isRecord(message[type]) ? (message[type] as Record<string, unknown>) : {};
  switch (type) {
    case 'text':
      return str(payload.body);
    case 'interactive': {
      const reply = isRecord(payload.button_reply) ? payload.button_reply : payload.list_reply;
      return isRecord(reply) ? str(reply.title) : null;
    }
    case 'button':
      return str(payload.text);
    case 'location':
      return str(payload.name) ?? str(payload.address);
    default:
      return str(payload.caption);
  }
}

/** `GET /customers/:id/sent`: the customer's own messages, as the simulator delivered them. */
export function parseSent(body: unknown): PhoneSentMessage[] {
  return arrayOf(body).flatMap((item) => {
    const wamid = isRecord(item) ? str(item.wamid) : null;
    if (!isRecord(item) || !wamid) {
      return [];
    }
    const type = str(item.type) ?? 'text';
    const message = isRecord(item.message) ? item.message : {};
    const payload = isRecord(message[type]) ? (message[type] as Record<string, unknown>) : {};
    return [
      {
        wamid,
        type,
        text: sentText(type, message),
        filename: str(payload.filename),
        isVoice: payload.voice === true,
        readByBusiness: item.readByBusiness === true,
        at: num(item.at, Date.now()),
      },
    ];
  });
}

/** The wamid the simulator returns for an accepted customer message. */
export function parseSentWamid(body: unknown): string | null {
  return isRecord(body) ? str(body.wamid) : null;
}
