import type { FastifyInstance } from 'fastify';
import { AppError } from '../kernel/index.ts';

/** No API body nests deeper than a few levels; 32 leaves room and stops parser-exhaustion payloads. */
export const MAX_JSON_DEPTH = 32;

/** The deepest nesting of arrays and objects in a JSON text (a linear scan that skips strings). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) {
        i += 1;
      } else if (char === 0x22) {
        inString = false;
      }
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      depth += 1;
      deepest = Math.max(deepest, depth);
    } else if (char === 0x7d || char === 0x5d) {
      depth -= 1;
    }
  }
  return deepest;
}

/**
 * JSON bodies: Fastify's own parser (prototype-poisoning keys refused), after a depth check, so a body of
 * ten thousand nested arrays is refused with a clear error before it is parsed.
 */
export function installJsonParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      done(
        new AppError(
          'invalid_input',
          'request.too_deep',
          `The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`,
          { details: { limit: MAX_JSON_DEPTH } },
        ),
        undefined,
      );
      return;
    }
    void parse(request, text, done);
  });
}
