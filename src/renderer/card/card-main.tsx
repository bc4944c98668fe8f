import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { CardApi } from '../../shared/ipc-contract';
import type { CardShown } from '../../shared/card-content';
import { findBridge } from '../bridge';
import { CardView } from './card-view';
import '../visually-hidden.css';
import './card.css';

/** The card page: draws the card main hands it, and nothing while there is none. */
function CardApp({ api }: { api: CardApi }) {
  const [card, setCard] = useState<CardShown | null>(null);
  useEffect(() => api.onCard(setCard), [api]);
  useEffect(() => {
    if (card !== null) document.documentElement.dataset.theme = card.theme;
  }, [card]);
  return card === null ? null : <CardView card={card} />;
}

const container = document.getElementById('root');
const api = findBridge<CardApi>();
if (container && api) {
  createRoot(container).render(
    <StrictMode>
      <CardApp api={api} />
    </StrictMode>,
  );
}
