import type { FastifyReply, FastifyRequest } from 'fastify';
import { buildGraphError, type GraphErrorReply, pickCodeForStatus } from './graph.errors.ts';
import type { Simulator } from './simulator.ts';
import type { FaultRoute } from './simulator.types.ts';

const VERSION = /^v\d+\.\d+$/;

export function sendGraphError(reply: FastifyReply, error: GraphErrorReply): FastifyReply {
  if (error.status === 401) {
    reply.header('www-authenticate', 'OAuth "Facebook Platform" "invalid_token"');
  }
  return reply.code(error.status).send(error.body);
}

function readBearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header === 'string' && header.startsWith('Bearer ')) {
    return header.slice('Bearer '.length).trim();
  }
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.access_token === 'string' ? query.access_token : undefined;
}

/**
 * What every fake Graph call checks first, in Meta's order: path version, bearer token, then any injected
 * fault. Returns true when it already answered (the handler must stop).
 */
export async function guardGraphCall(
  simulator: Simulator,
  request: FastifyRequest,
  reply: FastifyReply,
  route: FaultRoute,
): Promise<boolean> {
  const version = (request.params as { version?: string }).version;
  if (version !== undefined && !VERSION.test(version)) {
    sendGraphError(reply, buildGraphError(2500, `Unknown path components: /${version}`));
    return true;
  }
  const token = readBearer(request);
  if (token !== simulator.config.accessToken) {
    const details =
      token === undefined
        ? 'An access token is required to request this resource.'
        : 'Invalid OAuth access token.';
    sendGraphError(reply, buildGraphError(190, details, 401));
    return true;
  }
  const fault = simulator.graph.takeFault(route);
  if (!fault) {
    return false;
  }
  if (fault.delayMs !== undefined) {
    await simulator.graph.sleep(fault.delayMs);
  }
  if (fault.status === undefined) {
    return false;
  }
  sendGraphError(
    reply,
    buildGraphError(fault.code ?? pickCodeForStatus(fault.status), undefined, fault.status),
  );
  return true;
}

/** Meta's answer for an id that is not this simulator's phone number, media or WABA. */
export function buildUnknownObjectError(method: 'get' | 'post' | 'delete', id: string): GraphErrorReply {
  return buildGraphError(
    100,
    `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  );
}
