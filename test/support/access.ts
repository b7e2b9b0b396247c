import type { Role } from '../../src/auth/index.ts';
import { eventually, type TestServer } from './harness.ts';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  /** An API token bound to this user (same role, same teams). */
  token: string;
  /** JSON request to the API as this user. */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

let counter = 0;

export async function makeTeam(server: TestServer, name: string): Promise<string> {
  const created = await server.api<{ data: { id: string } }>('POST', '/api/v1/teams', { name });
  if (created.status !== 201) {
    throw new Error(`team not created: ${created.status} ${JSON.stringify(created.body)}`);
  }
  return created.body.data.id;
}

export async function makeUser(server: TestServer, role: Role, teamIds: string[] = []): Promise<TestUser> {
  counter += 1;
  const email = `${role}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const password = 'correct horse battery staple';
  const user = await server.api<{ data: { id: string } }>('POST', '/api/v1/users', {
    email,
    name: `${role} ${counter}`,
    role,
    password,
    teamIds,
  });
  if (user.status !== 201) {
    throw new Error(`user not created: ${user.status} ${JSON.stringify(user.body)}`);
  }
  const { token } = await server.runtime.auth.tokens.create({
    name: `${role} test token`,
    role,
    userId: user.body.data.id,
  });
  return {
    id: user.body.data.id,
    email,
    password,
    token,
    api: (method, path, body) => server.api(method, path, body, { authorization: `Bearer ${token}` }),
  };
}

/** A customer writes in; returns the new ticket's id (optionally placed in a team / with an assignee). */
export async function openTicket(
  server: TestServer,
  waId: string,
  placement: {
    teamId?: string | null;
    assigneeId?: string | null;
    name?: string;
    text?: string;
    /** Send this PNG (with the text as caption) instead of a text message. */
    image?: Buffer;
  } = {},
): Promise<string> {
  const customer = server.simulator.customer({ waId, name: placement.name ?? 'Customer' });
  await (placement.image
    ? customer.sendImage({ data: placement.image, mimeType: 'image/png', caption: placement.text ?? 'photo' })
    : customer.sendText(placement.text ?? 'hello')
  ).delivery;
  const ticketId = await eventually(async () => {
    const list = await server.api<{ data: { id: string; contact: { waId: string } }[] }>(
      'GET',
      `/api/v1/tickets?q=${waId}`,
    );
    return list.body.data.find((t) => t.contact.waId === waId)?.id;
  });
  const patch = {
    ...(placement.teamId !== undefined ? { teamId: placement.teamId } : {}),
    ...(placement.assigneeId !== undefined ? { assigneeId: placement.assigneeId } : {}),
  };
  if (Object.keys(patch).length > 0) {
    const placed = await server.api('PATCH', `/api/v1/tickets/${ticketId}`, patch);
    if (placed.status !== 200) {
      throw new Error(`ticket not placed: ${placed.status} ${JSON.stringify(placed.body)}`);
    }
  }
  return ticketId;
}

/** The id of the ticket's first stored media (waits until the pipeline has stored it). */
export async function storedMediaOf(server: TestServer, ticketId: string): Promise<string> {
  return eventually(async () => {
    const messages = await server.api<{ data: { media?: { id: string; state: string } | null }[] }>(
      'GET',
      `/api/v1/tickets/${ticketId}/messages`,
    );
    const media = messages.body.data.find((m) => m.media?.state === 'stored')?.media;
    return media?.id;
  }, 15_000);
}
