/**
 * WhatsApp simulator: plays Meta for demo mode and tests. It must not import `src/whatsapp/` (it exists
 * to catch that module's bugs); it shares only `src/kernel/`.
 */
export type { CustomerHandle, PlayOutcome } from './customer.handle.ts';
export { simulatorCustomerPlugin } from './customer-api.routes.ts';
export { SERVICE_WINDOW_MS } from './customers.registry.ts';
export { type SimulatorPluginOptions, simulatorGraphPlugin } from './graph-api.routes.ts';
export { MEDIA_URL_TTL_MS } from './media.store.ts';
export {
  createSimulator,
  DEFAULT_RETRY_DELAYS_MS,
  type DeliverRawOptions,
  type Simulator,
  type TemplateRecord,
} from './simulator.ts';
export type * from './simulator.types.ts';
export { buildDefaultTemplates } from './templates.defaults.ts';
export { serializeLikeMeta, signWebhookBody } from './webhook.serializer.ts';
