import { createElement } from 'react';
import { INBOX_ROUTE } from '../lib/paths';
import type { FeatureDefinition } from '../lib/registry';
import { Redirect } from './Redirect';
import { WorkspacePage } from './WorkspacePage';

/** The agent workspace composes the inbox and conversation features on one route. */
export const workspaceFeature: FeatureDefinition = {
  id: 'workspace',
  routes: [
    { path: '/', component: () => createElement(Redirect, { to: '/inbox/mine' }) },
    { path: '/inbox', component: () => createElement(Redirect, { to: '/inbox/mine' }) },
    { path: INBOX_ROUTE, component: WorkspacePage },
  ],
};
