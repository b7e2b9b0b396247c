import { z } from 'zod';
import { PRIORITY_VALUES, TIER_VALUES } from './engine/rule.schema.ts';
import { PRESENCES } from './presence.ts';

export const DryRunBody = z.strictObject({
  text: z.string().max(4096).default(''),
  language: z.string().min(2).max(8).nullable().default(null),
  vip: z.boolean().default(false),
  segment: z.string().max(80).nullable().default(null),
  mediaKind: z.enum(['image', 'video', 'audio', 'document', 'sticker']).nullable().default(null),
  phoneNumberId: z.string().max(64).default(''),
  isFirstMessage: z.boolean().default(true),
  /** Epoch ms for business-hours conditions; now when omitted. */
  at: z.number().int().positive().optional(),
  ticket: z
    .strictObject({
      priority: z.enum(PRIORITY_VALUES).default('normal'),
      tier: z.enum(TIER_VALUES).default('L1'),
      teamId: z.string().max(64).nullable().default(null),
      tags: z.array(z.string().max(60)).max(50).default([]),
      category: z.string().max(80).nullable().default(null),
    })
    .prefault({}),
});

export const STRATEGIES = ['least_loaded', 'round_robin'] as const;
export const OFFLINE_POLICIES = ['keep', 'requeue'] as const;

export const TeamBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(80),
  strategy: z.enum(STRATEGIES).default('least_loaded'),
  offlinePolicy: z.enum(OFFLINE_POLICIES).default('keep'),
  memberIds: z.array(z.string().min(1).max(64)).max(500).default([]),
});

export const AgentProfileBody = z.strictObject({
  skills: z.array(z.string().trim().toLowerCase().min(1).max(60)).max(50).default([]),
  languages: z.array(z.string().trim().toLowerCase().min(2).max(8)).max(20).default([]),
  maxTickets: z.number().int().min(0).max(200),
});

export const EscalationPathsBody = z.strictObject({
  L2: z.string().min(1).max(64).nullable(),
  L3: z.string().min(1).max(64).nullable(),
});

export const PresenceBody = z.strictObject({
  presence: z.enum(PRESENCES, { error: `must be one of: ${PRESENCES.join(', ')}` }),
});

export const EscalateBody = z.strictObject({
  reason: z.string().trim().min(1, 'must not be empty').max(500),
});
