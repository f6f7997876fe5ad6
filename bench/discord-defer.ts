/**
 * How fast the bot acknowledges a slash command: the time from the double
 * sending INTERACTION_CREATE to it receiving the defer callback, for 50 /ask
 * questions sent at once while a slow model (each answer streams for ~2 s)
 * keeps the bot busy. Discord fails an interaction not acknowledged within
 * 3 s; the target is p99 < 250 ms. Real discord.js against the Discord double,
 * the real answerer and `openai` client against the OpenAI double, the bundled
 * corpus in SQLite. Writes section 'discord' of docs/benchmarks.md.
 * Run alone: `npx tsx bench/discord-defer.ts`.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pino } from 'pino';
import { commands } from '../commands/index.js';
import { loadConfig } from '../src/config.js';
import { ingest } from '../src/corpus/ingest.js';
import { startBot } from '../src/discord/bot.js';
import { createCorpusRetriever } from '../src/search/corpus-retriever.js';
import { deployCommands } from '../src/discord/deploy.js';
import { openForWriting } from '../src/store/migrate.js';
import { startDiscordDouble } from '../test/doubles/discord/index.js';
import { sourceNumber, startOpenAIDouble, type ReceivedRequest } from '../test/doubles/openai-server.js';
import { machineLine, percentile, writeBenchmarkSection } from './report.js';

const CORPUS_DIR = fileURLToPath(new URL('../corpus/', import.meta.url));
const CONCURRENT_QUESTIONS = 50;
const ROUNDS = 3;
const TARGET_P99_MS = 250;
/** The slow model: ~40 chunks, 50 ms apart — about 2 s per answer. */
const MODEL_CHUNK_CHARS = 6;
const MODEL_CHUNK_DELAY_MS = 50;

/** Questions the bundled corpus can answer, varied so the answer cache doesn't serve them. */
const TOPICS = ['the NATO withdrawal', 'the Taliban', 'US imperialism', 'the war in Ukraine', 'refugees from Afghanistan', 'international solidarity', 'the Soviet invasion', 'women in Afghanistan', 'the defeat of NATO', 'Russian imperialism'];

export async function benchDiscordDefer(): Promise<void> {
  const double = await startDiscordDouble();
  const model = await startOpenAIDouble();
  const db = await openForWriting(':memory:');
  await ingest(db, [CORPUS_DIR], { log: pino({ level: 'silent' }) });
  // Production quotas except the cooldown (one fixture user asks everything) and the daily budget.
  const config = loadConfig({ ...double.env, OPENAI_BASE_URL: model.baseUrl, OPENAI_MAX_RETRIES: '0', ASK_COOLDOWN_SECONDS: '0', ASK_DAILY_QUESTIONS_PER_USER: '100000', MODEL_QUEUE_LIMIT: '100' });
  const log = pino({ level: 'silent' });
  await deployCommands({ config, commands, log });
  const bot = await startBot({ config, db, retriever: createCorpusRetriever(db), log, commands, shutdownGraceMs: 100 });

  const cited = (request: ReceivedRequest) => `ICOR calls the withdrawal the disastrous defeat of NATO [${sourceNumber(request, 'ICOR')}]. ${'It says more about it. '.repeat(10)}`;
  const deferMs: number[] = [];
  let coldMs: number[] = [];
  try {
    // Round 0 is the first burst after start (cold JIT, caches, first SSE stream): reported apart.
    for (let round = 0; round <= ROUNDS; round += 1) {
      for (let i = 0; i < CONCURRENT_QUESTIONS * 3; i += 1) model.enqueue({ text: cited, chunkChars: MODEL_CHUNK_CHARS, delayPerChunkMs: MODEL_CHUNK_DELAY_MS });
      const sent = Array.from({ length: CONCURRENT_QUESTIONS }, (_, i) =>
        double.sendSlashCommand({ name: 'ask', options: { question: `What does ICOR say about ${TOPICS[i % TOPICS.length]}? (round ${round}, question ${i})` } }),
      );
      const callbacks = await Promise.all(sent.map((s) => double.waitForInteractionResponse(s.id, 10_000)));
      for (const callback of callbacks) if (callback.type !== 5) throw new Error(`expected a defer (5), got callback type ${callback.type}`);
      if (round === 0) coldMs = callbacks.map((c) => c.afterMs);
      else deferMs.push(...callbacks.map((c) => c.afterMs));
      process.stdout.write(`${round === 0 ? 'cold burst' : `burst ${round}`}: p50 ${percentile(callbacks.map((c) => c.afterMs), 50).toFixed(1)} ms, max ${Math.max(...callbacks.map((c) => c.afterMs)).toFixed(1)} ms\n`);
      // Let this round's answers stream for a while before the next burst, as the model keeps working.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  } finally {
    await bot.stop();
    await db.close();
    await model.close();
    await double.close();
  }

  const p50 = percentile(deferMs, 50);
  const p99 = percentile(deferMs, 99);
  const max = Math.max(...deferMs);
  const { loadavg } = await import('node:os');
  const load = loadavg()[0]!.toFixed(1);
  const verdict = p99 < TARGET_P99_MS ? `meets the target (p99 < ${TARGET_P99_MS} ms)` : `**misses the target** (p99 < ${TARGET_P99_MS} ms)`;
  writeBenchmarkSection(
    'discord',
    `## Discord: INTERACTION_CREATE → defer

${await machineLine()} · \`npx tsx bench/discord-defer.ts\`

${ROUNDS} bursts of ${CONCURRENT_QUESTIONS} concurrent \`/ask\` questions (real discord.js ↔ Discord double; real answerer and \`openai\` client ↔ a slow model double, ~2 s per streamed answer; bundled corpus; production concurrency caps, so most questions queue). Time from the double sending INTERACTION_CREATE to receiving the defer callback:

| samples | p50 | p99 | max |
|---:|---:|---:|---:|
| ${deferMs.length} | ${p50.toFixed(1)} ms | ${p99.toFixed(1)} ms | ${max.toFixed(1)} ms |

The first burst after start (not counted above; cold JIT and caches, the first prompts' token counts) had p50 ${percentile(coldMs, 50).toFixed(1)} ms, max ${Math.max(...coldMs).toFixed(1)} ms. The bot loads the model's tokenizer before going live: loaded lazily by the first question, it blocked the event loop for ~1.4 s and pushed that burst's acknowledgements to ~2 s. Load average during the run: ${load} (the machine is shared).

The defer is the first thing a question does: validation, the cooldown and the queue place are in memory and synchronous; the daily budget (an SQLite write that could wait on another process's lock) comes after. ${verdict}; Discord's limit is 3,000 ms.`,
  );
  process.stdout.write(`defer p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${max.toFixed(1)} ms over ${deferMs.length} interactions\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchDiscordDefer();
