import type { FastifyRequest } from 'fastify';
import { canSeeTicket, type Principal, type TicketViewer, ticketViewerOf } from '../auth/index.ts';
import { auditRequest } from '../http/audit-context.ts';
import { notFound } from '../kernel/index.ts';
import type { Db } from '../store/index.ts';
import { findTicket } from './tickets.repo.ts';

/**
 * The caller's view of one ticket, or 404 when they may not see it (never 403, so ids cannot be probed);
 * a refused attempt on a ticket that exists is audited. Every ticket-scoped route starts here.
 */
export async function requireVisibleTicket(
  db: Db,
  principal: Principal,
  ticketId: string,
  request: FastifyRequest,
): Promise<TicketViewer> {
  const viewer = ticketViewerOf(principal);
  if (!(await canSeeTicket(db, viewer, ticketId))) {
    if (await findTicket(db, ticketId)) {
      await auditRequest(request, principal, {
        action: 'access.denied',
        target: { type: 'ticket', id: ticketId },
        details: { reason: 'team_scope', method: request.method, route: request.routeOptions.url ?? null },
      });
    }
    throw notFound('ticket', ticketId);
  }
  return viewer;
}
