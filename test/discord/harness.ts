/**
 * The bot for real — discord.js against the Discord double, the answerer over a
 * seeded SQLite corpus, optionally the `openai` client against the OpenAI
 * double — with short intervals so the suite stays fast.
 */
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { commands } from '../../commands/index.js';
import { loadConfig, type Config } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/discord/bot.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import type { Database } from '../../src/store/database.js';
import type { WebFetcher } from '../../src/web/fetcher.js';
import { startDiscordDouble, type DiscordDouble, type DiscordDoubleOptions, type DoubleMessage } from '../doubles/discord/index.js';
import { startOpenAIDouble, type OpenAIDouble } from '../doubles/openai-server.js';
import { seedDatabase, statementFrom } from '../search/seed-db.js';

export interface Harness {
  double: DiscordDouble;
  model: OpenAIDouble | undefined;
  db: Database;
  bot: RunningBot;
  config: Config;
  /** Every log line the bot wrote (JSON), for "tokens never logged" and error details. */
  logs: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Start the OpenAI double and point the answerer at it (default: no model, extractive answers). */
  model?: boolean;
  env?: Record<string, string>;
  editIntervalMs?: number;
  double?: DiscordDoubleOptions;
  now?: () => number;
  /** What /corpus add fetches with (test/doubles/web-fetcher.ts: only 127.0.0.1, no real waits). */
  webFetcher?: WebFetcher;
}

/**
 * Three short fixture statements on top of the five seeds, so a search for
 * "imperialist" has more than one page (5 per page). Invented for the tests.
 */
export const EXTRA_STATEMENTS = [
  statementFrom('fixture-peace.md', 'The Peace Committee condemns every imperialist war and calls on workers to refuse to fight in it.\nWe demand the withdrawal of all foreign troops.', { title: 'Against imperialist war', organisation: 'Peace Committee (fixture)', date: '2023-05-01' }),
  statementFrom('fixture-solidarity.md', 'Solidarity with the peoples who resist imperialist occupation.\nNo to sanctions that starve the population.', { title: 'Solidarity statement', organisation: 'Solidarity Network (fixture)', date: '2023-06-12' }),
  statementFrom('fixture-may-day.md', 'On May Day we stand against imperialist rivalry and the arms race.\nThe working class has no interest in war.', { title: 'May Day appeal', organisation: 'Peace Committee (fixture)', date: '2024-05-01' }),
];

/** Quotas out of the way unless a test sets them. */
const RELAXED_QUOTAS = { ASK_COOLDOWN_SECONDS: '0', ASK_DAILY_QUESTIONS_PER_USER: '1000', MODEL_CONCURRENCY_GLOBAL: '8', MODEL_CONCURRENCY_PER_GUILD: '8', MODEL_QUEUE_LIMIT: '50' };

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const double = await startDiscordDouble(options.double);
  const model = options.model ? await startOpenAIDouble() : undefined;
  const { db } = await seedDatabase(EXTRA_STATEMENTS);
  const config = loadConfig({
    ...double.env,
    ...RELAXED_QUOTAS,
    ...(model ? { OPENAI_BASE_URL: model.baseUrl, OPENAI_API_KEY: 'sk-test-not-a-real-key', OPENAI_MODEL: 'test-model', OPENAI_MAX_RETRIES: '0', OPENAI_TIMEOUT_MS: '5000' } : {}),
    LOG_LEVEL: 'debug',
    ...options.env,
  });
  const logs: string[] = [];
  const log = pino({ level: 'debug' }, new Writable({ write: (chunk, _encoding, done) => (logs.push(String(chunk)), done()) }));
  await deployCommands({ config, commands, log });
  const bot = await startBot({ config, db, retriever: createCorpusRetriever(db), log, commands, editIntervalMs: options.editIntervalMs ?? 40, ...(options.now ? { now: options.now } : {}), ...(options.webFetcher ? { webFetcher: options.webFetcher } : {}), shutdownGraceMs: 500 });
  const harness: Harness = {
    double,
    model,
    db,
    bot,
    config,
    logs,
    async close() {
      await harness.bot.stop(); // a test may have replaced the bot (restart)
      await db.close();
      await model?.close();
      await double.close();
    },
  };
  return harness;
}

/** The embeds' text of a message the double holds, for assertions on what users read. */
export function textOf(message: { content?: string; embeds?: { title?: string; description?: string; fields?: { name: string; value: string }[]; footer?: { text: string } }[] } | undefined): string {
  if (!message) return '';
  return [message.content ?? '', ...(message.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value]), e.footer?.text ?? ''])].filter(Boolean).join('\n');
}

/** Custom ids of a message's buttons, in order. */
export function buttonIds(message: { components?: unknown[] } | undefined): string[] {
  return ((message?.components ?? []) as { components?: { custom_id?: string }[] }[]).flatMap((row) => (row.components ?? []).map((c) => c.custom_id ?? ''));
}

/** Every message body the bot sent (replies, edits, follow-ups, channel messages) pings no one. */
export function assertNoMentionsAllowed(double: DiscordDouble): number {
  const bodies = double.sentMessageBodies();
  for (const { request, body } of bodies) {
    const allowed = body.allowed_mentions as { parse?: unknown[]; users?: unknown[]; roles?: unknown[]; replied_user?: boolean } | undefined;
    assert.ok(allowed, `${request.method} ${request.path} has no allowed_mentions`);
    assert.deepEqual(allowed.parse, [], `${request.method} ${request.path} allows ${JSON.stringify(allowed)}`);
    assert.ok(!allowed.users?.length && !allowed.roles?.length && !allowed.replied_user, `${request.method} ${request.path} allows ${JSON.stringify(allowed)}`);
  }
  return bodies.length;
}

/**
 * End an end-to-end file: no message body the bot sent may allow a mention, the
 * double saw no request it doesn't know, then everything shuts down. Returns how
 * many message bodies were checked.
 */
export async function finishHarness(h: Harness): Promise<number> {
  const checked = assertNoMentionsAllowed(h.double);
  h.double.assertClean();
  await h.close();
  return checked;
}

/** The answer once finished: the original response, no longer "thinking", with `predicate` true. */
export function finishedResponse(double: DiscordDouble, token: string, predicate: (message: DoubleMessage) => boolean = (m) => buttonIds(m).length > 0): Promise<DoubleMessage> {
  return double.waitFor(() => {
    const message = double.originalResponse(token);
    return message && !((message.flags ?? 0) & LOADING_FLAG) && predicate(message) ? message : undefined;
  }, 10_000, 'finished response');
}

const LOADING_FLAG = 128;
