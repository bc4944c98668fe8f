import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { SettingsApi } from '../../shared/ipc-contract';
import { findBridge } from '../bridge';
import { SettingsApp } from './settings-app';
import '../visually-hidden.css';
import './styles/base.css';
import './styles/forms.css';
import './styles/layout.css';
import './styles/lists.css';
import './styles/preferences.css';
import './styles/alerts.css';
import './styles/relay.css';
import './styles/portfolio.css';

const container = document.getElementById('root');
const api = findBridge<SettingsApi>();
if (container && api) {
  createRoot(container).render(
    <StrictMode>
      <SettingsApp api={api} locale={navigator.language} />
    </StrictMode>,
  );
} else if (container) {
  container.textContent = 'Ticker bridge missing: open this page from the Ticker app.';
}
