/**
 * Text a server sent (error frames, close reasons, REST error bodies) made safe to show: it ends up
 * in the status line, the tray tooltip and logs, so terminal escapes, control characters and
 * bidirectional overrides (which can make text read differently from what it is) are removed,
 * whitespace runs become one space, and the length is capped.
 */

/** Longest server text passed on to the user. */
const MAX_SERVER_TEXT_LENGTH = 200;

// ANSI/VT escape sequences (CSI … final byte, OSC … BEL/ST, and two-byte escapes), removed whole so
// no "[31m" debris is left behind.
const ESCAPE_SEQUENCES =
  // eslint-disable-next-line no-control-regex
  /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)?|\u001B[@-Z\\-_]|\u009B[0-?]*[ -/]*[@-~]/g;
// C0 and C1 controls and DEL (whitespace controls handled first), bidi marks, embeddings,
// overrides and isolates, and the other invisible format characters that can hide text.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

export function cleanServerText(text: string, maxLength: number = MAX_SERVER_TEXT_LENGTH): string {
  // Only look at a bounded prefix: a megabyte of text must not cost a megabyte of regex work.
  const head = text.length > maxLength * 8 ? text.slice(0, maxLength * 8) : text;
  const clean = head
    .replace(ESCAPE_SEQUENCES, '')
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ')
    .replace(UNSAFE, '')
    .replace(/ {2,}/g, ' ')
    .trim();
  if (clean.length <= maxLength && head.length === text.length) return clean;
  let cut = clean.slice(0, maxLength);
  // Never end on half a surrogate pair.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
