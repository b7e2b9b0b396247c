/** One inbound message (`value.messages[i]`) and one status (`value.statuses[i]`) into Sightline's model. */
import type { z } from 'zod';
import { describeIssue, type JsonPath, parseAtPath } from './webhook.errors.ts';
import {
  type ContextSchema,
  DeliveryStatusSchema,
  MessageCoreSchema,
  type ReferralSchema,
  StatusCoreSchema,
  type WhatsAppErrorSchema,
} from './webhook.schemas.ts';
import { readMessageContent } from './webhook-content.parser.ts';
import type {
  AdReferral,
  InboundMessage,
  MessageContext,
  StatusUpdate,
  WebhookWarning,
  WhatsAppErrorDetail,
} from './whatsapp.types.ts';

export function mapErrorDetails(
  errors: z.output<typeof WhatsAppErrorSchema>[] | undefined,
): WhatsAppErrorDetail[] {
  return (errors ?? []).map((error) => ({
    code: error.code,
    title: error.title,
    message: error.message,
    details: error.error_data?.details,
  }));
}

function mapContext(context: z.output<typeof ContextSchema> | undefined): MessageContext | undefined {
  if (context === undefined) {
    return undefined;
  }
  const product = context.referred_product;
  return {
    quotedWamid: context.id,
    from: context.from,
    forwarded: context.forwarded === true,
    frequentlyForwarded: context.frequently_forwarded === true,
    referredProduct: product && {
      catalogId: product.catalog_id,
      productRetailerId: product.product_retailer_id,
    },
  };
}

function mapReferral(
  referral: z.output<typeof ReferralSchema> | undefined,
  raw: unknown,
): AdReferral | undefined {
  if (referral === undefined) {
    return undefined;
  }
  return {
    sourceUrl: referral.source_url,
    sourceId: referral.source_id,
    sourceType: referral.source_type,
    headline: referral.headline,
    body: referral.body,
    mediaType: referral.media_type,
    ctwaClid: referral.ctwa_clid,
    raw,
  };
}

/** Throws `webhook.invalid_payload` when the message lacks id, timestamp or type; content never throws. */
export function parseInboundMessage(
  raw: unknown,
  path: JsonPath,
  warnings: WebhookWarning[],
): InboundMessage {
  const core = parseAtPath(MessageCoreSchema, raw, path);
  const message = raw as Record<string, unknown>;
  return {
    wamid: core.id,
    fromWaId: core.from,
    fromUserId: core.from_user_id,
    timestamp: core.timestamp,
    type: core.type,
    content: readMessageContent(core.type, message, { path, warnings, depth: 0 }),
    context: mapContext(core.context),
    referral: mapReferral(core.referral, message.referral),
    errors: mapErrorDetails(core.errors),
    raw,
  };
}

/**
 * Throws when the status lacks id or timestamp; an unknown `status` value (Meta adds some now and then)
 * skips only this entry, with a warning, and returns undefined.
 */
export function parseStatusUpdate(
  raw: unknown,
  path: JsonPath,
  warnings: WebhookWarning[],
): StatusUpdate | undefined {
  const core = parseAtPath(StatusCoreSchema, raw, path);
  const status = DeliveryStatusSchema.safeParse(core.status);
  if (!status.success) {
    warnings.push({
      ...describeIssue(status.error, [...path, 'status']),
      message: `unknown status "${core.status}"`,
    });
    return undefined;
  }
  return {
    wamid: core.id,
    status: status.data,
    timestamp: core.timestamp,
    recipientWaId: core.recipient_id,
    recipientUserId: core.recipient_user_id,
    bizOpaqueCallbackData: core.biz_opaque_callback_data,
    errors: mapErrorDetails(core.errors),
    pricingCategory: core.pricing?.category,
  };
}
