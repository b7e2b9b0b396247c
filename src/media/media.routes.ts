import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { BlobTamperedError, type MediaVault } from '../blobs/vault.types.ts';
import { auditRequest, originOf } from '../http/audit-context.ts';
import { errorBody } from '../http/error-handler.ts';
import { addRoute, authorize, parseInput } from '../http/route.ts';
import { AppError, type Clock } from '../kernel/index.ts';
import type { Database } from '../store/index.ts';
import { contentDisposition, defaultFilename } from './filename.ts';
import { canSeeMedia } from './media.access.ts';
import { isInlineSafe, MAX_MEDIA_BYTES } from './media.limits.ts';
import { findBlob, findMedia, type MediaRow } from './media.repo.ts';
import { type MediaVariant, SENSITIVE_CLASSES } from './media.types.ts';
import type { OutboundMedia } from './media.upload.ts';
import type { MediaUrlSigner } from './media.urls.ts';

const MEDIA_CSP = "default-src 'none'; sandbox";
const IdParams = z.object({ id: z.string().min(1).max(64) });
const SensitivityBody = z.strictObject({
  sensitiveClass: z
    .enum(SENSITIVE_CLASSES, { error: `must be one of: ${SENSITIVE_CLASSES.join(', ')}` })
    .nullable(),
});
const ServeQuery = z.object({
  exp: z.string().max(20).optional(),
  sig: z.string().max(100).optional(),
  download: z.string().max(5).optional(),
});

export interface MediaRouteDeps {
  db: Kysely<Database>;
  vault: MediaVault;
  signer: MediaUrlSigner;
  clock: Clock;
  outbound: OutboundMedia;
}

/**
 * Serving media to agents (session, API token or a signed URL), with range requests decrypting only the
 * chunks asked for; and agents' uploads for replies.
 */
export async function mediaRoutes(app: FastifyInstance, deps: MediaRouteDeps): Promise<void> {
  await app.register(multipart, { limits: { files: 1, fields: 4, fileSize: MAX_MEDIA_BYTES + 1 } });

  for (const variant of ['original', 'preview', 'thumbnail'] as const) {
    const url = variant === 'original' ? '/api/v1/media/:id' : `/api/v1/media/:id/${variant}`;
    app.get(url, async (request, reply) => serveMedia(deps, app, request, reply, variant));
  }

  addRoute(app, {
    method: 'PUT',
    url: '/api/v1/media/:id/sensitivity',
    summary: 'Flag media as sensitive (identity_document, financial) or clear the flag (null)',
    tag: 'media',
    permission: 'media.classify',
    params: IdParams,
    body: SensitivityBody,
    handler: async ({ params, body, audit }) => {
      const updated = await deps.db
        .updateTable('media')
        .set({ sensitive_class: body.sensitiveClass, updated_at: deps.clock.now() })
        .where('id', '=', params.id)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) {
        throw new AppError('not_found', 'media.not_found', `No media with id ${params.id}.`);
      }
      await audit({
        action: 'media.classified',
        target: { type: 'media', id: params.id },
        details: { sensitiveClass: body.sensitiveClass },
      });
      return { data: { id: params.id, sensitiveClass: body.sensitiveClass } };
    },
  });

  addRoute(app, {
    method: 'POST',
    url: '/api/v1/media',
    summary: 'Upload an attachment for a reply (multipart field "file"); returns its media id',
    tag: 'media',
    permission: 'tickets.write',
    response: { status: 201, description: 'Stored, encrypted, ready to send' },
    handler: async ({ request, principal }) => {
      if (!request.isMultipart()) {
        throw new AppError(
          'invalid_input',
          'media.multipart_required',
          'Send the file as multipart/form-data in a field named "file".',
        );
      }
      const part = await request.file();
      if (part?.fieldname !== 'file') {
        throw new AppError(
          'invalid_input',
          'media.file_required',
          'Send the file in a multipart field named "file".',
        );
      }
      const data = await deps.outbound.storeUpload({
        file: part.file,
        filename: part.filename,
        declaredMime: part.mimetype,
        uploadedBy: principal.userId,
      });
      return { data };
    },
  });
}

async function serveMedia(
  deps: MediaRouteDeps,
  app: FastifyInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  variant: MediaVariant,
) {
  const { id } = parseInput(IdParams, request.params, 'params');
  const query = ServeQuery.safeParse(request.query).data ?? {};
  const signed = query.sig !== undefined || query.exp !== undefined;
  if (signed) {
    const check = deps.signer.verify(id, variant, query.exp, query.sig, deps.clock.now());
    if (check !== 'valid') {
      throw new AppError(
        'forbidden',
        check === 'expired' ? 'media.link_expired' : 'media.link_invalid',
        check === 'expired'
          ? 'This media link has expired; reload the conversation for a fresh one.'
          : 'This media link is not valid.',
      );
    }
  }
  const principal = signed ? null : await app.authenticate(request);
  if (principal) {
    await authorize(request, principal, 'tickets.read');
  }
  const media = await findMedia(deps.db, id);
  if (principal && media && !(await canSeeMedia(deps.db, principal, media))) {
    await auditRequest(request, principal, {
      action: 'access.denied',
      target: { type: 'media', id },
      details: { reason: 'team_scope', variant },
    });
    throw new AppError('not_found', 'media.not_found', 'This media is not (or not yet) stored.');
  }
  if (principal && media?.sensitive_class && !principal.permissions.includes('media.read_sensitive')) {
    await auditRequest(request, principal, {
      action: 'access.denied',
      target: { type: 'media', id },
      details: { reason: 'sensitive_media', sensitiveClass: media.sensitive_class, variant },
    });
    throw new AppError(
      'forbidden',
      'media.restricted',
      'This file is flagged as sensitive; only roles with media.read_sensitive may open it.',
    );
  }
  const target = await resolveTarget(deps, media, variant);
  const range = parseRange(request.headers.range, target.size);
  // One entry per view or download; the follow-up range requests of a player are the same view.
  if (range === undefined || (range !== 'unsatisfiable' && range.start === 0)) {
    const note = {
      action: query.download === undefined ? 'media.viewed' : 'media.downloaded',
      target: { type: 'media', id },
      details: { variant, ticketId: media?.ticket_id ?? null },
    };
    await (principal
      ? auditRequest(request, principal, note)
      : app.auditLog.record({
          ...note,
          actor: { type: 'signed_link', id: null },
          origin: originOf(request),
        }));
  }
  reply.headers({
    'content-type': target.contentType,
    'content-disposition': contentDisposition(
      target.inline && query.download === undefined ? 'inline' : 'attachment',
      target.filename,
    ),
    'x-content-type-options': 'nosniff',
    'content-security-policy': MEDIA_CSP,
    'cache-control': 'private, max-age=300',
    'accept-ranges': 'bytes',
    etag: `"${target.etag}"`,
  });
  if (range === 'unsatisfiable') {
    // 416 has no error kind of its own: answered here, in the error body's usual shape.
    return reply
      .code(416)
      .header('content-range', `bytes */${target.size}`)
      .header('content-disposition', null)
      .type('application/json')
      .send(
        errorBody(
          'invalid_input',
          'media.range_not_satisfiable',
          `The requested range is outside the file (${target.size} bytes).`,
          request.id,
        ),
      );
  }
  try {
    const body = await deps.vault.open(target.blob, range);
    if (range) {
      reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${target.size}`);
    }
    reply.header('content-length', String(range ? range.end - range.start + 1 : target.size));
    return reply.send(body);
  } catch (error) {
    if (error instanceof BlobTamperedError) {
      throw new AppError(
        'unprocessable',
        'media.integrity_failed',
        'The stored file failed its integrity check; it was modified or damaged.',
      );
    }
    throw error;
  }
}

interface ServeTarget {
  blob: { key: string; wrappedKey: string; size: number };
  size: number;
  contentType: string;
  filename: string;
  inline: boolean;
  etag: string;
}

async function resolveTarget(
  deps: MediaRouteDeps,
  media: MediaRow | undefined,
  variant: MediaVariant,
): Promise<ServeTarget> {
  if (media?.state === 'erased') {
    throw new AppError('not_found', 'media.erased', "This media was erased at the customer's request.");
  }
  const blob =
    media?.sha256 && (media.state === 'stored' || media.state === 'quarantined')
      ? await findBlob(deps.db, media.sha256)
      : undefined;
  if (!media || !blob) {
    throw new AppError('not_found', 'media.not_found', 'This media is not (or not yet) stored.');
  }
  const filename = media.filename ?? defaultFilename(media.kind, media.id, media.sniffed_mime);
  if (variant === 'original') {
    // Quarantined files are only ever handed over as opaque downloads.
    const quarantined = media.state === 'quarantined';
    const inline = !quarantined && isInlineSafe(media.sniffed_mime);
    return {
      blob: { key: blob.blob_key, wrappedKey: blob.wrapped_key, size: blob.size },
      size: blob.size,
      contentType: quarantined
        ? 'application/octet-stream'
        : (media.sniffed_mime ?? 'application/octet-stream'),
      filename,
      inline,
      etag: `${blob.sha256}`,
    };
  }
  const key = variant === 'preview' ? blob.preview_key : blob.thumb_key;
  const wrappedKey = variant === 'preview' ? blob.preview_wrapped_key : blob.thumb_wrapped_key;
  const size = variant === 'preview' ? blob.preview_size : blob.thumb_size;
  if (media.state !== 'stored' || !key || !wrappedKey || size === null) {
    throw new AppError('not_found', 'media.preview_not_available', 'There is no preview for this media.');
  }
  return {
    blob: { key, wrappedKey, size },
    size,
    contentType: (variant === 'preview' ? blob.preview_mime : blob.thumb_mime) ?? 'image/webp',
    filename: `${filename.replace(/\.[^.]*$/, '')}-${variant}.${variant === 'preview' ? 'jpg' : 'webp'}`,
    inline: true,
    etag: `${blob.sha256}-${variant}`,
  };
}

/** One `bytes=` range (multi-range requests get the whole file, which RFC 9110 allows). */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) {
    return undefined;
  }
  if (match[1] === '') {
    const suffix = Number(match[2]);
    return suffix === 0 || size === 0
      ? 'unsatisfiable'
      : { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  return start >= size || start > end ? 'unsatisfiable' : { start, end };
}
