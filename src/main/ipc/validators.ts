/**
 * A validator for every invoke channel: the raw argument list from a renderer → the typed argument
 * tuple, or an 'invalid-payload' error saying what was wrong. Nothing from a renderer is trusted.
 * Each validator's result type is inferred from its checks (never cast to the contract), and the
 * table must satisfy the contract, so a check of the wrong type is a compile error.
 */
import { fail, ok, type InvokeContract, type InvokeName, type Result } from '../../shared/ipc-contract';
import { ALERT_ID_PATTERN, checkAlertDraft, type AlertDraft } from '../../shared/alert-rules';
import { checkPreferencePatch, isPlainDataObject } from '../../shared/preference-rules';
import { checkSecondStripPatch } from '../../shared/second-strip';
import { MAX_RELAY_ORIGINS, checkRelayOrigin } from '../../shared/relay-rules';
import { isRelayCopyItem, RELAY_COPY_ITEMS, type RelayCopyItem } from '../../shared/relay-urls';
import { MAX_SYMBOL_LENGTH, normalizeSymbol, SYMBOL_RULE_TEXT } from '../../shared/symbols';
import type { Preferences, SecondStrip } from '../../shared/types';
import { isListId, listNameProblem } from '../../shared/watch-lists';
import { apiKeyProblem } from '../../shared/api-key-rule';
import { isAppLink } from '../../shared/external-links';
import { checkCardRequest, type CardRequest } from '../../shared/card-content';
import { isSettingsCategory, parseSettingsTarget, type SettingsCategory } from '../../shared/settings-categories';
import { isTransferFormat, TRANSFER_FORMATS, type TransferFormat } from '../../shared/settings-transfer';
import { baseCurrencyProblem } from '../../shared/portfolio/currency';
import { checkLotDraft, HOLDING_LIMITS, LOT_ID_PATTERN, type LotDraft } from '../../shared/portfolio/holdings';
import { CONTROL_CHARACTER, MAX_URL_LENGTH } from '../../shared/text-limits';

const MAX_SEARCH_QUERY_LENGTH = 64;
/** Highest list index a move may name (far above any symbol cap; the service clamps). */
const MAX_LIST_INDEX = 10_000;
/** Raw text longer than this is refused before any other work (whitespace padding included). */
const MAX_RAW_TEXT = 1024;

export type ArgsValidator<K extends InvokeName> = (args: readonly unknown[]) => Result<InvokeContract[K]['args']>;

export type Check<T> = { ok: true; value: T } | { ok: false; message: string };

/** One argument's check: anything in, the typed value or why not out. */
export type ArgCheck<T> = (value: unknown) => Check<T>;

/** The argument tuple a list of checks produces: [ArgCheck<string>, ArgCheck<number>] → [string, number]. */
export type CheckedArgs<C extends readonly ArgCheck<unknown>[]> = {
  -readonly [I in keyof C]: C[I] extends ArgCheck<infer T> ? T : never;
};

const refuse = (message: string): { ok: false; message: string } => ({ ok: false, message });

function arity(args: readonly unknown[], min: number, max: number): string | null {
  if (!Array.isArray(args)) return 'Arguments must be a list';
  if (args.length < min || args.length > max) {
    return min === max
      ? `Expected ${min} argument${min === 1 ? '' : 's'}, got ${args.length}`
      : `Expected ${min} to ${max} arguments, got ${args.length}`;
  }
  return null;
}

function text(value: unknown, name: string): Check<string> {
  if (typeof value !== 'string') return refuse(`${name} must be text`);
  if (value.length > MAX_RAW_TEXT) return refuse(`${name} is too long`);
  return { ok: true, value };
}

function symbolArg(value: unknown): Check<string> {
  const raw = text(value, 'The symbol');
  if (!raw.ok) return raw;
  if (raw.value.length > MAX_SYMBOL_LENGTH * 2 || normalizeSymbol(raw.value) === null) {
    return refuse(`Not a valid symbol: use ${SYMBOL_RULE_TEXT}`);
  }
  return raw;
}

/** A key as setApiKey and testApiKey take it: empty (clear / use the saved key) or one that passes the key rule. */
function keyArg(value: unknown): Check<string> {
  const raw = text(value, 'The key');
  if (!raw.ok) return raw;
  const key = raw.value.trim();
  const problem = key === '' ? null : apiKeyProblem(key);
  return problem === null ? raw : refuse(problem);
}

function indexArg(value: unknown): Check<number> {
  if (typeof value !== 'number' || !Number.isFinite(value)) return refuse('The position must be a finite number');
  if (!Number.isInteger(value) || value < 0 || value > MAX_LIST_INDEX) {
    return refuse(`The position must be a whole number from 0 to ${MAX_LIST_INDEX}`);
  }
  return { ok: true, value };
}

function searchArg(value: unknown): Check<string> {
  const raw = text(value, 'The search');
  if (!raw.ok) return raw;
  if (raw.value.length > MAX_SEARCH_QUERY_LENGTH)
    return refuse(`The search must be at most ${MAX_SEARCH_QUERY_LENGTH} characters`);
  if (CONTROL_CHARACTER.test(raw.value)) return refuse('The search must not contain control characters');
  return raw;
}

/** An https URL without credentials, at most MAX_URL_LENGTH characters, that Ticker builds itself. */
function checkExternalUrl(value: unknown): Check<string> {
  const checked = headlineUrlArg(value);
  if (checked.ok && !isAppLink(checked.value)) return refuse('Ticker opens only the links it builds itself');
  return checked;
}

/** An https URL without credentials (a headline's article; main opens only the ones it holds). */
function headlineUrlArg(value: unknown): Check<string> {
  if (typeof value !== 'string') return refuse('The link must be text');
  if (value.length > MAX_URL_LENGTH) return refuse(`The link must be at most ${MAX_URL_LENGTH} characters`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse('The link is not a valid URL');
  }
  if (url.protocol !== 'https:') return refuse('Only https links can be opened');
  if (url.username !== '' || url.password !== '') return refuse('Links with credentials are not opened');
  if (url.hostname === '') return refuse('The link has no host');
  return { ok: true, value: url.href };
}

function cardArg(value: unknown): Check<CardRequest> {
  const checked = checkCardRequest(value);
  return checked.ok ? checked : refuse(checked.message);
}

function listIdArg(value: unknown): Check<string> {
  return isListId(value) ? { ok: true, value } : refuse('Not a watch list id');
}

function listNameArg(value: unknown): Check<string> {
  const raw = text(value, 'The list name');
  if (!raw.ok) return raw;
  const problem = listNameProblem(raw.value);
  return problem ? refuse(problem) : raw;
}

function patchArg(value: unknown): Check<Partial<Preferences>> {
  const checked = checkPreferencePatch(value);
  return checked.ok ? checked : refuse(checked.message);
}

function alertDraftArg(value: unknown): Check<AlertDraft> {
  const checked = checkAlertDraft(value);
  return checked.ok ? checked : refuse(checked.message);
}

function alertIdArg(value: unknown): Check<string> {
  return typeof value === 'string' && ALERT_ID_PATTERN.test(value) ? { ok: true, value } : refuse('Not an alert id');
}

/** A list of at most MAX_RELAY_ORIGINS origins, each checked as it will be saved (checkRelayOrigin). */
function originsArg(value: unknown): Check<string[]> {
  if (!Array.isArray(value)) return refuse('The origins must be a list');
  if (value.length > MAX_RELAY_ORIGINS) return refuse(`At most ${MAX_RELAY_ORIGINS} origins`);
  const origins: string[] = [];
  for (const item of value) {
    const raw = text(item, 'An origin');
    if (!raw.ok) return raw;
    const checked = checkRelayOrigin(raw.value);
    if (!checked.ok) return refuse(checked.message);
    origins.push(raw.value);
  }
  return { ok: true, value: origins };
}

/**
 * A validator for exactly `checks.length` arguments, each passed through its check; the tuple is
 * rebuilt from the checked values, so its type is what the checks return.
 */
export function tuple<const C extends readonly ArgCheck<unknown>[]>(
  ...checks: C
): (args: readonly unknown[]) => Result<CheckedArgs<C>> {
  return (args) => {
    const wrongArity = arity(args, checks.length, checks.length);
    if (wrongArity) return fail('invalid-payload', wrongArity);
    const out: unknown[] = [];
    for (const [index, check] of checks.entries()) {
      const result = check(args[index]);
      if (!result.ok) return fail('invalid-payload', result.message);
      out.push(result.value);
    }
    // Sound by construction: element i is the value check i returned.
    return ok(out as CheckedArgs<C>);
  };
}

function relayCopyItemArg(value: unknown): Check<RelayCopyItem> {
  return isRelayCopyItem(value)
    ? { ok: true, value }
    : refuse(`What to copy must be one of ${RELAY_COPY_ITEMS.join(', ')}`);
}

function transferFormatArg(value: unknown): Check<TransferFormat> {
  return isTransferFormat(value)
    ? { ok: true, value }
    : refuse(`The format must be one of ${TRANSFER_FORMATS.join(', ')}`);
}

function lotDraftArg(value: unknown): Check<LotDraft> {
  const checked = checkLotDraft(value);
  // The form shows every field's problem itself; one reason is enough across the bridge.
  return checked.ok ? checked : refuse(Object.values(checked.problems)[0] ?? 'Not a lot');
}

function lotIdArg(value: unknown): Check<string> {
  return typeof value === 'string' && LOT_ID_PATTERN.test(value) ? { ok: true, value } : refuse('Not a lot id');
}

function lotListArg(value: unknown): Check<LotDraft[]> {
  if (!Array.isArray(value)) return refuse('Lots must be a list');
  if (value.length > HOLDING_LIMITS.maxLots) return refuse(`At most ${HOLDING_LIMITS.maxLots} lots`);
  const lots: LotDraft[] = [];
  for (const [index, item] of value.entries()) {
    const checked = checkLotDraft(item);
    if (!checked.ok) return refuse(`Lot ${index + 1}: ${Object.values(checked.problems)[0] ?? 'not a lot'}`);
    lots.push(checked.value);
  }
  return { ok: true, value: lots };
}

function baseCurrencyArg(value: unknown): Check<string> {
  const problem = baseCurrencyProblem(value);
  return problem === null ? { ok: true, value: value as string } : refuse(problem);
}

/** A change to the second strip; that its list exists is the settings service's to check. */
function secondStripArg(value: unknown): Check<Partial<SecondStrip>> {
  const listIds = isPlainDataObject(value) && isListId(value.listId) ? [value.listId] : [];
  const checked = checkSecondStripPatch(value, listIds);
  return checked.ok ? { ok: true, value: checked.value } : refuse(checked.message);
}

/** testApiKey: no argument, `undefined` (an omitted optional), or a key. */
const testApiKeyArgs: ArgsValidator<'testApiKey'> = (args) => {
  const wrongArity = arity(args, 0, 1);
  if (wrongArity) return fail('invalid-payload', wrongArity);
  if (args.length === 0 || args[0] === undefined) return ok([]);
  const key = keyArg(args[0]);
  return key.ok ? ok([key.value]) : fail('invalid-payload', key.message);
};

/** openSettings: no argument, `undefined` (an omitted optional), or a category and field of the shared table. */
const openSettingsArgs: ArgsValidator<'openSettings'> = (args) => {
  const wrongArity = arity(args, 0, 1);
  if (wrongArity) return fail('invalid-payload', wrongArity);
  if (args.length === 0 || args[0] === undefined) return ok([]);
  const target = parseSettingsTarget(args[0]);
  return target ? ok([target]) : fail('invalid-payload', 'Not a settings category and field');
};

function categoryArg(value: unknown): Check<SettingsCategory> {
  return isSettingsCategory(value) ? { ok: true, value } : refuse('Not a settings category');
}

/**
 * Every invoke channel's validator. `satisfies` makes a missing channel, or checks whose inferred
 * tuple is not the contract's argument list, a compile error, and keeps each inferred type for the
 * type-level test that proves them equal (test/unit/ipc/validators-types.test.ts).
 */
export const ARGS_VALIDATORS = {
  getPageStart: tuple(),
  setPreferences: tuple(patchArg),
  addToList: tuple(listIdArg, symbolArg),
  removeFromList: tuple(listIdArg, symbolArg),
  moveInList: tuple(listIdArg, symbolArg, indexArg),
  createList: tuple(listNameArg),
  renameList: tuple(listIdArg, listNameArg),
  deleteList: tuple(listIdArg),
  showList: tuple(listIdArg),
  setApiKey: tuple(keyArg),
  testApiKey: testApiKeyArgs,
  searchSymbols: tuple(searchArg),
  getOverview: tuple(),
  addAlert: tuple(alertDraftArg),
  updateAlert: tuple(alertIdArg, alertDraftArg),
  removeAlert: tuple(alertIdArg),
  rearmAlert: tuple(alertIdArg),
  getAlertHistory: tuple(),
  addLot: tuple(lotDraftArg),
  updateLot: tuple(lotIdArg, lotDraftArg),
  removeLot: tuple(lotIdArg),
  replaceLots: tuple(lotListArg),
  setBaseCurrency: tuple(baseCurrencyArg),
  getPortfolio: tuple(),
  getRelay: tuple(),
  regenerateRelayToken: tuple(),
  setRelayOrigins: tuple(originsArg),
  copyRelay: tuple(relayCopyItemArg),
  showItemMenu: tuple(symbolArg),
  getDisplays: tuple(),
  openSettings: openSettingsArgs,
  rememberCategory: tuple(categoryArg),
  openExternal: tuple(checkExternalUrl),
  openChart: tuple(symbolArg),
  getShortcuts: tuple(),
  getAbout: tuple(),
  checkForUpdates: tuple(),
  restartToUpdate: tuple(),
  openLogFolder: tuple(),
  exportSettings: tuple(transferFormatArg),
  importSettings: tuple(),
  exportHoldings: tuple(),
  setSecondStrip: tuple(secondStripArg),
  getContext: tuple(),
  showCard: tuple(cardArg),
  hideCard: tuple(),
  openHeadline: tuple(headlineUrlArg),
} satisfies { readonly [K in InvokeName]: ArgsValidator<K> };

export function validateArgs<K extends InvokeName>(
  name: K,
  args: readonly unknown[],
): Result<InvokeContract[K]['args']> {
  const validators: { readonly [N in InvokeName]: ArgsValidator<N> } = ARGS_VALIDATORS;
  return validators[name](args);
}
