import { randomBytes } from 'node:crypto';
import { serializeLikeMeta, signPayload } from '../../src/whatsapp/index.ts';

export const BENCH_SECRET = 'bench-app-secret';
export const PHONE_NUMBER_ID = '106540352242922';

const TEXTS = [
  'Bonjour, ma commande n’est pas arrivée',
  'Mi lavadora pierde agua 😢',
  'Il pagamento è stato rifiutato, codice ERR_PAYMENT_DECLINED',
  'لم يصل طلبي بعد، هل يمكنكم المساعدة؟',
  'Hi, the app crashes when I open settings. See https://example.com/screenshot',
];

function message(from: string, seq: number, kind: number) {
  const base = {
    from,
    id: `wamid.${randomBytes(24).toString('base64')}`,
    timestamp: String(Math.floor(Date.now() / 1000)),
  };
  if (kind % 10 === 0) {
    return {
      ...base,
      type: 'image',
      image: {
        caption: 'photo du carton abîmé',
        mime_type: 'image/jpeg',
        sha256: randomBytes(32).toString('base64'),
        id: String(1e15 + seq),
      },
    };
  }
  return { ...base, type: 'text', text: { body: TEXTS[seq % TEXTS.length] } };
}

export interface SignedRequest {
  body: string;
  signature: string;
  messages: number;
}

/**
 * Realistic signed webhooks: 1–3 messages each, a mix of new and returning customers, one message in
 * ten an image; serialised and signed exactly as Meta does.
 */
export function buildRequests(count: number, customers: number): SignedRequest[] {
  const requests: SignedRequest[] = [];
  let seq = 0;
  for (let i = 0; i < count; i += 1) {
    const size = 1 + (i % 3);
    const from = String(33_600_000_000 + ((i * 7919) % customers));
    const messages = Array.from({ length: size }, () => {
      seq += 1;
      return message(from, seq, seq);
    });
    const payload = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '102290129340398',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
                contacts: [{ profile: { name: `Client ${from.slice(-4)}` }, wa_id: from }],
                messages,
              },
            },
          ],
        },
      ],
    };
    const body = serializeLikeMeta(payload);
    requests.push({ body, signature: signPayload(body, BENCH_SECRET), messages: size });
  }
  return requests;
}
