import type { Db } from '../../store/index.ts';
import { type Actor, insertTicketEvent } from '../../tickets/index.ts';
import { answerMenu, type FlowOutput, type FlowStep, runFrom } from './flow-runner.ts';
import { findFlow } from './flows.repo.ts';

const BOT: Actor = { type: 'bot', id: null };

export interface BotTurn {
  outputs: FlowOutput[];
  /** The bot handed the conversation to a person (routing assigns it). */
  handedOff: boolean;
}

/** The ticket's bot session answers this message, when there is one (in the routing transaction). */
export async function continueSession(
  db: Db,
  input: { ticketId: string; replyId: string | undefined; now: number },
): Promise<BotTurn | undefined> {
  const session = await db
    .selectFrom('bot_sessions')
    .selectAll()
    .where('ticket_id', '=', input.ticketId)
    .executeTakeFirst();
  if (!session) {
    return undefined;
  }
  const flow = await findFlow(db, session.flow_id);
  const step: FlowStep = flow
    ? answerMenu(flow, session.node_id, input.replyId)
    : { outputs: [], next: { kind: 'handoff' } };
  return settle(db, input.ticketId, session.flow_id, step, input.now);
}

/** Starts a flow on the ticket (the `start_flow` action). */
export async function startSession(
  db: Db,
  input: { ticketId: string; flowId: string; now: number },
): Promise<BotTurn> {
  const flow = await findFlow(db, input.flowId);
  const step: FlowStep = flow ? runFrom(flow, flow.start) : { outputs: [], next: { kind: 'handoff' } };
  return settle(db, input.ticketId, input.flowId, step, input.now);
}

async function settle(
  db: Db,
  ticketId: string,
  flowId: string,
  step: FlowStep,
  now: number,
): Promise<BotTurn> {
  const next = step.next;
  if (next.kind === 'wait') {
    await db
      .insertInto('bot_sessions')
      .values({ ticket_id: ticketId, flow_id: flowId, node_id: next.nodeId, updated_at: now })
      .onConflict((oc) => oc.column('ticket_id').doUpdateSet({ node_id: next.nodeId, updated_at: now }))
      .execute();
    return { outputs: step.outputs, handedOff: false };
  }
  await db.deleteFrom('bot_sessions').where('ticket_id', '=', ticketId).execute();
  const resolved = next.kind === 'resolved';
  await db
    .updateTable('tickets')
    .set({ bot_resolved: resolved ? 1 : 0 })
    .where('id', '=', ticketId)
    .execute();
  await insertTicketEvent(db, ticketId, resolved ? 'bot_resolved' : 'bot_handoff', BOT, { flowId }, now);
  return { outputs: step.outputs, handedOff: !resolved };
}
