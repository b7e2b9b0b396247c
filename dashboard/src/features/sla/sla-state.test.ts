import { describe, expect, it } from 'vitest';
import type { SlaTimer } from './api';
import { badgeStateOf, mostUrgent } from './sla-state';

const MINUTE = 60_000;
const timer = (overrides: Partial<SlaTimer>): SlaTimer => ({
  id: 't',
  ticketId: 'x',
  metric: 'firstResponse',
  state: 'active',
  dueAt: 60 * MINUTE,
  warnAt: 45 * MINUTE,
  remainingMs: null,
  stoppedAt: null,
  ...overrides,
});

describe('SLA badge state', () => {
  it.each([
    [10 * MINUTE, 'running', 'info'],
    [50 * MINUTE, 'at-risk', 'warning'],
    [61 * MINUTE, 'breached', 'danger'],
  ])('at %i ms an active timer shows %s', (now, view, tone) => {
    expect(badgeStateOf(timer({}), now)).toMatchObject({ view, tone });
  });

  it('freezes a paused countdown and ranks it after running ones', () => {
    const paused = timer({ id: 'p', state: 'paused', dueAt: null, warnAt: null, remainingMs: 5 * MINUTE });
    const later = timer({ id: 'l', dueAt: 90 * MINUTE, warnAt: 80 * MINUTE });
    expect(badgeStateOf(paused, 0)).toMatchObject({ view: 'paused', ms: 5 * MINUTE });
    expect(mostUrgent([paused, later], 0)?.timer.id).toBe('l');
    expect(mostUrgent([later, timer({ id: 'soon' })], 0)?.timer.id).toBe('soon');
    expect(mostUrgent([timer({ stoppedAt: 1 })], 0)).toBeNull();
  });
});
