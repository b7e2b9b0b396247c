import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { CustomerHandle } from './customer.handle.ts';
import {
  CustomerCreateSchema,
  CustomerIdSchema,
  type CustomerMessage,
  CustomerMessageSchema,
  CustomerProfileQuerySchema,
} from './customer-api.schemas.ts';
import type { SimulatorPluginOptions } from './graph-api.routes.ts';
import type { Simulator } from './simulator.ts';
import type { SentInbound } from './simulator.types.ts';

type ErrorKind = 'invalid_input' | 'not_found' | 'conflict' | 'internal';
const STATUS: Record<ErrorKind, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  internal: 500,
};

function sendApiError(reply: FastifyReply, kind: ErrorKind, reason: string, message: string, field?: string) {
  return reply.code(STATUS[kind]).send({ error: { kind, reason, message, ...(field ? { field } : {}) } });
}

function sendZodError(reply: FastifyReply, error: z.ZodError, where: 'body' | 'params' | 'query') {
  const issue = error.issues[0];
  const field = [where, ...(issue?.path ?? [])].map(String).join('.');
  return sendApiError(
    reply,
    'invalid_input',
    'simulator.invalid_input',
    `${field}: ${issue?.message ?? 'invalid'}`,
    field,
  );
}

function sendCustomerMessage(customer: CustomerHandle, message: CustomerMessage): SentInbound {
  switch (message.type) {
    case 'text':
      return customer.sendText(message.body, message);
    case 'image':
      return customer.sendImage(message, message);
    case 'video':
      return customer.sendVideo(message, message);
    case 'audio':
      return customer.sendAudio(message);
    case 'document':
      return customer.sendDocument(message, message);
    case 'sticker':
      return customer.sendSticker(message);
    case 'location':
      return customer.sendLocation(message);
    case 'contacts':
      return customer.sendContacts(message.contacts);
    case 'button_reply':
      return customer.tapButton(message);
    case 'list_reply':
      return customer.pickListRow(message);
    case 'button':
      return customer.tapTemplateButton(message);
    case 'reaction':
      return customer.react(message);
    case 'order':
      return customer.sendOrder(message);
    case 'unsupported':
      return customer.sendUnsupported(message.kind);
  }
}

function resolveCustomer(simulator: Simulator, id: string, reply: FastifyReply): CustomerHandle | undefined {
  const customer = simulator.findCustomer(id);
  if (!customer) {
    sendApiError(reply, 'not_found', 'customer.not_found', `No simulated customer with id ${id}.`);
  }
  return customer;
}

/** The customer side over HTTP (register under `/simulator/api`), for the demo phone page and manual tests. */
export async function simulatorCustomerPlugin(
  app: FastifyInstance,
  options: SimulatorPluginOptions,
): Promise<void> {
  const { simulator } = options;

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const status = error.statusCode ?? 500;
    return status < 500
      ? sendApiError(reply, 'invalid_input', 'simulator.bad_request', error.message)
      : sendApiError(reply, 'internal', 'simulator.internal', 'The simulator failed to handle the request.');
  });

  app.get('/customers', async () => ({ data: simulator.listCustomers() }));

  /** A named customer that has not written yet (the demo phone's "new customer" form). */
  app.post('/customers', async (request, reply) => {
    const input = CustomerCreateSchema.safeParse(request.body);
    if (!input.success) {
      return sendZodError(reply, input.error, 'body');
    }
    const { waId, userId, name, username } = input.data;
    const customer = simulator.customer({
      ...(waId === undefined ? {} : { waId }),
      ...(userId === undefined ? {} : { userId }),
      ...(name === undefined ? {} : { name }),
      ...(username === undefined ? {} : { username }),
    });
    return reply.code(201).send({ customer: customer.summarize() });
  });

  app.post<{ Params: { id: string } }>(
    '/customers/:id/messages',
    { bodyLimit: 140 * 1024 * 1024 },
    async (request, reply) => {
      const id = CustomerIdSchema.safeParse(request.params.id);
      if (!id.success) {
        return sendZodError(reply, id.error, 'params');
      }
      const profile = CustomerProfileQuerySchema.safeParse(request.query ?? {});
      if (!profile.success) {
        return sendZodError(reply, profile.error, 'query');
      }
      const message = CustomerMessageSchema.safeParse(request.body);
      if (!message.success) {
        return sendZodError(reply, message.error, 'body');
      }
      const isBsuid = id.data.includes('.');
      const customer = simulator.customer({
        ...(isBsuid ? { userId: id.data } : { waId: id.data }),
        ...profile.data,
      });
      const sent = sendCustomerMessage(customer, message.data);
      const attempt = await simulator.deliveries().find((d) => d.id === sent.deliveryId)?.firstAttempt;
      return reply.code(201).send({
        wamid: sent.wamid,
        deliveryId: sent.deliveryId,
        firstAttempt: attempt
          ? { status: attempt.status, ...(attempt.error ? { error: attempt.error } : {}) }
          : null,
      });
    },
  );

  app.get<{ Params: { id: string } }>('/customers/:id/inbox', async (request, reply) => {
    const customer = resolveCustomer(simulator, request.params.id, reply);
    return customer ? { customer: customer.summarize(), data: customer.inbox() } : reply;
  });

  /** What the customer sent (oldest first), and whether the business has read it. */
  app.get<{ Params: { id: string } }>('/customers/:id/sent', async (request, reply) => {
    const customer = resolveCustomer(simulator, request.params.id, reply);
    return customer ? { customer: customer.summarize(), data: customer.sent() } : reply;
  });

  app.post<{ Params: { id: string } }>('/customers/:id/read', async (request, reply) => {
    const customer = resolveCustomer(simulator, request.params.id, reply);
    if (!customer) {
      return reply;
    }
    const deliveries = customer.readAll();
    await Promise.all(deliveries.map((d) => d.firstAttempt));
    return { read: deliveries.length };
  });

  app.post<{ Params: { id: string; wamid: string } }>(
    '/customers/:id/messages/:wamid/play',
    async (request, reply) => {
      const customer = resolveCustomer(simulator, request.params.id, reply);
      if (!customer) {
        return reply;
      }
      const outcome = await customer.play(request.params.wamid);
      if (outcome.ok) {
        return { played: outcome.played };
      }
      return outcome.reason === 'not_found'
        ? sendApiError(
            reply,
            'not_found',
            'message.not_found',
            `No business message ${request.params.wamid} for this customer.`,
          )
        : sendApiError(
            reply,
            'conflict',
            `message.${outcome.reason}`,
            `Message ${request.params.wamid} cannot be played (${outcome.reason}).`,
          );
    },
  );

  /** Media the business sent (or the customer uploaded), for the demo phone to display. */
  app.get<{ Params: { mediaId: string } }>('/media/:mediaId', async (request, reply) => {
    const media = simulator.graph.media.findMedia(request.params.mediaId);
    if (!media) {
      return sendApiError(
        reply,
        'not_found',
        'media.not_found',
        `No media with id ${request.params.mediaId}.`,
      );
    }
    return reply.header('content-type', media.mimeType).send(media.data);
  });
}
