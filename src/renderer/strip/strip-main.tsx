import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { findBridge } from '../bridge';
import { beginPageStart } from '../page-start';
import { StripApp } from './strip-app';
import '../visually-hidden.css';
import './strip.css';

const container = document.getElementById('root');
const api = findBridge();
if (container && api) {
  // The first prices are asked for now, so main answers while React starts rather than after its first render.
  const begun = beginPageStart(api, ['settings', 'status', 'quotes', 'portfolio']);
  createRoot(container).render(
    <StrictMode>
      <StripApp api={api} locale={navigator.language} begun={begun} />
    </StrictMode>,
  );
} else if (container) {
  container.textContent = 'Ticker bridge missing: open this page from the Ticker app.';
}
