import type { FlowInput, FlowNode } from './flow.schema.ts';

/** The option id every menu carries: the customer can always ask for a person. */
export const HANDOFF_OPTION = 'talk_to_a_person';

export type FlowOutput =
  | { kind: 'text'; text: string }
  | { kind: 'menu'; node: Extract<FlowNode, { kind: 'menu' }> };

export interface FlowStep {
  outputs: FlowOutput[];
  /** Where the flow now waits (a menu), or how it ended. */
  next: { kind: 'wait'; nodeId: string } | { kind: 'resolved' } | { kind: 'handoff' };
}

/** Runs a flow from a node until it waits on a menu or ends (pure; loops are refused when saved). */
export function runFrom(flow: FlowInput, nodeId: string): FlowStep {
  const outputs: FlowOutput[] = [];
  let id: string | undefined = nodeId;
  while (id !== undefined) {
    const node: FlowNode | undefined = flow.nodes[id];
    if (!node || node.kind === 'handoff') {
      return { outputs, next: { kind: 'handoff' } };
    }
    if (node.kind === 'menu') {
      outputs.push({ kind: 'menu', node });
      return { outputs, next: { kind: 'wait', nodeId: id } };
    }
    outputs.push({ kind: 'text', text: node.text });
    id = node.next;
  }
  return { outputs, next: { kind: 'resolved' } };
}

/** The customer answered the menu at `nodeId` (a reply id, or undefined for free text: a person takes over). */
export function answerMenu(flow: FlowInput, nodeId: string, replyId: string | undefined): FlowStep {
  const node = flow.nodes[nodeId];
  const option = node?.kind === 'menu' ? node.options.find((o) => o.id === replyId) : undefined;
  if (!option || replyId === HANDOFF_OPTION) {
    return { outputs: [], next: { kind: 'handoff' } };
  }
  return runFrom(flow, option.next);
}
