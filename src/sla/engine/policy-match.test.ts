import { describe, expect, it } from 'vitest';
import type { PolicyConditions, SlaPolicy, TicketFacts } from '../sla.types.ts';
import { choosePolicy, covers, findUnreachable } from './policy-match.ts';

const policy = (id: string, position: number, conditions: PolicyConditions, enabled = true): SlaPolicy => ({
  id,
  name: id,
  position,
  enabled,
  conditions,
  targets: { normal: { firstResponse: 60 } },
  calendarId: null,
  warnShare: 0.75,
  countBotReplies: false,
  actions: [],
  webhookUrl: null,
  createdAt: 0,
  updatedAt: 0,
});

const facts: TicketFacts = {
  teamId: 'billing',
  tier: 'L2',
  segment: 'enterprise',
  vip: true,
  channelId: 'ch1',
  category: 'refund',
  priority: 'normal',
};

describe('policy precedence', () => {
  it('applies the first enabled match in position order and reports why the others did not', () => {
    const choice = choosePolicy(
      [
        policy('catch-all', 30, {}),
        policy('vip', 20, { vip: true, segments: ['enterprise'] }),
        policy('sales', 10, { teamIds: ['sales'], categories: ['refund'] }),
        policy('off', 5, {}, false),
      ],
      facts,
    );
    expect(choice.policy?.id).toBe('vip');
    expect(choice.trace.map((t) => [t.policyId, t.outcome, t.failed])).toEqual([
      ['off', 'disabled', []],
      ['sales', 'no_match', ['teamIds']],
      ['vip', 'applies', []],
      ['catch-all', 'matches_but_shadowed', []],
    ]);
  });

  it.each([
    ['no team on the ticket', { teamIds: ['billing'] }, { ...facts, teamId: null }, ['teamIds']],
    ['another tier', { tiers: ['L1', 'L3'] }, facts, ['tiers']],
    ['not VIP', { vip: true }, { ...facts, vip: false }, ['vip']],
    [
      'another channel and category',
      { channelIds: ['ch2'], categories: ['bug'] },
      facts,
      ['channelIds', 'categories'],
    ],
  ] as const)('does not match on %s', (_name, conditions, ticket, failed) => {
    const choice = choosePolicy([policy('p', 1, conditions as PolicyConditions)], ticket);
    expect(choice.policy).toBeNull();
    expect(choice.trace[0]?.failed).toEqual(failed);
  });

  it.each([
    [{}, { tiers: ['L2'] }, true],
    [{ tiers: ['L1', 'L2'] }, { tiers: ['L2'] }, true],
    [{ tiers: ['L2'] }, { tiers: ['L1', 'L2'] }, false],
    [{ tiers: ['L2'] }, {}, false],
    [{ vip: true }, { vip: true, teamIds: ['a'] }, true],
    [{ vip: true }, { vip: false }, false],
  ] as const)('covers(%j, %j) is %s', (outer, inner, expected) => {
    expect(covers(outer as PolicyConditions, inner as PolicyConditions)).toBe(expected);
  });

  it('finds a policy that an earlier, broader one makes unreachable', () => {
    const broad = policy('broad', 1, { tiers: ['L1', 'L2'] });
    const narrow = policy('narrow', 2, { tiers: ['L2'], vip: true });
    expect(findUnreachable([broad, narrow]).map(([a, b]) => [a.id, b.id])).toEqual([['narrow', 'broad']]);
    expect(findUnreachable([{ ...narrow, position: 0 }, broad])).toEqual([]);
    expect(findUnreachable([{ ...broad, enabled: false }, narrow])).toEqual([]);
  });
});
