import { z } from 'zod';
import { AppError } from '../../kernel/index.ts';

const NodeId = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\w-]+$/, 'letters, digits, _ and - only');
const Text = z.string().trim().min(1, 'must not be empty').max(1024);

/** A bot flow: nodes by id, from `start`. Menus wait for the customer; answers and hand-offs do not. */
export const FlowNodeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('menu'),
    text: Text,
    style: z.enum(['buttons', 'list']).default('buttons'),
    /** Buttons: at most 2 of yours (the third is always “talk to a person”); lists: at most 9. */
    options: z
      .array(z.strictObject({ id: NodeId, title: z.string().trim().min(1).max(20), next: NodeId }))
      .min(1)
      .max(9),
  }),
  z.strictObject({ kind: z.literal('answer'), text: Text, next: NodeId.optional() }),
  z.strictObject({ kind: z.literal('handoff') }),
]);
export type FlowNode = z.infer<typeof FlowNodeSchema>;

export const FlowInputSchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(120),
    start: NodeId,
    nodes: z.record(NodeId, FlowNodeSchema),
  })
  .refine((f) => f.nodes[f.start] !== undefined, { message: 'must name a node', path: ['start'] })
  .superRefine((flow, context) => {
    for (const [id, node] of Object.entries(flow.nodes)) {
      const nexts =
        node.kind === 'menu' ? node.options.map((o) => o.next) : node.kind === 'answer' ? [node.next] : [];
      nexts.forEach((next, index) => {
        if (next !== undefined && flow.nodes[next] === undefined) {
          const path = node.kind === 'menu' ? ['nodes', id, 'options', index, 'next'] : ['nodes', id, 'next'];
          context.addIssue({ code: 'custom', message: `no node ${next}`, path });
        }
      });
      if (node.kind === 'menu' && node.style === 'buttons' && node.options.length > 2) {
        context.addIssue({
          code: 'custom',
          message: 'at most 2 buttons (the third is “talk to a person”)',
          path: ['nodes', id, 'options'],
        });
      }
    }
  });
export type FlowInput = z.infer<typeof FlowInputSchema>;

/**
 * Answers chained to answers without a menu in between run on their own; a cycle of them would message
 * the customer forever, so it is refused (menus wait for the customer, so cycles through a menu are fine).
 */
export function assertNoFlowLoop(flow: FlowInput): void {
  for (const startId of Object.keys(flow.nodes)) {
    const seen: string[] = [];
    let id: string | undefined = startId;
    while (id !== undefined) {
      if (seen.includes(id)) {
        throw new AppError(
          'unprocessable',
          'routing.flow_loop',
          `These answers follow each other in a loop: ${[...seen.slice(seen.indexOf(id)), id].join(' → ')}. Put a menu in between or end one.`,
          {
            details: { nodes: seen },
          },
        );
      }
      seen.push(id);
      const node: FlowNode | undefined = flow.nodes[id];
      id = node?.kind === 'answer' ? node.next : undefined;
    }
  }
}
