/**
 * `parseWebhook` turns a verified webhook body (already JSON-parsed) into `ParsedWebhook`.
 * Run it only after `verifySignature` has accepted the raw bytes.
 */

import { type JsonPath, parseAtPath } from './webhook.errors.ts';
import { EnvelopeHeadSchema, EnvelopeSchema, MessagesValueSchema } from './webhook.schemas.ts';
import { mapErrorDetails, parseInboundMessage, parseStatusUpdate } from './webhook-message.parser.ts';
import type {
  ChannelChange,
  InboundMessage,
  ParsedWebhook,
  SenderProfile,
  StatusUpdate,
  WebhookWarning,
} from './whatsapp.types.ts';

const WHATSAPP_OBJECT = 'whatsapp_business_account';
const MESSAGES_FIELD = 'messages';

function parseChannelChange(wabaId: string, value: unknown, path: JsonPath): ChannelChange {
  const parsed = parseAtPath(MessagesValueSchema, value, path);
  const warnings: WebhookWarning[] = [];
  const senders = (parsed.contacts ?? []).map(
    (contact): SenderProfile => ({
      waId: contact.wa_id,
      userId: contact.user_id,
      name: contact.profile?.name,
      username: contact.profile?.username,
    }),
  );
  const messages = (parsed.messages ?? []).map(
    (raw, index): InboundMessage => parseInboundMessage(raw, [...path, 'messages', index], warnings),
  );
  const statuses: StatusUpdate[] = [];
  for (const [index, raw] of (parsed.statuses ?? []).entries()) {
    const status = parseStatusUpdate(raw, [...path, 'statuses', index], warnings);
    if (status !== undefined) {
      statuses.push(status);
    }
  }
  return {
    wabaId,
    phoneNumberId: parsed.metadata.phone_number_id,
    displayPhoneNumber: parsed.metadata.display_phone_number ?? '',
    senders,
    messages,
    statuses,
    errors: mapErrorDetails(parsed.errors),
    warnings,
  };
}

/**
 * Parses every entry and every `messages` change of one POST. Other objects and other fields are
 * well-formed but not ours: they come back as `ignored` (answer 200, so Meta does not retry them).
 * Throws `invalid_input` / `webhook.invalid_payload` with the JSON path when the payload is malformed.
 */
export function parseWebhook(json: unknown): ParsedWebhook {
  const head = parseAtPath(EnvelopeHeadSchema, json, []);
  if (head.object !== WHATSAPP_OBJECT) {
    return { kind: 'ignored', reason: `object "${head.object}" is not ${WHATSAPP_OBJECT}` };
  }
  const envelope = parseAtPath(EnvelopeSchema, json, []);
  const changes: ChannelChange[] = [];
  let ignoredChanges = 0;
  for (const [entryIndex, entry] of envelope.entry.entries()) {
    for (const [changeIndex, change] of entry.changes.entries()) {
      if (change.field !== MESSAGES_FIELD) {
        ignoredChanges += 1;
        continue;
      }
      const path = ['entry', entryIndex, 'changes', changeIndex, 'value'];
      changes.push(parseChannelChange(entry.id, change.value, path));
    }
  }
  if (changes.length === 0) {
    return { kind: 'ignored', reason: `no "${MESSAGES_FIELD}" change (${ignoredChanges} other)` };
  }
  return { kind: 'messages', changes, ignoredChanges };
}
