/**
 * Limits on text that comes from outside (a window, a file, the command line, a server), for every
 * place that checks it.
 */

/** A control character (C0, DEL or C1): never part of one line of text a person typed. */
export const CONTROL_CHARACTER = /\p{Cc}/u;
/** Every control character, for replacing them. */
export const CONTROL_CHARACTERS = /\p{Cc}/gu;

/** The longest URL read at all: a link to open, a headline's link, an origin before normalising. */
export const MAX_URL_LENGTH = 2048;
