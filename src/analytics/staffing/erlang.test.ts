import { describe, expect, it } from 'vitest';
import { agentsNeeded, erlangC, serviceLevel } from './erlang.ts';

describe('Erlang C', () => {
  // The textbook table for 10 Erlangs (e.g. 200 calls an hour of 3 minutes each).
  it.each([
    [11, 0.6821],
    [12, 0.4494],
    [13, 0.2853],
    [14, 0.1741],
    [15, 0.102],
  ])('with %i agents a contact waits with probability %f', (agents, probability) => {
    expect(erlangC(agents, 10)).toBeCloseTo(probability, 4);
  });

  it('gives the service level within the target answer time', () => {
    // 1 − 0.2853 · e^(−3 · 20 / 180) and 1 − 0.1741 · e^(−4 · 20 / 180).
    expect(serviceLevel(13, 10, 180, 20)).toBeCloseTo(0.7956, 3);
    expect(serviceLevel(14, 10, 180, 20)).toBeCloseTo(0.8884, 3);
    expect(serviceLevel(10, 10, 180, 20)).toBe(0);
  });

  it('staffs the classic example with 14 agents for 80 % in 20 s, and divides slots by concurrency', () => {
    const target = { serviceLevel: 0.8, targetSeconds: 20, handleSeconds: 180, chatsPerAgent: 1 };
    expect(agentsNeeded(200, target)).toBe(14);
    expect(agentsNeeded(200, { ...target, chatsPerAgent: 3 })).toBe(5);
    expect(agentsNeeded(0, target)).toBe(0);
  });
});
