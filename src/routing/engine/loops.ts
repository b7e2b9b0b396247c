import type { Action, Condition, Rule } from './rule.schema.ts';

/**
 * Rules that feed each other: rule A writes a ticket field value that satisfies a condition of rule B.
 * A cycle (A → B → … → A, or a rule re-triggering itself) would make routing depend on evaluation order
 * or re-run forever if a change re-triggered routing, so a rule set containing one is refused.
 * Returns the names along the first cycle found, or undefined.
 */
export function findRuleLoop(rules: readonly Rule[]): string[] | undefined {
  const enabled = rules.filter((r) => r.enabled);
  const next = (rule: Rule) =>
    enabled.filter((other) => rule.actions.some((a) => other.conditions.some((c) => triggers(a, c))));
  const state = new Map<string, 'visiting' | 'done'>();
  const path: Rule[] = [];
  const visit = (rule: Rule): string[] | undefined => {
    state.set(rule.id, 'visiting');
    path.push(rule);
    for (const target of next(rule)) {
      if (state.get(target.id) === 'visiting') {
        return [...path.slice(path.indexOf(target)), target].map((r) => r.name);
      }
      if (!state.has(target.id)) {
        const loop = visit(target);
        if (loop) {
          return loop;
        }
      }
    }
    path.pop();
    state.set(rule.id, 'done');
    return undefined;
  };
  for (const rule of enabled) {
    if (!state.has(rule.id)) {
      const loop = visit(rule);
      if (loop) {
        return loop;
      }
    }
  }
  return undefined;
}

function triggers(action: Action, condition: Condition): boolean {
  if (action.kind === 'set_team' && condition.kind === 'team') {
    return condition.in.includes(action.teamId);
  }
  if (action.kind === 'set_priority' && condition.kind === 'priority') {
    return condition.in.includes(action.priority);
  }
  if (action.kind === 'set_tier' && condition.kind === 'tier') {
    return condition.in.includes(action.tier);
  }
  if (action.kind === 'add_tags' && condition.kind === 'tags') {
    return action.tags.some((tag) => condition.any.includes(tag));
  }
  if (action.kind === 'set_category' && condition.kind === 'category') {
    return condition.in.includes(action.category);
  }
  return false;
}
