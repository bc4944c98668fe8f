import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { StripApi } from '../../shared/ipc-contract';
import { MarketCalendar } from '../../shared/market-calendar/market-calendar';
import { findBridge } from '../bridge';
import { beginPageStart } from '../page-start';
import { StripApp } from './strip-app';
import '../visually-hidden.css';
import './strip.css';

/** The longest the first render waits for main's answer before it draws without it. */
const FIRST_RENDER_WAIT_MS = 250;

const container = document.getElementById('root');
const api = findBridge<StripApi>();
if (container && api) {
  // The first prices are asked for before React starts. The first render waits for the answer (a
  // millisecond over Electron's IPC) so that it already draws them, but never longer than this.
  const begun = beginPageStart(api, ['settings', 'status', 'quotes', 'portfolio']);
  // While main answers: the calendar's first New York time makes the browser load its time-zone
  // data (tens of ms), which the first render would otherwise pay before it can paint a price.
  const calendar = new MarketCalendar();
  calendar.sessionAt('AAPL', Date.now());
  let rendered = false;
  const render = () => {
    if (rendered) return;
    rendered = true;
    createRoot(container).render(
      <StrictMode>
        <StripApp api={api} locale={navigator.language} begun={begun} calendar={calendar} />
      </StrictMode>,
    );
  };
  setTimeout(render, FIRST_RENDER_WAIT_MS);
  void begun.settled.then(render);
} else if (container) {
  container.textContent = 'Ticker bridge missing: open this page from the Ticker app.';
}
