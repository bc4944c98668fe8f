// Preloaded (node --require) into Electron's installer by ensure-electron.mjs. The installer
// (@electron/get) downloads with the global fetch and shows nothing for its first 30 seconds, and
// nothing at all when its output is not a terminal. This wraps fetch so the runtime's zip reports
// its progress on stdout (see download-progress.cjs); every other request passes untouched.
'use strict';

const { createProgress } = require('./download-progress.cjs');

const originalFetch = globalThis.fetch;

function urlOf(input) {
  try {
    return new URL(typeof input === 'string' || input instanceof URL ? String(input) : input.url);
  } catch {
    return null;
  }
}

globalThis.fetch = async function fetchWithProgress(input, init) {
  const response = await originalFetch(input, init);
  const url = urlOf(input);
  if (!response.ok || response.body === null || url === null || !url.pathname.endsWith('.zip')) return response;
  const total = Number(response.headers.get('content-length')) || null;
  const progress = createProgress({ out: process.stdout, total });
  const counted = response.body.pipeThrough(
    new TransformStream({
      transform(chunk, controller) {
        progress.add(chunk.byteLength);
        controller.enqueue(chunk);
      },
      flush() {
        progress.done();
      },
    }),
  );
  return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
};
