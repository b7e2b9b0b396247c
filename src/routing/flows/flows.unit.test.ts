import { describe, expect, it } from 'vitest';
import { assertNoFlowLoop, type FlowInput, FlowInputSchema } from './flow.schema.ts';
import { answerMenu, HANDOFF_OPTION, runFrom } from './flow-runner.ts';

const flow: FlowInput = FlowInputSchema.parse({
  name: 'FAQ',
  start: 'welcome',
  nodes: {
    welcome: { kind: 'answer', text: 'Hello!', next: 'menu' },
    menu: {
      kind: 'menu',
      text: 'How can we help?',
      options: [
        { id: 'hours', title: 'Hours', next: 'hours' },
        { id: 'agent', title: 'Agent', next: 'agent' },
      ],
    },
    hours: { kind: 'answer', text: '9–18' },
    agent: { kind: 'handoff' },
  },
});

describe('bot flows', () => {
  it('runs answers until a menu, then follows the chosen option to its end', () => {
    const first = runFrom(flow, flow.start);
    expect(first.outputs.map((o) => o.kind)).toEqual(['text', 'menu']);
    expect(first.next).toEqual({ kind: 'wait', nodeId: 'menu' });
    expect(answerMenu(flow, 'menu', 'hours')).toEqual({
      outputs: [{ kind: 'text', text: '9–18' }],
      next: { kind: 'resolved' },
    });
    expect(answerMenu(flow, 'menu', 'agent').next).toEqual({ kind: 'handoff' });
  });

  it.each([
    [HANDOFF_OPTION, 'the built-in option'],
    [undefined, 'free text instead of a choice'],
    ['unknown', 'an option that no longer exists'],
  ])('hands over on %s (%s)', (replyId, _why) => {
    expect(answerMenu(flow, 'menu', replyId)).toEqual({ outputs: [], next: { kind: 'handoff' } });
  });

  it('refuses answers that loop without a menu, and accepts loops through a menu', () => {
    const looping = {
      ...flow,
      nodes: { ...flow.nodes, hours: { kind: 'answer' as const, text: 'x', next: 'welcome' } },
    };
    expect(() => assertNoFlowLoop(looping)).not.toThrow();
    const tight = {
      ...flow,
      nodes: { ...flow.nodes, welcome: { kind: 'answer' as const, text: 'x', next: 'welcome' } },
    };
    expect(() => assertNoFlowLoop(tight)).toThrow(/welcome → welcome/);
  });

  it('names a dangling node and too many buttons', () => {
    const dangling = FlowInputSchema.safeParse({ ...flow, start: 'nowhere' });
    expect(dangling.error?.issues[0]?.path).toEqual(['start']);
    const crowded = FlowInputSchema.safeParse({
      name: 'x',
      start: 'm',
      nodes: {
        m: {
          kind: 'menu',
          text: '?',
          options: ['a', 'b', 'c'].map((id) => ({ id, title: id, next: 'e' })),
        },
        e: { kind: 'handoff' },
      },
    });
    expect(crowded.error?.issues[0]?.message).toMatch(/at most 2 buttons/);
  });
});
