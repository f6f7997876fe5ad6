/**
 * The terminal session `npm start` opens when no DISCORD_TOKEN is set: the
 * bot's commands, run on the local corpus and shown as plain text. On a
 * terminal it prompts; when standard input is a pipe it reads one command per
 * line and ends at end of input. It starts with a short welcome and one
 * example answer, so the first thing anyone sees is the real job.
 */
import { createInterface } from 'node:readline';
import { createAnswerer } from '../answer/answerer.js';
import { createComparer } from '../answer/compare/comparer.js';
import type { Comparer } from '../answer/compare/types.js';
import type { Answerer } from '../answer/types.js';
import { hasModel, type Config } from '../config.js';
import type { CorpusAdmin } from '../corpus/admin/corpus-admin.js';
import { validateAskInput } from '../discord/ask-request.js';
import { isUserFacingError, UserFacingError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Retriever } from '../search/retriever.js';
import type { Database } from '../store/database.js';
import { printable } from './cli-run.js';
import { consoleConcordance } from './console-kwic.js';
import { renderComparisonText } from './compare-render.js';
import { runConsoleCorpus } from './console-corpus.js';
import { parseConsoleLine, type ConsoleCommand } from './console-commands.js';
import { signatoriesText, signedText } from './console-signatories.js';
import { formatTimelineForPeople } from './timeline-render.js';
import { CONSOLE_HELP, renderAnswerText, renderOverviewText, renderSearchText, renderStatementText } from './console-render.js';

/** A question the bundled corpus answers (ICOR's resolution on Afghanistan). */
export const EXAMPLE_QUESTION = 'What does ICOR say about the withdrawal of NATO troops from Afghanistan?';
const SEARCH_PAGE_SIZE = 5;
/** About a screenful. */
const STATEMENT_PAGE_CHARS = 3_000;

export interface ConsoleOptions {
  /** Where the answer cache lives. */
  db: Database;
  retriever: Retriever;
  config: Config;
  log: Logger;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  /** A person at a terminal: prompt, stream answers, bold highlights. */
  interactive: boolean;
  answerer?: Answerer;
  comparer?: Comparer;
  /** Show the example answer after the welcome (default true). */
  example?: boolean;
  /** /corpus: the operator at the terminal administers the corpus. Absent: /corpus says it is not available. */
  corpusAdmin?: CorpusAdmin;
}

export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { db, retriever, config, log, output, interactive } = options;
  const answerer = options.answerer ?? createAnswerer({ db, retriever, config, log });
  const comparer = options.comparer ?? createComparer({ retriever, config, log });
  const write = (text: string) => void output.write(text);
  const overview = await retriever.corpusOverview();
  // The overview lists only the largest organisations; the welcome counts them all (219 in the UN corpus, not 100).
  const organisationCount = (await retriever.organisations()).length;

  write(
    [
      `Statement corpus bot — terminal session. No DISCORD_TOKEN is set, so instead of connecting to Discord this runs the bot's commands here, on the local corpus: ${overview.statements} statements from ${organisationCount} organisations.`,
      hasModel(config) ? `Answers come from the model ${config.OPENAI_MODEL}, checked against the statements they cite.` : 'No model is configured (OPENAI_API_KEY or OPENAI_BASE_URL), so answers quote the statements verbatim.',
      'Type a question, or /ask, /search, /statement, /compare, /kwic, /timeline, /signatories, /signed, /corpus, /sources, /help. Ctrl-D or /quit ends the session. docs/discord-setup.md explains running it on Discord.',
      '',
    ].join('\n'),
  );
  const session = { answerer, comparer, ...options };
  if ((options.example ?? true) && overview.statements > 0) {
    write(`\nExample — /ask ${EXAMPLE_QUESTION}\n\n`);
    await execute(session, { name: 'ask', question: EXAMPLE_QUESTION });
  }

  const lines = createInterface({ input: options.input, ...(interactive ? { output, terminal: true, prompt: '\n> ' } : {}) });
  if (interactive) lines.prompt();
  for await (const line of lines) {
    const command = parseConsoleLine(line);
    if (command.name === 'quit') break;
    if (!interactive && command.name !== 'empty') write(`\n> ${printable(line.trim())}\n\n`);
    await execute(session, command);
    if (interactive) lines.prompt();
  }
  lines.close();
  write('\n');
}

/** Run one command; every failure becomes a line of text, never the end of the session. */
async function execute(session: ConsoleOptions & { answerer: Answerer; comparer: Comparer }, command: ConsoleCommand): Promise<void> {
  const write = (text: string) => void session.output.write(`${text}\n`);
  try {
    switch (command.name) {
      case 'empty':
        return;
      case 'help':
        return write(CONSOLE_HELP);
      case 'unknown':
        return write(`Unknown command ${printable(command.typed)}. ${CONSOLE_HELP}`);
      case 'sources':
        return write(renderOverviewText(await session.retriever.corpusOverview()));
      case 'corpus':
        if (!session.corpusAdmin) throw new UserFacingError('no_corpus_admin', '/corpus is not available in this session.');
        return write(await runConsoleCorpus(session.corpusAdmin, session.retriever, command));
      case 'ask':
        return write(await ask(session, command));
      case 'compare': {
        const { name: _name, ...request } = command;
        return write(renderComparisonText(await session.comparer.compare(request), session.interactive));
      }
      case 'search': {
        if (command.query === '') throw new UserFacingError('empty_query', 'What should I search for? e.g. /search imperialist intervention');
        const filters = { ...(command.organisation ? { organisation: command.organisation } : {}), ...(command.from ? { from: command.from } : {}), ...(command.to ? { to: command.to } : {}) };
        const result = await session.retriever.search(command.query, { organisationPrefix: command.organisation, from: command.from, to: command.to, limit: SEARCH_PAGE_SIZE, offset: (command.page - 1) * SEARCH_PAGE_SIZE, understand: true });
        const described = Object.entries(filters).map(([key, value]) => `${key} ${value}`).join(', ');
        return write(renderSearchText({ query: command.query, page: command.page, pageSize: SEARCH_PAGE_SIZE, filters: described }, result, session.interactive));
      }
      case 'signatories':
        return write(await signatoriesText(session.retriever, command));
      case 'signed':
        return write(await signedText(session.retriever, command));
      case 'kwic':
        return write(await consoleConcordance(session.retriever, command, session.interactive));
      case 'timeline':
        if (command.topic === '') throw new UserFacingError('empty_topic', 'Which topic? e.g. /timeline apartheid from:1960');
        return write(formatTimelineForPeople(await session.retriever.timeline(command.topic, { organisationPrefix: command.organisation, from: command.from, to: command.to, understand: true })));
      case 'statement': {
        if (command.statement === '') throw new UserFacingError('empty_statement', 'Which statement? Give its id, slug or title: /statement <id|slug|title>');
        let shown = await session.retriever.getStatementPage(command.statement, command.page, STATEMENT_PAGE_CHARS);
        if (!shown) {
          const [best] = await session.retriever.suggestStatements(command.statement, 1);
          if (best) shown = await session.retriever.getStatementPage(best.id, command.page, STATEMENT_PAGE_CHARS);
        }
        if (!shown) throw new UserFacingError('no_statement', `No statement matches "${command.statement.slice(0, 100)}". Try /search.`);
        return write(renderStatementText(shown));
      }
    }
  } catch (error) {
    if (isUserFacingError(error)) return write(printable(error.message));
    session.log.error({ err: error, command: command.name }, 'console command failed');
    write('Something went wrong; the details are in the log. Please try again.');
  }
}

/** Ask, streaming the verified answer as it grows when a person is watching. */
async function ask(session: ConsoleOptions & { answerer: Answerer }, command: Extract<ConsoleCommand, { name: 'ask' }>): Promise<string> {
  const request = validateAskInput(command);
  let printed = '';
  const onPartial = session.interactive
    ? (text: string) => {
        if (!text.startsWith(printed)) return;
        session.output.write(printable(text.slice(printed.length)));
        printed = text;
      }
    : undefined;
  const result = await session.answerer.answer(request, { ...(onPartial ? { onPartial } : {}) });
  const rendered = renderAnswerText(result, session.interactive);
  if (printed === '') return rendered;
  // What streamed is already on screen: finish it, or start over when the final text differs (a fallback).
  return rendered.startsWith(printable(printed)) ? rendered.slice(printable(printed).length) : `\n\n${rendered}`;
}
