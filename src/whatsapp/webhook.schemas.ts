/**
 * Zod schemas for Meta's WhatsApp webhook payloads (whatsapp-cloud-api.md §3–§5).
 * Objects are loose (Meta adds keys often); only what we need to route and dedupe is required.
 * Arrays of messages and statuses are validated item by item in the parser, so every issue carries a
 * precise path and `raw` stays the object exactly as received.
 */
import { z } from 'zod';

/** Unix seconds as Meta sends them (a string, sometimes a number), turned into epoch milliseconds. */
export const EpochSecondsSchema = z
  .union([z.string().regex(/^\d{1,12}$/, 'expected Unix seconds'), z.number().nonnegative()])
  .transform((value) => Math.trunc(Number(value)) * 1000);

/** A number that some payloads send as a numeric string (file_size, item_price, coordinates). */
export const LooseNumberSchema = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, 'expected a number')
    .transform((value) => Number(value)),
]);

const IdStringSchema = z.union([z.string().min(1), z.number().transform((value) => String(value))]);

export const WhatsAppErrorSchema = z.looseObject({
  code: LooseNumberSchema,
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});

export const EnvelopeHeadSchema = z.looseObject({ object: z.string() });

export const EnvelopeSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.looseObject({
      id: IdStringSchema,
      changes: z.array(z.looseObject({ field: z.string(), value: z.unknown() })),
    }),
  ),
});

export const SenderContactSchema = z.looseObject({
  wa_id: z.string().optional(),
  user_id: z.string().optional(),
  profile: z.looseObject({ name: z.string().optional(), username: z.string().optional() }).optional(),
});

export const MessagesValueSchema = z.looseObject({
  messaging_product: z.string().optional(),
  metadata: z.looseObject({
    display_phone_number: z.string().optional(),
    phone_number_id: IdStringSchema,
  }),
  contacts: z.array(SenderContactSchema).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(WhatsAppErrorSchema).optional(),
});

export const ContextSchema = z.looseObject({
  from: z.string().optional(),
  id: z.string().optional(),
  forwarded: z.boolean().optional(),
  frequently_forwarded: z.boolean().optional(),
  referred_product: z
    .looseObject({ catalog_id: z.string().optional(), product_retailer_id: z.string().optional() })
    .optional(),
});

export const ReferralSchema = z.looseObject({
  source_url: z.string().optional(),
  source_id: z.string().optional(),
  source_type: z.string().optional(),
  headline: z.string().optional(),
  body: z.string().optional(),
  media_type: z.string().optional(),
  ctwa_clid: z.string().optional(),
});

/** The fields every inbound message must carry; the type-specific object is checked separately. */
export const MessageCoreSchema = z.looseObject({
  id: z.string().min(1),
  timestamp: EpochSecondsSchema,
  type: z.string().min(1),
  from: z.string().optional(),
  from_user_id: z.string().optional(),
  context: ContextSchema.optional(),
  referral: ReferralSchema.optional(),
  errors: z.array(WhatsAppErrorSchema).optional(),
});

export const StatusCoreSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  timestamp: EpochSecondsSchema,
  recipient_id: z.string().optional(),
  recipient_user_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(WhatsAppErrorSchema).optional(),
  pricing: z.looseObject({ category: z.string().optional() }).optional(),
});

export const DeliveryStatusSchema = z.enum(['sent', 'delivered', 'read', 'played', 'failed']);

// --- Type-specific payloads (value.messages[].<type>) ---

export const TextSchema = z.looseObject({ body: z.string() });

export const MediaSchema = z.looseObject({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  url: z.string().optional(),
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});

export const LocationSchema = z.looseObject({
  latitude: LooseNumberSchema,
  longitude: LooseNumberSchema,
  name: z.string().optional(),
  address: z.string().optional(),
  url: z.string().optional(),
});

export const ContactCardSchema = z.looseObject({
  name: z
    .looseObject({
      formatted_name: z.string().optional(),
      first_name: z.string().optional(),
      last_name: z.string().optional(),
    })
    .optional(),
  phones: z
    .array(
      z.looseObject({
        phone: z.string().optional(),
        wa_id: z.string().optional(),
        type: z.string().optional(),
      }),
    )
    .optional(),
  emails: z.array(z.looseObject({ email: z.string().optional(), type: z.string().optional() })).optional(),
  org: z.looseObject({ company: z.string().optional() }).optional(),
});

export const ContactCardsSchema = z.array(ContactCardSchema);

export const InteractiveSchema = z.looseObject({ type: z.string().min(1) });

/** button_reply, list_reply and whatever reply object Meta adds later share this shape. */
export const InteractiveReplySchema = z.looseObject({
  id: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
});

export const FlowReplySchema = z.looseObject({
  name: z.string().optional(),
  body: z.string().optional(),
  response_json: z.string().optional(),
});

export const ButtonSchema = z.looseObject({ payload: z.string().optional(), text: z.string().optional() });

export const ReactionSchema = z.looseObject({ message_id: z.string().min(1), emoji: z.string().optional() });

export const OrderSchema = z.looseObject({
  catalog_id: z.string().optional(),
  text: z.string().optional(),
  product_items: z
    .array(
      z.looseObject({
        product_retailer_id: z.string(),
        quantity: LooseNumberSchema,
        item_price: LooseNumberSchema,
        currency: z.string(),
      }),
    )
    .optional(),
});

export const SystemSchema = z.looseObject({
  body: z.string().optional(),
  type: z.string().optional(),
  wa_id: z.string().optional(),
  /** Older payloads named the new number `new_wa_id`. */
  new_wa_id: z.string().optional(),
});

export const UnsupportedSchema = z.looseObject({ type: z.string().optional() });

export const EditSchema = z.looseObject({
  original_message_id: z.string().optional(),
  message: z.looseObject({ type: z.string().min(1) }).optional(),
});

export const RevokeSchema = z.looseObject({ original_message_id: z.string().min(1) });
