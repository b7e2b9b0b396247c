import type { PolicyConditions, SlaPolicy, TicketFacts } from '../sla.types.ts';

type ConditionKey = keyof PolicyConditions;

/** How a ticket fared against one policy, in precedence order (the dry-run shows this). */
export interface PolicyTrace {
  policyId: string;
  name: string;
  position: number;
  outcome: 'applies' | 'matches_but_shadowed' | 'no_match' | 'disabled';
  /** The conditions the ticket did not meet. */
  failed: ConditionKey[];
}

export interface PolicyChoice {
  policy: SlaPolicy | null;
  trace: PolicyTrace[];
}

function failedConditions(conditions: PolicyConditions, facts: TicketFacts): ConditionKey[] {
  const checks: [ConditionKey, boolean][] = [
    ['teamIds', !conditions.teamIds || (facts.teamId !== null && conditions.teamIds.includes(facts.teamId))],
    ['tiers', !conditions.tiers || conditions.tiers.includes(facts.tier as never)],
    [
      'segments',
      !conditions.segments || (facts.segment !== null && conditions.segments.includes(facts.segment)),
    ],
    ['vip', conditions.vip === undefined || conditions.vip === facts.vip],
    ['channelIds', !conditions.channelIds || conditions.channelIds.includes(facts.channelId)],
    [
      'categories',
      !conditions.categories || (facts.category !== null && conditions.categories.includes(facts.category)),
    ],
  ];
  return checks.filter(([, ok]) => !ok).map(([key]) => key);
}

/** Precedence: enabled policies in ascending position; the first whose conditions all hold applies. */
export function choosePolicy(policies: readonly SlaPolicy[], facts: TicketFacts): PolicyChoice {
  let chosen: SlaPolicy | null = null;
  const trace = [...policies]
    .sort((a, b) => a.position - b.position)
    .map((policy): PolicyTrace => {
      const failed = failedConditions(policy.conditions, facts);
      const base = { policyId: policy.id, name: policy.name, position: policy.position, failed };
      if (!policy.enabled) {
        return { ...base, outcome: 'disabled' };
      }
      if (failed.length > 0) {
        return { ...base, outcome: 'no_match' };
      }
      if (chosen) {
        return { ...base, outcome: 'matches_but_shadowed' };
      }
      chosen = policy;
      return { ...base, outcome: 'applies' };
    });
  return { policy: chosen, trace };
}

/** Whether every ticket `inner` matches is also matched by `outer` (so `inner`, if later, never applies). */
export function covers(outer: PolicyConditions, inner: PolicyConditions): boolean {
  const lists = ['teamIds', 'tiers', 'segments', 'channelIds', 'categories'] as const;
  for (const key of lists) {
    const allowed = outer[key] as readonly string[] | undefined;
    if (!allowed) {
      continue;
    }
    const required = inner[key] as readonly string[] | undefined;
    if (!required?.every((value) => allowed.includes(value))) {
      return false;
    }
  }
  return outer.vip === undefined || outer.vip === inner.vip;
}

/** Enabled policies that an earlier enabled policy makes unreachable: [the unreachable one, the earlier one]. */
export function findUnreachable(policies: readonly SlaPolicy[]): [SlaPolicy, SlaPolicy][] {
  const ordered = policies.filter((p) => p.enabled).sort((a, b) => a.position - b.position);
  const found: [SlaPolicy, SlaPolicy][] = [];
  ordered.forEach((policy, i) => {
    const earlier = ordered.slice(0, i).find((other) => covers(other.conditions, policy.conditions));
    if (earlier) {
      found.push([policy, earlier]);
    }
  });
  return found;
}
