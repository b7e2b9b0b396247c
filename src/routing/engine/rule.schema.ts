import { z } from 'zod';

export const PRIORITY_VALUES = ['low', 'normal', 'high', 'urgent'] as const;
export const TIER_VALUES = ['L1', 'L2', 'L3'] as const;
export const MAX_PATTERN_LENGTH = 200;
/** A rule set that does more than this per message is a mistake; evaluation stops there. */
export const MAX_ACTIONS_PER_MESSAGE = 20;

const Id = z.string().trim().min(1).max(64);
const Word = z.string().trim().min(1, 'must not be empty').max(80);
const Tag = z.string().trim().toLowerCase().min(1, 'must not be empty').max(60);
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM (24-hour)');
const Timezone = z.string().refine(isTimezone, 'must be an IANA time zone such as Europe/Paris');

/** Conditions read the message, the customer and the ticket; each is a discriminated union on `kind`. */
export const ConditionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('keywords'), words: z.array(Word).min(1).max(100) }),
  z.strictObject({
    kind: z.literal('regex'),
    pattern: z.string().min(1).max(MAX_PATTERN_LENGTH),
    caseSensitive: z.boolean().default(false),
  }),
  z.strictObject({ kind: z.literal('language'), in: z.array(z.string().min(2).max(8)).min(1) }),
  z
    .strictObject({
      kind: z.literal('sentiment'),
      below: z.number().min(-1).max(1).optional(),
      above: z.number().min(-1).max(1).optional(),
    })
    .refine((c) => c.below !== undefined || c.above !== undefined, 'give below or above'),
  z.strictObject({ kind: z.literal('media'), in: z.array(z.string().min(1).max(40)).min(1) }),
  z.strictObject({ kind: z.literal('category'), in: z.array(z.string().min(1).max(80)).min(1) }),
  z.strictObject({ kind: z.literal('vip'), is: z.boolean() }),
  z.strictObject({ kind: z.literal('segment'), in: z.array(z.string().min(1).max(80)).min(1) }),
  z.strictObject({
    kind: z.literal('business_hours'),
    timezone: Timezone,
    days: z.array(z.number().int().min(0).max(6)).min(1).max(7),
    from: Clock,
    to: Clock,
    inside: z.boolean().default(true),
  }),
  z.strictObject({ kind: z.literal('channel'), phoneNumberIds: z.array(z.string().min(1).max(64)).min(1) }),
  z.strictObject({ kind: z.literal('priority'), in: z.array(z.enum(PRIORITY_VALUES)).min(1) }),
  z.strictObject({ kind: z.literal('tier'), in: z.array(z.enum(TIER_VALUES)).min(1) }),
  z.strictObject({ kind: z.literal('team'), in: z.array(Id.nullable()).min(1) }),
  z.strictObject({ kind: z.literal('tags'), any: z.array(Tag).min(1) }),
  /** The ticket's first customer message (a new conversation). */
  z.strictObject({ kind: z.literal('first_message'), is: z.boolean() }),
]);
export type Condition = z.infer<typeof ConditionSchema>;

/** Actions change the ticket or reach out; `stop` ends evaluation for this message. */
export const ActionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('set_team'), teamId: Id }),
  z.strictObject({ kind: z.literal('set_priority'), priority: z.enum(PRIORITY_VALUES) }),
  z.strictObject({ kind: z.literal('set_tier'), tier: z.enum(TIER_VALUES) }),
  z.strictObject({ kind: z.literal('add_tags'), tags: z.array(Tag).min(1).max(20) }),
  z.strictObject({ kind: z.literal('set_category'), category: z.string().trim().min(1).max(80) }),
  z.strictObject({ kind: z.literal('assign'), userId: Id }),
  z.strictObject({ kind: z.literal('escalate'), reason: z.string().trim().min(1).max(500) }),
  z.strictObject({ kind: z.literal('acknowledge') }),
  /** The bot takes the conversation with this flow (the ticket waits for no agent until it hands over). */
  z.strictObject({ kind: z.literal('start_flow'), flowId: Id }),
  z.strictObject({ kind: z.literal('notify'), text: z.string().trim().min(1).max(1000) }),
  z.strictObject({ kind: z.literal('stop') }),
]);
export type Action = z.infer<typeof ActionSchema>;

export const RuleInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(120),
  enabled: z.boolean().default(true),
  /** all: every condition must hold; any: one is enough. No conditions: the rule always fires. */
  match: z.enum(['all', 'any']).default('all'),
  conditions: z.array(ConditionSchema).max(20).default([]),
  actions: z.array(ActionSchema).min(1, 'a rule needs at least one action').max(10),
  /** 0-based place in the ordered list; appended when omitted. */
  position: z.number().int().min(0).optional(),
});
export type RuleInput = z.infer<typeof RuleInputSchema>;

/** A stored rule, as the engine sees it. */
export interface Rule {
  id: string;
  name: string;
  enabled: boolean;
  match: 'all' | 'any';
  conditions: Condition[];
  actions: Action[];
}

function isTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
