import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
  LogController,
} from 'fastify';
import type { AuditLog } from '../audit/index.ts';
import type { Logger } from '../kernel/index.ts';
import { newId } from '../kernel/index.ts';
import type {} from './audit-context.ts';
import type { Authenticator } from './authenticate.ts';
import { errorBody, installErrorHandler } from './error-handler.ts';
import { installJsonParser } from './json-body.ts';

/** API bodies are small; the webhook route raises its own limit to Meta's 3 MB. */
export const API_BODY_LIMIT = 1024 * 1024;

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'camera=(), geolocation=(), microphone=(self)',
};

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

export interface AppOptions {
  logger: Logger;
  /** How every scope resolves the caller (decorated on the root instance). */
  authenticate: Authenticator;
  /** The audit trail every scope records to (decorated on the root instance). */
  auditLog: AuditLog;
  /** Built dashboard (dashboard/dist); served at / when present. */
  dashboardDir?: string;
  /** Plugins in registration order, each in its own encapsulated scope. */
  plugins: FastifyPluginAsync[];
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: API_BODY_LIMIT,
    genReqId: () => newId(),
    // Requests are measured by /metrics; per-request log lines would carry URLs with customer data.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: true,
    routerOptions: { maxParamLength: 200 },
  });
  installErrorHandler(app);
  installJsonParser(app);
  await app.register(cookie);
  app.decorate('authenticate', options.authenticate);
  app.decorate('auditLog', options.auditLog);
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.headers(SECURITY_HEADERS);
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) {
      reply.header('content-security-policy', CSP);
    }
    done(null, payload);
  });
  for (const plugin of options.plugins) {
    await app.register(plugin);
  }
  const hasDashboard =
    options.dashboardDir !== undefined && fs.existsSync(path.join(options.dashboardDir, 'index.html'));
  if (hasDashboard) {
    await app.register(fastifyStatic, {
      root: options.dashboardDir!,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    });
  }
  // Unknown API routes get a JSON 404; any other page is the single-page dashboard's to route.
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '';
    const isApi = /^\/(api|webhooks|simulator\/(api|graph)|metrics|healthz|readyz)\b/.test(url);
    if (hasDashboard && request.method === 'GET' && !isApi) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply
      .status(404)
      .send(
        errorBody('not_found', 'route.not_found', `There is no route ${request.method} ${url}.`, request.id),
      );
  });
  return app;
}
