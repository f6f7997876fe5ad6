/**
 * `npm run ask -- "question" [--org X] [--from …] [--to …] [--json] [--db path]`
 * — ask the corpus from the terminal. The verified answer streams as the model
 * writes it, then the numbered sources. With no model configured the answer is
 * extractive (verbatim quotes), and one line on standard error says so.
 */
import { existsSync } from 'node:fs';
import { createAnswerer, type AnswerResult, type CitedSource } from '../answer/answerer.js';
import { hasModel, loadConfig, loadDotEnv } from '../config.js';
import { UserFacingError } from '../errors.js';
import { log } from '../log.js';
import { createCorpusRetriever } from '../search/corpus-retriever.js';
import { understoodLine } from '../search/understood-line.js';
import { openForWriting } from '../store/migrate.js';
import { resolveDatabasePath } from './args.js';
import { parseFlags, printable, runCli, UsageError } from './cli-run.js';
import { answerTextForTerminal } from './console-render.js';

const USAGE = 'Usage: npm run ask -- "question" [--org NAME] [--from YYYY[-MM[-DD]]] [--to …] [--json] [--db PATH]';
/** Exit code after Ctrl-C, as shells expect (128 + SIGINT). */
const EXIT_INTERRUPTED = 130;

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags({
    org: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    json: { type: 'boolean' },
    db: { type: 'string' },
  });
  const question = positionals.join(' ').trim();
  if (question === '') throw new UsageError('What is the question? Put it in quotes after --.');

  loadDotEnv();
  const config = loadConfig();
  const path = resolveDatabasePath(values.db, config);
  if (path !== ':memory:' && !existsSync(path)) {
    throw new UserFacingError('no_database', `No database at ${path}. Build it first: npm run ingest -- --db ${path}`);
  }
  // Read-write: the answer cache lives in the same database.
  const db = await openForWriting(path);
  const interrupted = new AbortController();
  const onSigint = () => interrupted.abort();
  process.once('SIGINT', onSigint);
  try {
    if (!hasModel(config)) process.stderr.write('No model configured (set OPENAI_API_KEY, or OPENAI_BASE_URL for a local server): answering with verbatim quotes from the corpus.\n');
    const answerer = createAnswerer({ db, retriever: createCorpusRetriever(db), config, log });
    let printed = '';
    const onPartial = values.json
      ? undefined
      : (text: string) => {
          if (!text.startsWith(printed)) return;
          process.stdout.write(printable(text.slice(printed.length)));
          printed = text;
        };
    let result: AnswerResult;
    try {
      result = await answerer.answer({ question, organisation: values.org, from: values.from, to: values.to, signal: interrupted.signal }, { onPartial });
    } catch (error) {
      if (interrupted.signal.aborted) {
        process.stderr.write('\nInterrupted.\n');
        return EXIT_INTERRUPTED;
      }
      throw error;
    }
    if (values.json) {
      // The AnswerResult as the answerer made it: `text` is plain text whose only
      // structure is [n], "> " quote lines and bold spans between \u0002 and \u0003
      // (JSON-escaped). The markers are kept, not stripped: a script can render
      // them its own way or drop them, and the line matches the answer cache.
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return 0;
    }
    const terminal = process.stdout.isTTY === true;
    if (result.mode === 'fallback') process.stderr.write(`${printed ? '\n' : ''}The model failed (${result.fallbackReason}); answering with verbatim quotes instead.\n`);
    if (printed !== '' && result.text.startsWith(printed)) process.stdout.write(answerTextForTerminal(result.text.slice(printed.length), terminal));
    else process.stdout.write(`${printed ? '\n\n' : ''}${answerTextForTerminal(result.text, terminal)}`);
    for (const line of [understoodLine(result.understood), result.onlyQuestionLanguage?.line]) if (line) process.stdout.write(`\n\n${printable(line)}`);
    process.stdout.write(`\n${formatSources(result.sources)}`);
    return 0;
  } finally {
    process.off('SIGINT', onSigint);
    await db.close();
  }
});


/** "[1] Title — Organisation, 2021-09-10, https://…" per cited source. */
function formatSources(sources: readonly CitedSource[]): string {
  if (sources.length === 0) return '';
  const lines = sources.map((source) => {
    const details = [source.organisation || 'organisation unknown', source.date ?? 'undated', source.url].filter(Boolean).join(', ');
    return `[${source.n}] ${source.title || source.slug} — ${details}`;
  });
  return `\nSources:\n${printable(lines.join('\n'))}\n`;
}
