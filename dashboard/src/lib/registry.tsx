/**
 * The feature registry: each feature folder exports one FeatureDefinition, and the app collects them.
 * A later feature (media viewer, analysis, admin, analytics) adds a folder and one line in
 * app/features.ts — its routes, nav entries, actions, ticket side panels and message renderers plug in
 * here without edits elsewhere.
 */
import { type ComponentType, createContext, type ReactNode, useContext } from 'react';
import type { ActionDefinition } from './actions';
import type { RouteParams } from './router';
import type { ContentKind, Message, Role, Ticket, TicketEvent, TicketSummary } from './types';

export interface RouteDefinition {
  path: string;
  component: ComponentType<{ params: RouteParams }>;
  /** Public routes render without a session and without the app shell. */
  isPublic?: boolean;
  roles?: Role[];
}

export interface NavEntry {
  id: string;
  /** i18n key */
  label: string;
  to: string;
  /** Path prefix that marks the entry current. */
  match: string;
  order: number;
  roles?: Role[];
  icon?: ComponentType;
}

export interface TicketPanel {
  id: string;
  /** i18n key */
  title: string;
  order: number;
  component: ComponentType<{ ticket: Ticket }>;
}

export interface HeaderItem {
  id: string;
  order: number;
  component: ComponentType;
}

/** A small status badge shown on a ticket's inbox row and in its conversation header (e.g. SLA countdown). */
export interface TicketBadge {
  id: string;
  order: number;
  component: ComponentType<{ ticket: TicketSummary; now: number }>;
}

export type MessageRenderer = ComponentType<{ message: Message }>;

/** Shown under a stored media item in the conversation (e.g. the analysis feature's flags). */
export type MediaAside = ComponentType<{ mediaId: string; kind: string }>;

/** Renders one kind of ticket event in the timeline instead of the generic line. */
export type EventRenderer = ComponentType<{ event: TicketEvent }>;

/** A file attached to the reply being written: uploading, then ready to send with its media id. */
export interface ComposerAttachment {
  /** Local, one per picked file. */
  key: string;
  filename: string;
  size: number;
  status: 'uploading' | 'ready';
  mediaId: string | null;
  /** image · video · audio · document · sticker (from the server, once uploaded). */
  kind: string | null;
  /** Chosen once, so a retried send never delivers the same attachment twice. */
  idempotencyKey: string;
}

/**
 * Wraps the composer's input box to add attachments (drop zone, picker, chips). The composer owns the
 * list and sends it; `onChange` takes an updater, like React's state setter.
 */
export interface ComposerAttachmentsProps {
  ticketId: string;
  disabled: boolean;
  attachments: ComposerAttachment[];
  onChange(update: (current: ComposerAttachment[]) => ComposerAttachment[]): void;
  children: ReactNode;
}

export type ComposerAttachments = ComponentType<ComposerAttachmentsProps>;

export interface FeatureDefinition {
  id: string;
  routes?: RouteDefinition[];
  nav?: NavEntry[];
  actions?: ActionDefinition[];
  ticketPanels?: TicketPanel[];
  headerItems?: HeaderItem[];
  ticketBadges?: TicketBadge[];
  /** Replace the built-in rendering of a message content kind (e.g. the media viewer for 'media'). */
  messageRenderers?: Partial<Record<ContentKind, MessageRenderer>>;
  /** Attachments on replies (the media feature); the last feature to set it wins. */
  composerAttachments?: ComposerAttachments;
  mediaAsides?: MediaAside[];
  eventRenderers?: Record<string, EventRenderer>;
  /** The feature's own i18next namespace, added before the first render (so nav labels can use it). */
  strings?: FeatureStrings;
}

export interface FeatureStrings {
  namespace: string;
  /** language → strings */
  resources: Record<string, Record<string, string>>;
}

export interface Registry {
  features: FeatureDefinition[];
  routes: RouteDefinition[];
  nav: NavEntry[];
  actions: ActionDefinition[];
  ticketPanels: TicketPanel[];
  headerItems: HeaderItem[];
  ticketBadges: TicketBadge[];
  messageRenderers: Partial<Record<ContentKind, MessageRenderer>>;
  composerAttachments: ComposerAttachments | null;
  mediaAsides: MediaAside[];
  eventRenderers: Record<string, EventRenderer>;
  strings: FeatureStrings[];
}

export function createRegistry(
  features: FeatureDefinition[],
  coreActions: ActionDefinition[] = [],
): Registry {
  const byOrder = <T extends { order: number }>(items: T[]) => [...items].sort((a, b) => a.order - b.order);
  return {
    features,
    routes: features.flatMap((feature) => feature.routes ?? []),
    nav: byOrder(features.flatMap((feature) => feature.nav ?? [])),
    actions: [...coreActions, ...features.flatMap((feature) => feature.actions ?? [])],
    ticketPanels: byOrder(features.flatMap((feature) => feature.ticketPanels ?? [])),
    headerItems: byOrder(features.flatMap((feature) => feature.headerItems ?? [])),
    ticketBadges: byOrder(features.flatMap((feature) => feature.ticketBadges ?? [])),
    messageRenderers: Object.assign({}, ...features.map((feature) => feature.messageRenderers ?? {})),
    composerAttachments:
      features.findLast((feature) => feature.composerAttachments)?.composerAttachments ?? null,
    mediaAsides: features.flatMap((feature) => feature.mediaAsides ?? []),
    eventRenderers: Object.assign({}, ...features.map((feature) => feature.eventRenderers ?? {})),
    strings: features.flatMap((feature) => (feature.strings ? [feature.strings] : [])),
  };
}

const RegistryContext = createContext<Registry>(createRegistry([]));

export const RegistryProvider = RegistryContext.Provider;

export function useRegistry(): Registry {
  return useContext(RegistryContext);
}
