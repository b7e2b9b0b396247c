import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './ui/theme.css';
import './app/app.css';
import { App } from './app/App';
import { registry } from './app/features';
import { createQueryClient } from './app/query-client';
import { createI18n } from './lib/i18n';

const container = document.getElementById('root');
if (!container) {
  throw new Error('#root is missing from index.html');
}
createRoot(container).render(
  <StrictMode>
    <App client={createQueryClient()} i18n={createI18n()} registry={registry} />
  </StrictMode>,
);
