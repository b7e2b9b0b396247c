import type {} from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { buildGraphError } from './graph.errors.ts';
import { buildUnknownObjectError, guardGraphCall, sendGraphError } from './graph.http.ts';
import { findMediaRule, listSupportedMimeTypes } from './media.limits.ts';
import type { Simulator } from './simulator.ts';

type MediaParams = { version: string; mediaId: string };
type UploadParams = { version: string; phoneNumberId: string };

async function readUpload(request: FastifyRequest) {
  const fields: Record<string, string> = {};
  let file: { data: Buffer; mimeType: string; filename: string } | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      file = { data: await part.toBuffer(), mimeType: part.mimetype, filename: part.filename };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  return { fields, file };
}

function describePhoneNumber(simulator: Simulator) {
  return {
    verified_name: 'Sightline Demo',
    code_verification_status: 'VERIFIED',
    display_phone_number: `+${simulator.config.displayPhoneNumber}`,
    quality_rating: 'GREEN',
    platform_type: 'CLOUD_API',
    throughput: { level: 'STANDARD' },
    id: simulator.config.phoneNumberId,
  };
}

/** Meta's media endpoints: resolve an id to a 5-minute URL, download with the bearer, upload, delete. */
export function registerGraphMediaRoutes(app: FastifyInstance, simulator: Simulator): void {
  const { media } = simulator.graph;

  app.get<{ Params: { token: string } }>('/media-download/:token', async (request, reply) => {
    if (await guardGraphCall(simulator, request, reply, 'media-download')) {
      return reply;
    }
    const lookup = media.lookupDownload(request.params.token);
    if (lookup.kind !== 'found') {
      return reply
        .code(404)
        .type('text/plain')
        .send(lookup.kind === 'expired' ? 'URL expired' : 'Not found');
    }
    return reply
      .header('content-type', lookup.media.mimeType)
      .header('content-length', String(lookup.media.fileSize))
      .send(lookup.media.data);
  });

  app.get<{ Params: MediaParams; Querystring: { phone_number_id?: string } }>(
    '/:version/:mediaId',
    async (request, reply) => {
      if (await guardGraphCall(simulator, request, reply, 'media')) {
        return reply;
      }
      const { mediaId } = request.params;
      if (mediaId === simulator.config.phoneNumberId) {
        return describePhoneNumber(simulator);
      }
      const found = media.findMedia(mediaId);
      const phoneNumberId = request.query.phone_number_id;
      if (!found || (phoneNumberId !== undefined && phoneNumberId !== simulator.config.phoneNumberId)) {
        return sendGraphError(reply, buildUnknownObjectError('get', mediaId));
      }
      const { token } = media.issueDownloadToken(found.id);
      return {
        messaging_product: 'whatsapp',
        url: `${request.protocol}://${request.host}${app.prefix}/media-download/${token}`,
        mime_type: found.mimeType,
        sha256: found.sha256Hex,
        file_size: found.fileSize,
        id: found.id,
      };
    },
  );

  app.delete<{ Params: MediaParams }>('/:version/:mediaId', async (request, reply) => {
    if (await guardGraphCall(simulator, request, reply, 'media')) {
      return reply;
    }
    if (!media.deleteMedia(request.params.mediaId)) {
      return sendGraphError(reply, buildUnknownObjectError('delete', request.params.mediaId));
    }
    return { success: true };
  });

  app.post<{ Params: UploadParams }>('/:version/:phoneNumberId/media', async (request, reply) => {
    if (await guardGraphCall(simulator, request, reply, 'media')) {
      return reply;
    }
    if (request.params.phoneNumberId !== simulator.config.phoneNumberId) {
      return sendGraphError(reply, buildUnknownObjectError('post', request.params.phoneNumberId));
    }
    const { fields, file } = await readUpload(request);
    if (fields.messaging_product !== 'whatsapp') {
      return sendGraphError(reply, buildGraphError(100, 'The parameter messaging_product is required.'));
    }
    if (!file) {
      return sendGraphError(reply, buildGraphError(100, 'The parameter file is required.'));
    }
    const mimeType = fields.type ?? file.mimeType;
    const rule = findMediaRule(mimeType);
    if (!rule) {
      const details = `Param file must be a file with one of the following types: ${listSupportedMimeTypes().join(', ')}. Received file of type '${mimeType}'.`;
      return sendGraphError(reply, buildGraphError(131053, details));
    }
    if (file.data.length > rule.maxBytes) {
      const details = `${rule.kind} file size ${file.data.length} bytes exceeds the maximum of ${rule.maxBytes} bytes.`;
      return sendGraphError(reply, buildGraphError(131053, details));
    }
    const stored = media.addMedia({ data: file.data, mimeType, filename: file.filename, origin: 'business' });
    return { id: stored.id };
  });
}
