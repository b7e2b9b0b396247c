import { describe, expect, it } from 'vitest';
import { chooseAgent } from '../assignment/choose-agent.ts';
import { scoreSentiment } from '../sentiment/sentiment.ts';
import { isWithinHours } from './business-hours.ts';
import { compileRules, evaluateRules, type RoutingFacts } from './evaluate.ts';
import { findRuleLoop } from './loops.ts';
import type { Rule } from './rule.schema.ts';
import { compileKeywords, foldText, wordsOf } from './text-match.ts';

const facts = (text: string, overrides: Partial<RoutingFacts> = {}): RoutingFacts => ({
  text,
  language: null,
  sentiment: null,
  mediaKind: null,
  vip: false,
  segment: null,
  phoneNumberId: '1',
  isFirstMessage: true,
  now: Date.UTC(2026, 0, 5, 9, 0),
  ticket: { priority: 'normal', tier: 'L1', teamId: null, tags: [], category: null },
  ...overrides,
});

const rule = (id: string, partial: Partial<Rule>): Rule => ({
  id,
  name: id,
  enabled: true,
  match: 'all',
  conditions: [],
  actions: [{ kind: 'stop' }],
  ...partial,
});

describe('keyword matching', () => {
  it.each([
    ['billing', 'Question about my BILLING', true],
    ['billing', 'rebilling is not a word here', false],
    ['facture*', 'Mes factures de mars', true],
    ['pagamento', 'Problema con il pagamento.', true],
    ['دفع', 'عندي مشكلة في الدفع', true],
    ['دفع', 'وبالدفع', true],
    ['dafa', 'عندي مشكلة في الدفع', false],
    ['café', 'un CAFE svp', true],
    ['credit card', 'my credit   card was refused', true],
    ['credit card', 'my creditcard', false],
  ])('%s in “%s” → %s', (keyword, text, expected) => {
    const found = compileKeywords([keyword]).find(wordsOf(text), foldText(text));
    expect(found !== undefined).toBe(expected);
  });
});

describe('rules', () => {
  it('sees the changes of earlier rules, stops at stop, and caps the actions', () => {
    const rules = compileRules([
      rule('a', { actions: [{ kind: 'set_priority', priority: 'high' }] }),
      rule('b', {
        conditions: [{ kind: 'priority', in: ['high'] }],
        actions: [{ kind: 'add_tags', tags: ['hot'] }, { kind: 'stop' }],
      }),
      rule('c', { actions: [{ kind: 'add_tags', tags: ['never'] }] }),
    ]);
    const decision = evaluateRules(rules, facts('hi'));
    expect(decision.ticket).toMatchObject({ priority: 'high', tags: ['hot'] });
    expect(decision.trace.map((t) => t.ruleId)).toEqual(['a', 'b']);
    const many = compileRules(
      Array.from({ length: 30 }, (_, i) =>
        rule(`r${i}`, { actions: [{ kind: 'add_tags', tags: [`t${i}`] }] }),
      ),
    );
    const capped = evaluateRules(many, facts('hi'));
    expect(capped.truncated).toBe(true);
    expect(capped.actions).toHaveLength(20);
  });

  it('finds loops between rules and a rule feeding itself', () => {
    const a = rule('A', {
      conditions: [{ kind: 'team', in: ['x'] }],
      actions: [{ kind: 'set_team', teamId: 'y' }],
    });
    const b = rule('B', {
      conditions: [{ kind: 'team', in: ['y'] }],
      actions: [{ kind: 'set_team', teamId: 'x' }],
    });
    const self = rule('S', {
      conditions: [{ kind: 'tags', any: ['p'] }],
      actions: [{ kind: 'add_tags', tags: ['p'] }],
    });
    const chain = rule('C', {
      conditions: [{ kind: 'priority', in: ['high'] }],
      actions: [{ kind: 'set_priority', priority: 'urgent' }],
    });
    expect(findRuleLoop([a, b])).toEqual(['A', 'B', 'A']);
    expect(findRuleLoop([self])).toEqual(['S', 'S']);
    expect(findRuleLoop([a, chain])).toBeUndefined();
    expect(findRuleLoop([a, { ...b, enabled: false }])).toBeUndefined();
  });
});

describe('business hours', () => {
  const window = { timezone: 'Europe/Paris', days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' };
  it.each([
    [Date.UTC(2026, 0, 5, 8, 30), true], // Monday 09:30 in Paris
    [Date.UTC(2026, 0, 5, 7, 30), false], // Monday 08:30
    [Date.UTC(2026, 0, 10, 10, 0), false], // Saturday
  ])('%i → %s', (at, expected) => {
    expect(isWithinHours(at, window)).toBe(expected);
  });
  it('spans midnight', () => {
    const night = { timezone: 'UTC', days: [1], from: '22:00', to: '06:00' };
    expect(isWithinHours(Date.UTC(2026, 0, 6, 3, 0), night)).toBe(true); // Tuesday 03:00, from Monday night
    expect(isWithinHours(Date.UTC(2026, 0, 7, 3, 0), night)).toBe(false);
  });
});

describe('sentiment', () => {
  it.each([
    ['I am very happy, thanks!', 'pos'],
    ['I am not happy', 'neg'],
    ['Je ne suis pas content', 'neg'],
    ['خدمة سيئة جدا', 'neg'],
    ['Where is my parcel?', 'none'],
  ])('%s → %s', (text, expected) => {
    const score = scoreSentiment(text);
    expect(score === null ? 'none' : score > 0 ? 'pos' : 'neg').toBe(expected);
  });
});

describe('choosing an agent', () => {
  const agent = (userId: string, load: number, extra: { languages?: string[]; skills?: string[] } = {}) => ({
    userId,
    teamIds: ['t'],
    skills: extra.skills ?? [],
    languages: extra.languages ?? [],
    maxTickets: 2,
    load,
  });
  const ticket = { id: 'k', teamId: 't', language: null, tags: [], previousAgentId: null };
  const team = { strategy: 'least_loaded' as const, lastAssignedUserId: null };
  it('picks the least loaded, never one at cap, sticks to the previous agent, waits for the language', () => {
    expect(chooseAgent(ticket, [agent('a', 1), agent('b', 0)], team)?.userId).toBe('b');
    expect(chooseAgent(ticket, [agent('a', 2), agent('b', 2)], team)).toBeUndefined();
    expect(
      chooseAgent({ ...ticket, previousAgentId: 'a' }, [agent('a', 1), agent('b', 0)], team)?.userId,
    ).toBe('a');
    const arabic = { ...ticket, language: 'ar' };
    expect(chooseAgent(arabic, [agent('a', 0), agent('b', 1, { languages: ['ar'] })], team)?.userId).toBe(
      'b',
    );
    expect(chooseAgent(arabic, [agent('a', 0), agent('b', 2, { languages: ['ar'] })], team)).toBeUndefined();
    expect(
      chooseAgent({ ...ticket, tags: ['vat'] }, [agent('a', 0), agent('b', 1, { skills: ['vat'] })], team)
        ?.userId,
    ).toBe('b');
  });
  it('takes turns in round robin', () => {
    const agents = [agent('a', 0), agent('b', 0), agent('c', 0)];
    expect(chooseAgent(ticket, agents, { strategy: 'round_robin', lastAssignedUserId: 'a' })?.userId).toBe(
      'b',
    );
    expect(chooseAgent(ticket, agents, { strategy: 'round_robin', lastAssignedUserId: 'c' })?.userId).toBe(
      'a',
    );
  });
});
