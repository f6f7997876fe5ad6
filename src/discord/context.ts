import type { Comparer } from '../answer/compare/types.js';
import type { Answerer } from '../answer/types.js';
import type { Config } from '../config.js';
import type { CorpusAdmin } from '../corpus/admin/corpus-admin.js';
import type { Logger } from '../log.js';
import type { Retriever } from '../search/retriever.js';
import type { DiscordStateStore } from '../store/discord-state.js';
import type { AskQuotas } from './quotas.js';

/**
 * Everything a command or handler needs, built once per running bot
 * (src/discord/bot.ts) and passed in — no module-level state, so each test
 * builds its own.
 */
export interface BotContext {
  /** What the corpus holds: search, statements, suggestions. */
  retriever: Retriever;
  config: Config;
  log: Logger;
  answerer: Answerer;
  /** /compare: organisations side by side on a topic. */
  comparer: Comparer;
  state: DiscordStateStore;
  quotas: AskQuotas;
  /** Adding, correcting and removing statements (/corpus); absent when the bot was started without it. */
  corpusAdmin?: CorpusAdmin;
  /** Minimum time between edits of a streamed answer (EDIT_INTERVAL_MS in production). */
  editIntervalMs: number;
  /** The clock, for interaction-token expiry; tests move it. */
  now: () => number;
  /** Aborted when the bot shuts down: answers in progress stop and say so. */
  signal: AbortSignal;
  /** True once shutdown has begun: new questions are turned away. */
  isClosing(): boolean;
  /** Run a piece of work the shutdown should wait for. */
  track<T>(work: Promise<T>): Promise<T>;
}
