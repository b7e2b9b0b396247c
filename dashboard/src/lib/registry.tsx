/**
 * The feature registry: each feature folder exports one FeatureDefinition, and the app collects them.
 * A later feature (media viewer, analysis, admin, analytics) adds a folder and one line in
 * app/features.ts — its routes, nav entries, actions, ticket side panels and message renderers plug in
 * here without edits elsewhere.
 */
import { type ComponentType, createContext, useContext } from 'react';
import type { ActionDefinition } from './actions';
import type { RouteParams } from './router';
import type { ContentKind, Message, Role, Ticket } from './types';

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

export type MessageRenderer = ComponentType<{ message: Message }>;

export interface FeatureDefinition {
  id: string;
  routes?: RouteDefinition[];
  nav?: NavEntry[];
  actions?: ActionDefinition[];
  ticketPanels?: TicketPanel[];
  headerItems?: HeaderItem[];
  /** Replace the built-in rendering of a message content kind (e.g. the media viewer for 'media'). */
  messageRenderers?: Partial<Record<ContentKind, MessageRenderer>>;
}

export interface Registry {
  features: FeatureDefinition[];
  routes: RouteDefinition[];
  nav: NavEntry[];
  actions: ActionDefinition[];
  ticketPanels: TicketPanel[];
  headerItems: HeaderItem[];
  messageRenderers: Partial<Record<ContentKind, MessageRenderer>>;
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
    messageRenderers: Object.assign({}, ...features.map((feature) => feature.messageRenderers ?? {})),
  };
}

const RegistryContext = createContext<Registry>(createRegistry([]));

export const RegistryProvider = RegistryContext.Provider;

export function useRegistry(): Registry {
  return useContext(RegistryContext);
}
