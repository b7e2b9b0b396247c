/** Media: intake limits, type sniffing, encrypted storage, previews, serving and agents' attachments. */
export { contentDisposition, sanitizeFilename } from './filename.ts';
export {
  createLocalMediaProcessor,
  MAX_IMAGE_PIXELS,
  type MediaProbe,
  probeMedia,
  processImage,
  requireTool,
} from './local.media-processor.ts';
export { canSeeMedia, findVisibleMedia } from './media.access.ts';
export { createMediaContentReader, type MediaContent, type MediaContentReader } from './media.content.ts';
export { createMediaFetchJob, DEFAULT_MEDIA_TIMING, type MediaTiming } from './media.fetch.job.ts';
export { createMediaIntakeHook } from './media.intake.ts';
export { createMediaJobSpecs, DEFAULT_FETCH_RETRY, type MediaJobSpecs } from './media.jobs.ts';
export { acceptsDeclaredType, formatBytes, isInlineSafe, MEDIA_LIMITS } from './media.limits.ts';
export { createMediaModule, type MediaModule, type MediaModuleOptions } from './media.module.ts';
export { createMediaPreviewJob } from './media.preview.job.ts';
export { eraseMedia, listMediaFiles, type MediaFile } from './media.privacy.ts';
export type { MediaProcessor, MediaSource, ProcessedMedia, StoredMediaSource } from './media.processor.ts';
export { type BotSender, createRefusalNotifier } from './media.refusal.ts';
export { mediaRoutes, parseRange } from './media.routes.ts';
export { detectMime, sniffMedia } from './media.sniff.ts';
export * from './media.types.ts';
export { createOutboundMedia, type OutboundMedia, type OutboundMediaInfo } from './media.upload.ts';
export { createMediaUrlSigner, type MediaUrlSigner } from './media.urls.ts';
export { createMediaViews, type MediaViews } from './media.views.ts';
export { findTool, runTool, withPrivateFile } from './tools.ts';
