// Preloaded (node --require) into Electron's installer by ensure-electron.mjs. When a download
// fails, the installer prints error.stack; fetch's "fetch failed" keeps the actual reason (DNS,
// refused, timed out, certificate) in error.cause, which a stack leaves out. Errors formatted in
// that process get their causes appended, one per line, so ensure-electron.mjs can name them.
'use strict';

const MAX_CAUSES = 3;

function describe(cause) {
  if (!(cause instanceof Error)) return String(cause);
  // Happy eyeballs gives an AggregateError with one error per address tried.
  const text =
    cause instanceof AggregateError && cause.errors.length > 0 ? cause.errors.map(String).join('; ') : String(cause);
  const code = typeof cause.code === 'string' && !text.includes(cause.code) ? ` (${cause.code})` : '';
  return `${text}${code}`;
}

Error.prepareStackTrace = (error, frames) => {
  const lines = [String(error)];
  let cause = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; cause !== undefined && depth < MAX_CAUSES; depth += 1) {
    lines.push(`cause: ${describe(cause)}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  for (const frame of frames) lines.push(`    at ${frame}`);
  return lines.join('\n');
};
