import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import yazl from 'yazl';
import type { MediaVault } from '../blobs/index.ts';
import { AppError } from '../kernel/index.ts';
import { listMediaFiles, sanitizeFilename } from '../media/index.ts';
import { type Database, readJson, readJsonOrNull } from '../store/index.ts';

export interface CustomerExport {
  filename: string;
  archive: Readable;
  counts: { tickets: number; messages: number; media: number };
}

const README = `Everything Sightline holds about one customer (a data-protection access request).

contact.json    the customer as stored (name, WhatsApp number and user id, language, segment)
tickets.json    their conversations: status, priority, team, tags, timestamps and timeline events
messages.json   every message of those conversations, both directions, and agents' internal notes
media.json      the attachments: type, size, file name, and the path of the file in media/
media/          the attachments themselves, decrypted
`;

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);

/** Builds the archive for a customer (a zip stream; attachments are decrypted as the zip is read). */
export async function exportCustomer(
  deps: { db: Kysely<Database>; vault: MediaVault },
  contactId: string,
): Promise<CustomerExport> {
  const { db } = deps;
  const contact = await db.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirst();
  if (!contact) {
    throw new AppError('not_found', 'customer.not_found', `No customer with id ${contactId}.`);
  }
  const tickets = await db
    .selectFrom('tickets')
    .selectAll()
    .where('contact_id', '=', contactId)
    .orderBy('number')
    .execute();
  const ticketIds = tickets.map((t) => t.id);
  const [tags, events, messages, media] =
    ticketIds.length === 0
      ? [[], [], [], []]
      : await Promise.all([
          db.selectFrom('ticket_tags').selectAll().where('ticket_id', 'in', ticketIds).execute(),
          db
            .selectFrom('ticket_events')
            .selectAll()
            .where('ticket_id', 'in', ticketIds)
            .orderBy('id')
            .execute(),
          db.selectFrom('messages').selectAll().where('ticket_id', 'in', ticketIds).orderBy('id').execute(),
          listMediaFiles(db, deps.vault, ticketIds),
        ]);
  const numberOf = new Map(tickets.map((t) => [t.id, Number(t.number)]));
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(README), 'README.txt');
  zip.addBuffer(json(contact), 'contact.json');
  zip.addBuffer(
    json(
      tickets.map((t) => ({
        ...t,
        referral: readJsonOrNull(t.referral),
        tags: tags.filter((g) => g.ticket_id === t.id).map((g) => g.tag),
        events: events.filter((e) => e.ticket_id === t.id).map((e) => ({ ...e, data: readJson(e.data) })),
      })),
    ),
    'tickets.json',
  );
  zip.addBuffer(
    json(
      messages.map((m) => {
        const { raw: _raw, ...content } = readJson<Record<string, unknown>>(m.content);
        return {
          ...m,
          ticketNumber: numberOf.get(m.ticket_id),
          content,
          referral: readJsonOrNull(m.referral),
        };
      }),
    ),
    'messages.json',
  );
  const entries = media.map((file) => ({
    ...file,
    path: `media/${numberOf.get(file.ticketId ?? '') ?? 'unlinked'}-${file.id}-${sanitizeFilename(file.filename, file.id)}`,
  }));
  zip.addBuffer(json(entries.map(({ open: _open, ...meta }) => meta)), 'media.json');
  for (const entry of entries) {
    zip.addReadStreamLazy(entry.path, (done) => {
      entry.open().then(
        (stream) => done(null, stream),
        (error: unknown) => done(error, undefined as never),
      );
    });
  }
  zip.end();
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    filename: `sightline-customer-${contactId}-${stamp}.zip`,
    archive: zip.outputStream as Readable,
    counts: { tickets: tickets.length, messages: messages.length, media: media.length },
  };
}
