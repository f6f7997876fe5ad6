import { MAX_CUSTOM_ID_CHARS } from './limits.js';

/**
 * What a button does. The custom id is `<action>:<key>:<arg>`: the key points at
 * state in SQLite (src/store/discord-state.ts), the arg says which of that
 * state's buttons it is (a source number, a vote, a direction) — never state itself.
 * A timeline's quote button needs no stored state: its key is the quoted
 * passage's id, its arg the quote's number.
 */
export type ButtonAction = 'source' | 'vote' | 'search-page' | 'statement-page' | 'kwic-page' | 'signatories-page' | 'signed-page' | 'timeline-quote' | 'corpus-edit' | 'corpus-remove';

const PREFIX: Record<ButtonAction, string> = { source: 'src', vote: 'vote', 'search-page': 'sp', 'statement-page': 'st', 'kwic-page': 'kw', 'signatories-page': 'sg', 'signed-page': 'sd', 'timeline-quote': 'tlq', 'corpus-edit': 'ce', 'corpus-remove': 'cr' };
const ACTION_BY_PREFIX = new Map(Object.entries(PREFIX).map(([action, prefix]) => [prefix, action as ButtonAction]));

export interface ButtonId {
  action: ButtonAction;
  key: string;
  arg: string;
}

export function encodeButtonId({ action, key, arg }: ButtonId): string {
  const id = `${PREFIX[action]}:${key}:${arg}`;
  if (id.length > MAX_CUSTOM_ID_CHARS) throw new RangeError(`custom id too long: ${id.length}`);
  return id;
}

/** The button a custom id names, or undefined for one this bot never made. */
export function parseButtonId(customId: string): ButtonId | undefined {
  const [prefix, key, arg, ...extra] = customId.split(':');
  const action = prefix === undefined ? undefined : ACTION_BY_PREFIX.get(prefix);
  if (action === undefined || !key || arg === undefined || extra.length > 0) return undefined;
  return { action, key, arg };
}

/** The statement id a corpus button or form carries as its key, or undefined for anything else. */
export function statementIdOf(key: string): number | undefined {
  return /^[1-9]\d{0,15}$/.test(key) ? Number(key) : undefined;
}
