/**
 * Finnhub's addresses, defined once: the feed and REST defaults (app and headless command) and the
 * page where a user gets a key (the settings window links to it; main opens only URLs it knows).
 */

export const FINNHUB_WS_URL = 'wss://ws.finnhub.io';
export const FINNHUB_REST_URL = 'https://finnhub.io/api/v1';
export const FINNHUB_REGISTER_URL = 'https://finnhub.io/register';
