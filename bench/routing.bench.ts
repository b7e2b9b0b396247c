import { performance } from 'node:perf_hooks';
import { wordsOf } from '../src/routing/engine/text-match.ts';
import { compileRules, evaluateRules, type RoutingFacts, type Rule } from '../src/routing/index.ts';

/**
 * Rule evaluation for 200 rules per message (target < 1 ms), against a baseline measured in the same run:
 * folding and splitting the message into words once (the least any keyword rule set must do).
 */
const RULES = 200;
const MESSAGES = 5_000;
const words = [
  'billing',
  'refund',
  'delivery',
  'warranty',
  'password',
  'facture',
  'pago',
  'pagamento',
  'دفع',
  'screen',
];
const rules: Rule[] = Array.from({ length: RULES }, (_, i) => ({
  id: `r${i}`,
  name: `rule ${i}`,
  enabled: true,
  match: 'all',
  conditions: [
    i % 4 === 0
      ? { kind: 'regex', pattern: `order\\s*#?${i}\\b`, caseSensitive: false }
      : { kind: 'keywords', words: [`${words[i % words.length]}${i}`, `topic${i}*`] },
    ...(i % 3 === 0 ? [{ kind: 'language' as const, in: ['en', 'fr'] }] : []),
    ...(i % 5 === 0 ? [{ kind: 'vip' as const, is: true }] : []),
  ],
  actions: [{ kind: 'add_tags', tags: [`t${i}`] }],
}));
const compiled = compileRules(rules);
const texts = Array.from(
  { length: 100 },
  (_, i) =>
    `Bonjour, j'ai un souci avec ma facture ${i} et le paiement de la commande order #${i * 7}, merci de votre aide rapide`,
);
const facts = (text: string): RoutingFacts => ({
  text,
  language: 'fr',
  sentiment: -0.2,
  mediaKind: null,
  vip: true,
  segment: null,
  phoneNumberId: '1',
  isFirstMessage: true,
  now: Date.now(),
  ticket: { priority: 'normal', tier: 'L1', teamId: null, tags: [], category: null },
});

function time(run: (text: string) => unknown): number {
  for (let i = 0; i < 500; i += 1) {
    run(texts[i % texts.length]!);
  }
  const start = performance.now();
  for (let i = 0; i < MESSAGES; i += 1) {
    run(texts[i % texts.length]!);
  }
  return (performance.now() - start) / MESSAGES;
}

const baseline = time((text) => wordsOf(text));
const rulesMs = time((text) => evaluateRules(compiled, facts(text)));
console.log(`baseline (fold + split once): ${(baseline * 1000).toFixed(1)} µs/message`);
console.log(
  `${RULES} rules: ${(rulesMs * 1000).toFixed(1)} µs/message (${(rulesMs / baseline).toFixed(1)}× baseline; target < 1000 µs)`,
);
