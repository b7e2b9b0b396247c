import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger('info', stream), output: () => lines.join('') };
}

describe('the logger', () => {
  it('redacts message content, phone numbers and secrets logged by mistake', () => {
    const { logger, output } = capture();
    logger.info(
      {
        message: { body: 'my card is 4111 1111 1111 1111', from: '447700900123', caption: 'passport' },
        contact: { waId: '447700900123', email: 'ana@example.com' },
        change: { value: { text: 'hello', phone: '+44 7700 900123' } },
        config: { appSecret: 'shh', accessToken: 'EAAG…' },
        ticketId: '01TICKET',
      },
      'inbound message',
    );
    const line = output();
    for (const secret of [
      '4111',
      '447700900123',
      'passport',
      'ana@example.com',
      'hello',
      '7700 900123',
      'shh',
      'EAAG',
    ]) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('01TICKET');
    expect(line).toContain('[redacted]');
  });
});
