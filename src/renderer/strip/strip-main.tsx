import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { findBridge } from '../bridge';
import { StripApp } from './strip-app';
import '../visually-hidden.css';
import './strip.css';

const container = document.getElementById('root');
const api = findBridge();
if (container && api) {
  createRoot(container).render(
    <StrictMode>
      <StripApp api={api} locale={navigator.language} />
    </StrictMode>,
  );
} else if (container) {
  container.textContent = 'Ticker bridge missing: open this page from the Ticker app.';
}
