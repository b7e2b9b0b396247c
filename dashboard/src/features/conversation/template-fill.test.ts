import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../test/templates';
import { groupTemplates, isTemplateInLanguage, previewTemplate } from './template-fill';

const find = (name: string, language: string) => {
  const template = TEMPLATES.find((item) => item.name === name && item.language === language);
  if (!template) {
    throw new Error(`no template ${name} ${language}`);
  }
  return template;
};

describe('template-fill', () => {
  it.each([
    ['fr', 'fr', true],
    ['fr_FR', 'fr', true],
    ['en_US', 'en', true],
    ['en_US', 'en-GB', true],
    ['es', 'fr', false],
    ['fr', null, false],
  ])('template language %s suits the ticket language %s: %s', (template, ticket, expected) => {
    expect(isTemplateInLanguage(template, ticket)).toBe(expected);
  });

  it("puts the customer's language first and searches by name", () => {
    const groups = groupTemplates(TEMPLATES, 'fr', '');
    expect(groups.customer.map((t) => `${t.name}/${t.language}`)).toEqual([
      'spring_sale/fr_FR',
      'ticket_update/fr',
    ]);
    expect(groups.other.map((t) => `${t.name}/${t.language}`)).toEqual([
      'ticket_update/en_US',
      'welcome_back/en_US',
    ]);
    const searched = groupTemplates(TEMPLATES, 'fr', 'ticket update');
    expect([...searched.customer, ...searched.other].map((t) => t.language)).toEqual(['fr', 'en_US']);
  });

  it('previews header, body and footer with the values typed so far', () => {
    expect(previewTemplate(find('ticket_update', 'fr'), { body: { '1': 'Amélie', '2': ' ' } })).toBe(
      'Bonjour Amélie, votre demande {{2}} a été mise à jour.',
    );
    expect(previewTemplate(find('welcome_back', 'en_US'), { header: { '1': 'Sam' } })).toBe(
      'Welcome back, Sam!\n\nWe have missed you.\n\nReply STOP to opt out',
    );
  });
});
