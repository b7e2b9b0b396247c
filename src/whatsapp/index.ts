/** WhatsApp Cloud API: webhook parsing and signatures, the typed Graph client, error codes. */
export {
  convertGraphErrorToAppError,
  GraphApiError,
  type GraphApiErrorInit,
  GraphErrorEnvelopeSchema,
  isGraphApiError,
} from './graph-api-error.ts';
export {
  createGraphClient,
  type GraphClientConfig,
  type MediaInfo,
  type SendResult,
  type TemplateComponentInfo,
  type TemplateInfo,
  type UploadMediaInput,
  type WhatsAppClient,
} from './graph-client.ts';
export {
  describeGraphError,
  type GraphErrorDescription,
  KNOWN_GRAPH_ERROR_CODES,
} from './graph-errors.ts';
export type { FetchFn } from './graph-http.ts';
export { buildMessageBody } from './outbound.body.ts';
export {
  type MediaSource,
  type OutboundPayload,
  OutboundPayloadSchema,
  type TemplateComponent,
  type TemplateParameter,
  type ValidOutboundPayload,
  validateOutboundPayload,
} from './outbound.schemas.ts';
export {
  type ChallengeQuery,
  serializeLikeMeta,
  signPayload,
  verifyChallenge,
  verifySignature,
} from './signature.ts';
export { formatJsonPath } from './webhook.errors.ts';
export { parseWebhook } from './webhook.parser.ts';
export type * from './whatsapp.types.ts';
