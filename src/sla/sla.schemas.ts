import { z } from 'zod';
import { minutesOfDay, WEEKDAYS } from './engine/calendar.ts';
import { isTimeZone } from './engine/zone.ts';
import { SLA_METRICS } from './sla.types.ts';

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected a time as HH:MM (00:00–24:00)');
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'not a calendar date',
  );

const WorkingHoursSchema = z
  .object({ day: z.enum(WEEKDAYS), start: Clock, end: Clock })
  .strict()
  .refine((h) => minutesOfDay(h.end) > minutesOfDay(h.start), {
    message: 'a block of working hours must end after it starts',
    path: ['end'],
  });

export const CalendarBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    timeZone: z
      .string()
      .refine(isTimeZone, { message: 'not a time zone of the IANA database (e.g. Europe/Paris)' }),
    hours: z.array(WorkingHoursSchema).min(1, 'a calendar needs working hours').max(70),
    holidays: z
      .array(z.object({ date: IsoDate, name: z.string().trim().max(100).default('') }).strict())
      .max(1000)
      .default([]),
  })
  .strict()
  .superRefine((calendar, ctx) => {
    for (const day of WEEKDAYS) {
      const sorted = calendar.hours
        .filter((h) => h.day === day)
        .sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start));
      for (let i = 1; i < sorted.length; i += 1) {
        if (minutesOfDay(sorted[i]!.start) < minutesOfDay(sorted[i - 1]!.end)) {
          ctx.addIssue({
            code: 'custom',
            path: ['hours'],
            message: `working hours overlap on ${day} (${sorted[i - 1]!.start}–${sorted[i - 1]!.end} and ${sorted[i]!.start}–${sorted[i]!.end})`,
          });
        }
      }
    }
  });
export type CalendarInput = z.infer<typeof CalendarBody>;

const Minutes = z
  .number()
  .int('a target is a whole number of minutes')
  .positive('a target must be more than zero minutes')
  .max(366 * 24 * 60, 'a target can be at most a year');

const MetricTargetsSchema = z
  .object(
    Object.fromEntries(SLA_METRICS.map((m) => [m, Minutes.optional()])) as {
      [K in (typeof SLA_METRICS)[number]]: z.ZodOptional<typeof Minutes>;
    },
  )
  .strict();

const Ids = z.array(z.string().min(1)).min(1, 'leave the condition out instead of giving an empty list');

const ConditionsSchema = z
  .object({
    teamIds: Ids.optional(),
    tiers: z
      .array(z.enum(['L1', 'L2', 'L3']))
      .min(1)
      .optional(),
    segments: Ids.optional(),
    vip: z.boolean().optional(),
    channelIds: Ids.optional(),
    categories: Ids.optional(),
  })
  .strict();

const ActionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('raise_priority') }).strict(),
  z.object({ kind: z.literal('unassign') }).strict(),
  z.object({ kind: z.literal('escalate_tier') }).strict(),
  z.object({ kind: z.literal('notify'), userIds: Ids }).strict(),
]);

export const PolicyBody = z
  .object({
    name: z.string().trim().min(1).max(100),
    position: z.number().int().min(0).max(100_000),
    enabled: z.boolean().default(true),
    conditions: ConditionsSchema.default({}),
    targets: z
      .object({
        low: MetricTargetsSchema.optional(),
        normal: MetricTargetsSchema.optional(),
        high: MetricTargetsSchema.optional(),
        urgent: MetricTargetsSchema.optional(),
      })
      .strict()
      .refine((t) => Object.values(t).some((m) => m && Object.keys(m).length > 0), {
        message: 'a policy needs at least one target',
      }),
    calendarId: z.string().min(1).nullable().default(null),
    warnShare: z
      .number()
      .gt(0, 'the warning share is a fraction between 0 and 1 (e.g. 0.75)')
      .lt(1, 'the warning share is a fraction between 0 and 1 (e.g. 0.75)')
      .nullable()
      .default(0.75),
    countBotReplies: z.boolean().default(false),
    actions: z.array(ActionSchema).max(10).default([]),
    webhookUrl: z
      .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
      .nullable()
      .default(null),
  })
  .strict();
export type PolicyInput = z.infer<typeof PolicyBody>;

export const DryRunBody = z.object({ ticketId: z.string().min(1) }).strict();

export const QueueQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

export const ComplianceQuery = z
  .object({
    from: z.coerce.number().int().min(0),
    to: z.coerce.number().int().min(0),
    groupBy: z.enum(['policy', 'team', 'agent']).default('policy'),
  })
  .strict()
  .refine((q) => q.to > q.from, { message: 'to must be after from', path: ['to'] });
