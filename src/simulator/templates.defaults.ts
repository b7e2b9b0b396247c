import type { TemplateComponent, TemplateDefinition } from './simulator.types.ts';

type Lang = 'en_US' | 'fr' | 'es' | 'it' | 'ar';

const TICKET_UPDATE: Record<Lang, string> = {
  en_US: 'Hi {{1}}, there is an update on your request {{2}}. Reply to this message to continue.',
  fr: 'Bonjour {{1}}, votre demande {{2}} a été mise à jour. Répondez à ce message pour continuer.',
  es: 'Hola {{1}}, hay novedades sobre su solicitud {{2}}. Responda a este mensaje para continuar.',
  it: 'Ciao {{1}}, ci sono novità sulla tua richiesta {{2}}. Rispondi a questo messaggio per continuare.',
  ar: 'مرحبًا {{1}}، هناك تحديث بخصوص طلبك {{2}}. رُدّ على هذه الرسالة للمتابعة.',
};

const CSAT: Record<Lang, { body: string; buttons: [string, string, string] }> = {
  en_US: { body: 'How satisfied are you with the help on {{1}}?', buttons: ['Very good', 'OK', 'Not good'] },
  fr: {
    body: 'Êtes-vous satisfait de l’aide reçue pour {{1}} ?',
    buttons: ['Très bien', 'Correct', 'Pas bien'],
  },
  es: { body: '¿Qué tan satisfecho está con la ayuda sobre {{1}}?', buttons: ['Muy bien', 'Regular', 'Mal'] },
  it: { body: 'Quanto sei soddisfatto dell’aiuto per {{1}}?', buttons: ['Molto bene', 'Così così', 'Male'] },
  ar: { body: 'ما مدى رضاك عن المساعدة بخصوص {{1}}؟', buttons: ['جيد جدًا', 'مقبول', 'سيئ'] },
};

const ORDER_STATUS: Partial<Record<Lang, string>> = {
  en_US: 'Hello {{customer_name}}, your order {{order_id}} is now {{order_state}}.',
  fr: 'Bonjour {{customer_name}}, votre commande {{order_id}} est maintenant {{order_state}}.',
  es: 'Hola {{customer_name}}, su pedido {{order_id}} ahora está {{order_state}}.',
};

function buildBody(text: string, example: string[]): TemplateComponent {
  return { type: 'BODY', text, example: { body_text: [example] } };
}

/** Realistic approved templates the simulator knows when none are configured. */
export function buildDefaultTemplates(): TemplateDefinition[] {
  const langs = Object.keys(TICKET_UPDATE) as Lang[];
  const ticketUpdates = langs.map(
    (language): TemplateDefinition => ({
      name: 'ticket_update',
      language,
      category: 'UTILITY',
      parameterFormat: 'POSITIONAL',
      components: [buildBody(TICKET_UPDATE[language], ['Sheena', 'TCK-1042'])],
    }),
  );
  const surveys = langs.map((language): TemplateDefinition => {
    const { body, buttons } = CSAT[language];
    return {
      name: 'csat_survey',
      language,
      category: 'UTILITY',
      parameterFormat: 'POSITIONAL',
      components: [
        buildBody(body, ['TCK-1042']),
        { type: 'BUTTONS', buttons: buttons.map((text) => ({ type: 'QUICK_REPLY' as const, text })) },
      ],
    };
  });
  const orders = Object.entries(ORDER_STATUS).map(
    ([language, text]): TemplateDefinition => ({
      name: 'order_status',
      language,
      category: 'UTILITY',
      parameterFormat: 'NAMED',
      components: [
        {
          type: 'BODY',
          text,
          example: {
            body_text_named_params: [
              { param_name: 'customer_name', example: 'Sheena' },
              { param_name: 'order_id', example: 'A-1042' },
              { param_name: 'order_state', example: 'shipped' },
            ],
          },
        },
      ],
    }),
  );
  const welcome: TemplateDefinition = {
    name: 'welcome_back',
    language: 'en_US',
    category: 'MARKETING',
    parameterFormat: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Welcome back, {{1}}!', example: { header_text: ['Sheena'] } },
      { type: 'BODY', text: 'We have missed you. Tap below if you need anything.' },
      { type: 'FOOTER', text: 'Reply STOP to opt out' },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'I need help' }] },
    ],
  };
  return [...ticketUpdates, ...surveys, ...orders, welcome];
}
