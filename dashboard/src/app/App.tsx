import type { QueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { addFeatureStrings } from '../lib/i18n';
import type { Registry } from '../lib/registry';
import { Providers } from './Providers';
import { RouteView } from './RouteView';

export function App({ client, i18n, registry }: { client: QueryClient; i18n: I18n; registry: Registry }) {
  addFeatureStrings(i18n, registry.strings);
  return (
    <Providers client={client} i18n={i18n} registry={registry}>
      <RouteView />
    </Providers>
  );
}
