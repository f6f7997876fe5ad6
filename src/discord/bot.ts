import { Events, type Client } from 'discord.js';
import { once, setMaxListeners } from 'node:events';
import { createAnswerer } from '../answer/answerer.js';
import { createComparer } from '../answer/compare/comparer.js';
import type { Comparer } from '../answer/compare/types.js';
import type { Answerer } from '../answer/types.js';
import { tokenCounterFor } from '../answer/tokens.js';
import { hasModel, type Config } from '../config.js';
import type { CorpusAdmin } from '../corpus/admin/corpus-admin.js';
import { createCorpusAdmin } from '../corpus/admin/create-corpus-admin.js';
import { createWebFetcher, type ClosableWebFetcher, type WebFetcher } from '../web/fetcher.js';
import { webFetcherOptionsFromConfig } from '../web/options.js';
import type { Logger } from '../log.js';
import type { Retriever } from '../search/retriever.js';
import type { Database } from '../store/database.js';
import { createDiscordStateStore } from '../store/discord-state.js';
import { createDiscordClient } from './client.js';
import type { Command } from './command.js';
import type { BotContext } from './context.js';
import { requireDiscordCredentials } from './credentials.js';
import { DiscordRejectedError, watchForRejection, type DiscordRejection } from './discord-rejection.js';
import { handleMessage } from './mentions.js';
import { AskQuotas } from './quotas.js';
import { routeInteraction } from './router.js';
import { EDIT_INTERVAL_MS } from './stream-editor.js';

/** On shutdown, answers in progress get this long to finish before they are stopped. */
export const SHUTDOWN_GRACE_MS = 5_000;
/** After stopping them, this long for their "please ask again" messages to go out. */
const SHUTDOWN_NOTICE_MS = 2_000;

export interface BotOptions {
  config: Config;
  /** Where the bot keeps its Discord state (button pages, feedback, quotas) and the answer cache. */
  db: Database;
  /** What the corpus holds, for every command. */
  retriever: Retriever;
  log: Logger;
  commands: readonly Command[];
  /** Default: the real answerer over `retriever` and `config`. */
  answerer?: Answerer;
  /** Default: the real comparer over `retriever` and `config`. */
  comparer?: Comparer;
  /** /corpus's writes. Default: over `db` itself, fetching with `webFetcher`; the running bot gives it a connection of its own (bot-process.ts). */
  corpusAdmin?: CorpusAdmin;
  /** Default: createWebFetcher from the WEB_* settings (closed on stop). Tests pass one that reaches only 127.0.0.1. */
  webFetcher?: WebFetcher;
  /** Default EDIT_INTERVAL_MS; tests shorten it. */
  editIntervalMs?: number;
  now?: () => number;
  /** Default: createDiscordClient(config). */
  client?: Client;
  shutdownGraceMs?: number;
}

export interface RunningBot {
  client: Client;
  context: BotContext;
  /**
   * Resolves if Discord rejects the bot for good while it runs (token reset: a
   * 401; an unrecoverable gateway close): the process should stop and say so.
   */
  rejected: Promise<DiscordRejection>;
  /** Stop taking questions, let answers in progress finish (briefly), disconnect. */
  stop(): Promise<void>;
}

/**
 * Log in and run until `stop()`: interactions and messages go to their
 * handlers, each of which answers every failure itself. discord.js reconnects
 * (RESUME) after gateway drops on its own; we only log them. Resolves once the
 * client is ready (`clientReady`, not `login()`); rejects with a
 * DiscordRejectedError if Discord rejects the token (or the gateway) first.
 */
export async function startBot(options: BotOptions): Promise<RunningBot> {
  const { config, db, retriever, log } = options;
  const { token } = requireDiscordCredentials(config, 'Running the bot');
  const client = options.client ?? createDiscordClient(config);
  const rejection = watchForRejection(client);
  const state = createDiscordStateStore(db);
  const pruned = await state.pruneButtonStates();
  if (pruned > 0) log.info({ pruned }, 'pruned old button state');

  // Loading the model's tokenizer blocks the event loop for over a second; do it before going
  // live, or the first question would delay every other interaction's acknowledgement with it.
  if (hasModel(config)) await tokenCounterFor(config.OPENAI_MODEL, (err) => log.warn({ err }, 'tokenizer unavailable; token counts are estimated'));

  let ownFetcher: ClosableWebFetcher | undefined;
  const corpusAdmin = options.corpusAdmin ?? createCorpusAdmin({ db, config, log, fetcher: options.webFetcher ?? (ownFetcher = createWebFetcher(webFetcherOptionsFromConfig(config))) });
  const abort = new AbortController();
  // Every answer in progress or waiting in the queue listens to it; the queue limit bounds them.
  setMaxListeners(0, abort.signal);
  const inFlight = new Set<Promise<unknown>>();
  let closing = false;
  const context: BotContext = {
    retriever,
    config,
    log,
    answerer: options.answerer ?? createAnswerer({ db, retriever, config, log }),
    comparer: options.comparer ?? createComparer({ retriever, config, log }),
    state,
    quotas: new AskQuotas(config, state, options.now),
    corpusAdmin,
    editIntervalMs: options.editIntervalMs ?? EDIT_INTERVAL_MS,
    now: options.now ?? Date.now,
    signal: abort.signal,
    isClosing: () => closing,
    track(work) {
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work)).catch(() => undefined);
      return work;
    },
  };
  const byName = new Map(options.commands.map((command) => [command.data.name, command]));

  client.on(Events.InteractionCreate, (interaction) => void context.track(routeInteraction(interaction, context, byName)));
  client.on(Events.MessageCreate, (message) => void context.track(handleMessage(message, context)));
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
  client.on(Events.ShardDisconnect, (event, shardId) => log.warn({ shardId, code: event.code }, 'gateway disconnected'));
  client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, 'gateway reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) => log.info({ shardId, replayed }, 'gateway resumed'));
  client.on(Events.ShardError, (err, shardId) => log.error({ err, shardId }, 'gateway error'));

  const ready = once(client, Events.ClientReady);
  const loggedIn = client.login(token).then(() => ready).then(() => undefined);
  // login() rejects after a 401 with discord.js's own "invalid token"; a 4004 at IDENTIFY would leave it waiting for ready forever.
  const rejectedFirst = await Promise.race([loggedIn, rejection.rejected]).catch((error: unknown) => {
    const rejected = rejection.latest();
    if (!rejected) throw error;
    return rejected;
  });
  if (rejectedFirst) {
    await client.destroy();
    throw new DiscordRejectedError(rejectedFirst);
  }
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size, shards: client.shard?.ids ?? [0] }, 'bot ready');

  const settle = (ms: number) => Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => setTimeout(resolve, ms).unref())]);
  return {
    client,
    context,
    rejected: rejection.rejected,
    async stop() {
      if (closing) return;
      closing = true;
      log.info({ inFlight: inFlight.size }, 'shutting down');
      await settle(options.shutdownGraceMs ?? SHUTDOWN_GRACE_MS);
      abort.abort(new Error('shutting down'));
      await settle(SHUTDOWN_NOTICE_MS);
      await client.destroy();
      await ownFetcher?.close();
      log.info('discord client closed');
    },
  };
}
