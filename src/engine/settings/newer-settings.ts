/**
 * Recognise a settings file written by a newer Ticker: a higher schema version, or keys this version
 * does not know. Such a file is used as far as it is understood but never written (see README,
 * "Settings file"): writing it would drop what the newer version saved. The known keys come from the
 * settings JSON schema, so a new setting added to the schema is known here at once.
 */
import { isPlainDataObject } from '../../shared/preference-rules';
import { SETTINGS_SCHEMA, SETTINGS_VERSION, type JsonSchema } from './schema';

/** Keys of older files that this version still reads (version 1 kept its one list in `symbols`). */
const LEGACY_TOP_LEVEL_KEYS: ReadonlySet<string> = new Set(['symbols']);

/** Name at most this many unknown keys in a message. */
const MAX_NAMED_KEYS = 5;

function objectBranch(schema: JsonSchema): JsonSchema | null {
  if (isPlainDataObject(schema.properties)) return schema;
  const branches = schema.anyOf;
  if (!Array.isArray(branches)) return null;
  return (branches as JsonSchema[]).find((branch) => isPlainDataObject(branch.properties)) ?? null;
}

function collect(value: unknown, schema: JsonSchema, path: string, out: string[]): void {
  if (Array.isArray(value)) {
    if (!isPlainDataObject(schema.items)) return;
    value.forEach((item, index) => collect(item, schema.items as JsonSchema, `${path}[${index}]`, out));
    return;
  }
  if (!isPlainDataObject(value)) return;
  const branch = objectBranch(schema);
  // Only objects whose schema closes them (additionalProperties: false) have keys that can be unknown.
  if (!branch || branch.additionalProperties !== false) return;
  const properties = branch.properties as Record<string, JsonSchema>;
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}.${key}`;
    if (!Object.hasOwn(properties, key)) out.push(childPath);
    else collect(child, properties[key] as JsonSchema, childPath, out);
  }
}

/** Paths (`portfolio`, `preferences.shortcut`, `lists[0].colour`) of keys this version does not know. */
export function unknownSettingsKeys(
  raw: Record<string, unknown>,
  schema: Record<string, JsonSchema> = SETTINGS_SCHEMA,
): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (Object.hasOwn(schema, key)) collect(value, schema[key] as JsonSchema, key, out);
    else if (!LEGACY_TOP_LEVEL_KEYS.has(key)) out.push(key);
  }
  return out;
}

/**
 * Why `raw` looks written by a newer Ticker (a sentence fragment for a notice), or null when this
 * version understands all of it.
 */
export function newerSettingsReason(
  raw: Record<string, unknown>,
  schema: Record<string, JsonSchema> = SETTINGS_SCHEMA,
): string | null {
  const version = raw.version;
  if (typeof version === 'number' && Number.isFinite(version) && version > SETTINGS_VERSION) {
    return `it was saved by a newer version of Ticker (settings version ${version}; this version reads version ${SETTINGS_VERSION})`;
  }
  const unknown = unknownSettingsKeys(raw, schema);
  if (unknown.length === 0) return null;
  const named = unknown.slice(0, MAX_NAMED_KEYS).join(', ');
  const more = unknown.length > MAX_NAMED_KEYS ? ` and ${unknown.length - MAX_NAMED_KEYS} more` : '';
  return `it holds settings this version of Ticker does not know (${named}${more}), probably saved by a newer version`;
}
