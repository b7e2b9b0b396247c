import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildConversation } from '../../../test/builders';
import { renderWithProviders } from '../../../test/render';
import type { Directory } from '../event-text';
import { Timeline } from './Timeline';

const directory: Directory = {
  userName: (id) => ({ user_me: 'Ana Agent', user_marc: 'Marc' })[id] ?? null,
  teamName: () => null,
};

function renderTimeline(conversation: ReturnType<typeof buildConversation>) {
  return renderWithProviders(
    <Timeline
      ticketId="ticket_1"
      messages={conversation.messages}
      events={conversation.events}
      customerName="Carla Customer"
      directory={directory}
    />,
  );
}

function bubbleOf(text: string | RegExp): HTMLElement {
  const bubble = screen.getByText(text).closest('.sl-msg');
  if (!(bubble instanceof HTMLElement)) {
    throw new Error(`no bubble around ${String(text)}`);
  }
  return bubble;
}

describe('Timeline', () => {
  it('puts the customer on one side, agents on the other, and marks internal notes', () => {
    renderTimeline(
      buildConversation().customer('My router blinks red').agent('Let me check').note('VIP customer'),
    );
    expect(bubbleOf('My router blinks red')).toHaveProperty('className', 'sl-msg sl-msg--in');
    expect(bubbleOf('Let me check').className).toContain('sl-msg--out');
    const note = bubbleOf('VIP customer');
    expect(note.className).toContain('sl-msg--note');
    expect(within(note).getByText(/Internal note/)).toBeTruthy();
  });

  it('makes links clickable in a new tab with rel=noopener and never links other schemes', () => {
    renderTimeline(buildConversation().customer('See https://example.com/help. or javascript:alert(1) 😀'));
    const link = screen.getByRole('link', { name: 'https://example.com/help' });
    expect(link.getAttribute('href')).toBe('https://example.com/help');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });

  it('renders media as a card with kind, filename and caption', () => {
    renderTimeline(
      buildConversation()
        .inbound({
          kind: 'media',
          mediaKind: 'image',
          mediaId: 'm1',
          mimeType: 'image/jpeg',
          caption: 'The broken screen',
          filename: null,
        })
        .inbound({
          kind: 'media',
          mediaKind: 'document',
          mediaId: 'm2',
          mimeType: 'application/pdf',
          caption: null,
          filename: 'invoice.pdf',
        })
        .inbound({
          kind: 'media',
          mediaKind: 'audio',
          mediaId: 'm3',
          mimeType: 'audio/ogg',
          caption: null,
          filename: null,
          voice: true,
        }),
    );
    expect(screen.getByText('Photo')).toBeTruthy();
    expect(screen.getByText('The broken screen')).toBeTruthy();
    expect(screen.getByText('invoice.pdf')).toBeTruthy();
    expect(screen.getByText('Voice message')).toBeTruthy();
  });

  it('links a location to OpenStreetMap', () => {
    renderTimeline(
      buildConversation().inbound({
        kind: 'location',
        latitude: 48.8584,
        longitude: 2.2945,
        name: 'Tour Eiffel',
        address: 'Paris',
      }),
    );
    const link = screen.getByRole('link', { name: 'Open in OpenStreetMap' });
    expect(link.getAttribute('href')).toBe(
      'https://www.openstreetmap.org/?mlat=48.858400&mlon=2.294500#map=16/48.858400/2.294500',
    );
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(screen.getByText('Tour Eiffel')).toBeTruthy();
  });

  it('shows contact cards, interactive replies, template button taps and orders', () => {
    renderTimeline(
      buildConversation()
        .inbound({
          kind: 'contacts',
          cards: [
            {
              formattedName: 'Bob Plumber',
              phones: [{ phone: '+33 6 00 00 00 01', waId: '33600000001' }],
              emails: [{ email: 'bob@example.com' }],
              organization: 'Bob & Co',
            },
          ],
        })
        .inbound({
          kind: 'interactive',
          replyType: 'button_reply',
          replyId: 'yes',
          title: 'Yes, please',
          description: null,
        })
        .inbound({ kind: 'button', payload: 'STOP', text: 'Stop promotions' })
        .inbound({
          kind: 'order',
          catalogId: 'cat',
          text: 'Deliver fast',
          items: [{ productRetailerId: 'SKU-1', quantity: 2, itemPrice: 9.5, currency: 'EUR' }],
        }),
    );
    expect(screen.getByText('Bob Plumber')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'bob@example.com' }).getAttribute('href')).toBe(
      'mailto:bob@example.com',
    );
    expect(screen.getByText('Tapped a button')).toBeTruthy();
    expect(screen.getByText('Yes, please')).toBeTruthy();
    expect(screen.getByText('Tapped a template button')).toBeTruthy();
    expect(screen.getByText('Stop promotions')).toBeTruthy();
    expect(screen.getByText('SKU-1')).toBeTruthy();
    expect(screen.getByText('€19.00')).toBeTruthy();
  });

  it('shows unsupported and unknown types as such, never drops them', () => {
    renderTimeline(
      buildConversation()
        .inbound({ kind: 'unsupported', unsupportedType: 'poll' })
        .inbound({ kind: 'unknown', type: 'hologram' }),
    );
    expect(screen.getByText('Unsupported message (poll)')).toBeTruthy();
    expect(screen.getByText('Unsupported message (hologram)')).toBeTruthy();
  });

  it('draws reactions on their target message instead of as bubbles', () => {
    const conversation = buildConversation().agent('Your parcel left today');
    const target = conversation.last();
    conversation.inbound({ kind: 'reaction', targetWamid: target.wamid as string, emoji: '❤️' });
    renderTimeline(conversation);
    const bubble = bubbleOf('Your parcel left today');
    expect(within(bubble).getByText('❤️')).toBeTruthy();
    expect(document.querySelectorAll('.sl-msg')).toHaveLength(1);
  });

  it('quotes the message a reply refers to', () => {
    const conversation = buildConversation().agent('Which model do you have?');
    const quoted = conversation.last();
    conversation.customer('The X200', {
      context: {
        quotedWamid: quoted.wamid,
        quotedMessageId: quoted.id,
        quotedPreview: null,
        forwarded: false,
        frequentlyForwarded: false,
      },
    });
    renderTimeline(conversation);
    const reply = bubbleOf('The X200');
    expect(within(reply).getByText('Which model do you have?')).toBeTruthy();
  });

  it('flags edited and deleted messages and centres system lines and ticket events', () => {
    renderTimeline(
      buildConversation()
        .customer('Edited text', { editedAt: Date.now() })
        .customer('Secret', { deletedAt: Date.now() })
        .inbound({
          kind: 'system',
          body: 'Customer changed their number',
          systemType: 'customer_changed_number',
        })
        .event({ kind: 'assigned', data: { from: null, to: 'user_marc' } })
        .event({ kind: 'status_changed', data: { to: 'solved' } }),
    );
    expect(screen.getByText('Edited')).toBeTruthy();
    expect(screen.getByText('This message was deleted')).toBeTruthy();
    expect(screen.queryByText('Secret')).toBeNull();
    expect(screen.getByText('Customer changed their number').closest('.sl-notice')).toBeTruthy();
    expect(screen.getByText(/Ana Agent assigned the ticket to Marc/)).toBeTruthy();
    expect(screen.getByText(/Ana Agent changed the status to Solved/)).toBeTruthy();
  });

  it('shows status ticks, read in blue, and the failure reason on focus', () => {
    renderTimeline(
      buildConversation()
        .agent('one', { status: 'sent' })
        .agent('two', { status: 'delivered' })
        .agent('three', { status: 'read' })
        .agent('four', {
          status: 'failed',
          error: { code: 131047, reason: 're-engagement', message: 'More than 24 hours have passed' },
        }),
    );
    expect(screen.getByRole('img', { name: 'Sent' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Delivered' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Read' }).className).toContain('sl-ticks--read');
    const failed = screen.getByText('Not delivered').closest('.sl-ticks') as HTMLElement;
    expect(failed.tabIndex).toBe(0);
    fireEvent.focus(failed);
    const tooltip = screen.getByRole('tooltip');
    expect(tooltip.textContent).toBe('More than 24 hours have passed (131047)');
    expect(failed.getAttribute('aria-describedby')).toBe(tooltip.id);
  });
});
