import { screen, within } from '@testing-library/react';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../lib/i18n';
import type { ChoicesContent, MessageContent } from '../../../lib/types';
import { buildConversation, buildMessage } from '../../../test/builders';
import { renderWithProviders } from '../../../test/render';
import { summarizeMessage } from '../message-summary';
import { Timeline } from './Timeline';

const directory = { userName: () => null, teamName: () => null };
const outbound = { direction: 'outbound', authorType: 'agent', authorName: 'Ana Agent' } as const;

const template: MessageContent = {
  kind: 'template',
  name: 'ticket_update',
  languageCode: 'fr',
  components: [],
  body: 'Bonjour Amélie, votre demande TCK-77 a été mise à jour.',
};
const buttons: ChoicesContent = {
  kind: 'choices',
  style: 'buttons',
  body: 'Was this helpful?',
  footer: 'Tap one',
  buttons: [
    { id: 'yes', title: 'Yes' },
    { id: 'no', title: 'No' },
  ],
};
const list: ChoicesContent = {
  kind: 'choices',
  style: 'list',
  body: 'What is the problem?',
  buttonLabel: 'Choose',
  sections: [
    { title: 'Delivery', rows: [{ id: 'late', title: 'Late delivery', description: 'More than a week' }] },
    { rows: [{ id: 'broken', title: 'Damaged' }] },
  ],
};

function renderMessages(...contents: MessageContent[]) {
  const conversation = buildConversation();
  for (const content of contents) {
    conversation.inbound(content, outbound);
  }
  return renderWithProviders(
    <Timeline
      ticketId="ticket_1"
      messages={conversation.messages}
      events={[]}
      customerName="Carla Customer"
      directory={directory}
    />,
  );
}

describe('templates and choices in the timeline', () => {
  it('shows a template as the customer read it, labelled with its name', () => {
    renderMessages(template);
    const bubble = screen.getByText(/Bonjour Amélie/).closest('.sl-msg') as HTMLElement;
    expect(bubble.className).toContain('sl-msg--out');
    expect(within(bubble).getByText('Template · ticket_update')).toBeTruthy();
  });

  it('shows reply buttons as chips the agent cannot tap', () => {
    renderMessages(buttons);
    const chips = screen.getByRole('list', { name: 'Reply buttons' });
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Yes', 'No']);
    expect(within(chips).queryAllByRole('button')).toEqual([]);
    expect(screen.getByText('Was this helpful?')).toBeTruthy();
    expect(screen.getByText('Tap one')).toBeTruthy();
  });

  it('shows a list with its button label, sections and rows', () => {
    renderMessages(list);
    expect(screen.getByText('List · Choose')).toBeTruthy();
    const delivery = screen.getByRole('list', { name: 'Delivery' });
    expect(within(delivery).getByText('Late delivery').getAttribute('title')).toBe('More than a week');
    expect(within(screen.getByRole('list', { name: 'Options' })).getByText('Damaged')).toBeTruthy();
  });

  it.each([
    ['template', template, 'Bonjour Amélie, votre demande TCK-77 a été mise à jour.'],
    ['buttons', buttons, 'Was this helpful?'],
    ['list', list, 'What is the problem?'],
  ])('summarises a %s by its text (quotes, notices)', (_name, content, expected) => {
    const t = createI18n('en').t as TFunction;
    expect(summarizeMessage(buildMessage(content, outbound), t)).toBe(expected);
  });
});
