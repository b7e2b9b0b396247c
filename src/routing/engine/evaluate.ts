import { assertNever } from '../../kernel/index.ts';
import { isWithinHours } from './business-hours.ts';
import { type Action, type Condition, MAX_ACTIONS_PER_MESSAGE, type Rule } from './rule.schema.ts';
import { compilePattern, MAX_REGEX_INPUT } from './safe-pattern.ts';
import { compileKeywords, foldText, wordsOf } from './text-match.ts';

/** The ticket fields rules read and write. */
export interface TicketFields {
  priority: string;
  tier: string;
  teamId: string | null;
  tags: string[];
  category: string | null;
}

/** Everything a rule may look at for one inbound message. */
export interface RoutingFacts {
  text: string;
  language: string | null;
  sentiment: number | null;
  mediaKind: string | null;
  vip: boolean;
  segment: string | null;
  phoneNumberId: string;
  /** The ticket's first customer message. */
  isFirstMessage: boolean;
  now: number;
  ticket: TicketFields;
}

export interface ConditionResult {
  kind: Condition['kind'];
  matched: boolean;
  /** Why, in a few words: the keyword found, the value compared. */
  detail: string;
}

export interface RuleTrace {
  ruleId: string;
  name: string;
  fired: boolean;
  conditions: ConditionResult[];
  actions: Action[];
}

export interface RoutingDecision {
  /** The ticket fields after every fired rule. */
  ticket: TicketFields;
  /** Actions to carry out, in order (field changes included). */
  actions: Action[];
  trace: RuleTrace[];
  /** Evaluation stopped at the action cap. */
  truncated: boolean;
}

interface Prepared {
  text: string;
  folded: string;
  words: ReadonlySet<string>;
}

type Test = (
  facts: RoutingFacts,
  ticket: TicketFields,
  prepared: Prepared,
) => { matched: boolean; detail: string };

export interface CompiledRule {
  rule: Rule;
  tests: { kind: Condition['kind']; test: Test }[];
}

/** Compiles rules once (keyword sets, regexes); throws AppError naming the field for a bad pattern. */
export function compileRules(rules: readonly Rule[]): CompiledRule[] {
  return rules.map((rule) => ({
    rule,
    tests: rule.conditions.map((condition, c) => ({
      kind: condition.kind,
      test: compileCondition(condition, `conditions.${c}.pattern`),
    })),
  }));
}

/** Runs the enabled rules in order over one message; a fired rule's field changes are seen by later rules. */
export function evaluateRules(rules: readonly CompiledRule[], facts: RoutingFacts): RoutingDecision {
  const ticket: TicketFields = { ...facts.ticket, tags: [...facts.ticket.tags] };
  const folded = foldText(facts.text);
  const prepared: Prepared = {
    text: facts.text.slice(0, MAX_REGEX_INPUT),
    folded,
    words: wordsOf(facts.text),
  };
  const decision: RoutingDecision = { ticket, actions: [], trace: [], truncated: false };
  for (const { rule, tests } of rules) {
    if (!rule.enabled) {
      continue;
    }
    const conditions = tests.map(({ kind, test }) => ({ kind, ...test(facts, ticket, prepared) }));
    const fired =
      conditions.length === 0 ||
      (rule.match === 'all' ? conditions.every((c) => c.matched) : conditions.some((c) => c.matched));
    const trace: RuleTrace = { ruleId: rule.id, name: rule.name, fired, conditions, actions: [] };
    decision.trace.push(trace);
    if (!fired) {
      continue;
    }
    for (const action of rule.actions) {
      if (decision.actions.length >= MAX_ACTIONS_PER_MESSAGE) {
        decision.truncated = true;
        return decision;
      }
      if (action.kind === 'stop') {
        trace.actions.push(action);
        return decision;
      }
      applyToFields(ticket, action);
      trace.actions.push(action);
      decision.actions.push(action);
    }
  }
  return decision;
}

/** The field changes of an action (others leave the fields alone). */
export function applyToFields(ticket: TicketFields, action: Action): void {
  switch (action.kind) {
    case 'set_team':
      ticket.teamId = action.teamId;
      return;
    case 'set_priority':
      ticket.priority = action.priority;
      return;
    case 'set_tier':
      ticket.tier = action.tier;
      return;
    case 'add_tags':
      ticket.tags = [...new Set([...ticket.tags, ...action.tags])].sort();
      return;
    case 'set_category':
      ticket.category = action.category;
      return;
    case 'assign':
    case 'escalate':
    case 'acknowledge':
    case 'start_flow':
    case 'notify':
    case 'stop':
      return;
    default:
      assertNever(action);
  }
}

function compileCondition(condition: Condition, patternField: string): Test {
  switch (condition.kind) {
    case 'keywords': {
      const matcher = compileKeywords(condition.words);
      return (_f, _t, p) => {
        const hit = matcher.find(p.words, p.folded);
        return { matched: hit !== undefined, detail: hit ? `found “${hit}”` : 'no keyword found' };
      };
    }
    case 'regex': {
      const regex = compilePattern(condition.pattern, condition.caseSensitive, patternField);
      return (_f, _t, p) => {
        const hit = regex.exec(p.text);
        return { matched: hit !== null, detail: hit ? `matched “${hit[0].slice(0, 60)}”` : 'no match' };
      };
    }
    case 'language':
      return (f) => oneOf(f.language, condition.in, 'language');
    case 'sentiment':
      return (f) => {
        if (f.sentiment === null) {
          return { matched: false, detail: 'no sentiment (no text)' };
        }
        const matched =
          (condition.below === undefined || f.sentiment < condition.below) &&
          (condition.above === undefined || f.sentiment > condition.above);
        return { matched, detail: `sentiment ${f.sentiment.toFixed(2)}` };
      };
    case 'media':
      return (f) => oneOf(f.mediaKind, condition.in, 'media');
    case 'category':
      return (_f, t) => oneOf(t.category, condition.in, 'category');
    case 'vip':
      return (f) => ({
        matched: f.vip === condition.is,
        detail: f.vip ? 'customer is VIP' : 'customer is not VIP',
      });
    case 'segment':
      return (f) => oneOf(f.segment, condition.in, 'segment');
    case 'business_hours':
      return (f) => {
        const inside = isWithinHours(f.now, condition);
        return {
          matched: inside === condition.inside,
          detail: inside ? 'within business hours' : 'outside business hours',
        };
      };
    case 'channel':
      return (f) => oneOf(f.phoneNumberId, condition.phoneNumberIds, 'number');
    case 'priority':
      return (_f, t) => oneOf(t.priority, condition.in, 'priority');
    case 'tier':
      return (_f, t) => oneOf(t.tier, condition.in, 'tier');
    case 'team':
      return (_f, t) => ({
        matched: condition.in.includes(t.teamId),
        detail: `team ${t.teamId ?? 'none'}`,
      });
    case 'tags':
      return (_f, t) => {
        const hit = condition.any.find((tag) => t.tags.includes(tag));
        return { matched: hit !== undefined, detail: hit ? `tagged ${hit}` : 'none of the tags' };
      };
    case 'first_message':
      return (f) => ({
        matched: f.isFirstMessage === condition.is,
        detail: f.isFirstMessage ? 'first message of the ticket' : 'ticket already under way',
      });
    default:
      return assertNever(condition);
  }
}

function oneOf(value: string | null, allowed: readonly string[], what: string) {
  return { matched: value !== null && allowed.includes(value), detail: `${what} ${value ?? 'unknown'}` };
}
