/** Template builders, shaped like GET /api/v1/templates (the simulator's defaults). */
import type { Template } from '../lib/types';

export function buildTemplate(overrides: Partial<Template> & Pick<Template, 'name' | 'language'>): Template {
  return {
    id: `${overrides.name}_${overrides.language}`,
    status: 'APPROVED',
    category: 'UTILITY',
    parameterFormat: 'POSITIONAL',
    components: [{ type: 'BODY', text: 'Hi {{1}}, there is an update on your request {{2}}.', buttons: [] }],
    slots: { header: [], body: ['1', '2'] },
    unsendableReason: null,
    syncedAt: 0,
    ...overrides,
  };
}

export const TEMPLATES: Template[] = [
  buildTemplate({ name: 'ticket_update', language: 'en_US' }),
  buildTemplate({
    name: 'ticket_update',
    language: 'fr',
    components: [
      { type: 'BODY', text: 'Bonjour {{1}}, votre demande {{2}} a été mise à jour.', buttons: [] },
    ],
  }),
  buildTemplate({
    name: 'welcome_back',
    language: 'en_US',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Welcome back, {{1}}!', buttons: [] },
      { type: 'BODY', text: 'We have missed you.', buttons: [] },
      { type: 'FOOTER', text: 'Reply STOP to opt out', buttons: [] },
    ],
    slots: { header: ['1'], body: [] },
  }),
  buildTemplate({
    name: 'spring_sale',
    language: 'fr_FR',
    status: 'PENDING',
    components: [{ type: 'BODY', text: 'Les soldes commencent !', buttons: [] }],
    slots: { header: [], body: [] },
    unsendableReason: 'Template spring_sale (fr_FR) is PENDING, not approved by Meta.',
  }),
];
