/**
 * Plain-text renderings of what the bot shows in Discord, for the terminal
 * session. Corpus text passes through `printable` (no control characters, so
 * no terminal escape sequences from a statement); the highlight markers become
 * ANSI bold on a terminal — matched words «marked» in a pipe, where the marks
 * say which words matched, and the bold names of an answer plain, where they
 * only style a heading. Text is never Markdown here: it is printed as it is.
 */
import type { AnswerResult } from '../answer/types.js';
import { renderHighlights } from '../search/highlight.js';
import { understoodLine } from '../search/understood-line.js';
import type { CorpusOverview, SearchResult } from '../search/retriever.js';
import type { Statement } from '../store/records.js';
import { printable } from './cli-run.js';

const BOLD = ['\x1b[1m', '\x1b[22m'] as const;
const MARKS = ['«', '»'] as const;

/**
 * An answer's text (plain, see AnswerResult) for a terminal: its bold spans in
 * ANSI bold on a terminal, unmarked in a pipe.
 */
export function answerTextForTerminal(text: string, terminal: boolean): string {
  const [open, close] = terminal ? BOLD : ['', ''];
  return renderHighlights(text, open, close, printable);
}

/**
 * The answer with its sources. `terminal` (ANSI bold) defaults to whether
 * standard output is a terminal, which is where the session writes.
 */
export function renderAnswerText(result: AnswerResult, terminal: boolean = process.stdout.isTTY === true): string {
  const above = [understoodLine(result.understood), result.onlyQuestionLanguage?.line].filter((line) => line !== undefined);
  const lines = [...above.map(printable), ...(above.length > 0 ? [''] : []), answerTextForTerminal(result.text, terminal)];
  const quoted = result.mayNotAnswer ? 'these are the closest passages of the statements found, verbatim; they may not answer the question' : 'these are verbatim sentences from the statements';
  if (result.mode === 'extractive') lines.push('', `(No model is configured: ${quoted}.)`);
  if (result.mode === 'fallback') lines.push('', `(The model's answer could not be used (${result.fallbackReason ?? 'error'}): ${quoted}.)`);
  lines.push(...sourceLines(result.sources));
  return lines.join('\n');
}

/** The numbered sources under an answer or a comparison: what each [n] cites, and how to read it. */
export function sourceLines(sources: AnswerResult['sources']): string[] {
  if (sources.length === 0) return [];
  return [
    '',
    'Sources:',
    ...sources.map((source) => {
      const details = [source.organisation || 'organisation unknown', source.date ?? 'undated', source.url].filter(Boolean).join(', ');
      return printable(`[${source.n}] ${source.title || source.slug} — ${details}  (/statement ${source.slug})`);
    }),
  ];
}

export function renderSearchText(input: { query: string; page: number; pageSize: number; filters: string }, result: SearchResult, terminal: boolean): string {
  const understood = understoodLine(result.understood);
  const head = understood ? `${printable(understood)}\n` : '';
  if (result.hits.length === 0) {
    return head + (result.query === '' ? 'There is nothing searchable in that query (only punctuation or very common words). Try a few distinctive words.' : `No statement matches${input.filters ? ` (${input.filters})` : ''}.`);
  }
  const pages = Math.max(1, Math.ceil(result.total / input.pageSize));
  const [open, close] = terminal ? BOLD : MARKS;
  const next = input.page < pages ? ` — next: /search ${input.query} page:${input.page + 1}` : '';
  const lines = [`${result.total} statement${result.total === 1 ? ' matches' : 's match'}${input.filters ? ` (${input.filters})` : ''}. Page ${input.page} of ${pages}${next}`];
  result.hits.forEach((hit, i) => {
    const { statement } = hit;
    lines.push('', printable(`${(input.page - 1) * input.pageSize + i + 1}. ${statement.title || 'Untitled'} — ${statement.organisation || 'organisation unknown'}, ${statement.date ?? 'undated'}  (/statement ${statement.slug})`));
    // printable per piece, inside the markers: applied to the whole line it would strip the ESC of the ANSI bold.
    lines.push(`   ${renderHighlights(hit.snippet, open, close, printable).replace(/\s+/g, ' ')}`);
  });
  return head + lines.join('\n');
}

export function renderStatementText({ statement, page, pageCount, text }: { statement: Statement; page: number; pageCount: number; text: string }): string {
  const about = [statement.organisation || 'Organisation unknown', statement.date ?? 'undated', statement.language, statement.url].filter(Boolean).join(' · ');
  const next = page < pageCount ? ` — next: /statement ${statement.slug} page:${page + 1}` : '';
  return printable([statement.title || 'Untitled statement', about, `${statement.slug} · page ${page} of ${pageCount}${next}`, '', text].join('\n'));
}

export function renderOverviewText(overview: CorpusOverview): string {
  if (overview.statements === 0) return 'The corpus is empty. Add statements with: npm run ingest -- <folder>';
  const range = overview.earliest && overview.latest ? `from ${overview.earliest} to ${overview.latest}` : 'undated';
  return printable(
    [
      `${overview.statements} statements (${overview.passages} passages), ${range}. Last ingest: ${overview.lastIngestAt ?? 'unknown'}.`,
      'Statements per organisation:',
      ...overview.organisations.map(({ organisation, statements }) => `  ${organisation} — ${statements}`),
    ].join('\n'),
  );
}

export const CONSOLE_HELP = [
  'Type a question, or one of the bot\'s commands (options as name:value, quoted when they have spaces):',
  '  /ask What does ICOR say about NATO? organisation:ICOR from:2021 to:2022-12-31',
  '  /search imperialist intervention organisation:JAKNA page:2',
  '  /statement <id, slug or title> page:2',
  '  /signatories <id, slug or title> page:2   who signed a statement',
  '  /signed MLPD page:2   the statements an organisation signed, and its co-signers',
  '  /kwic refugee org:Iran sort:organisation page:2   every occurrence in context; "quoted" for the exact words',
  '  /timeline Taliban organisation:ICOR from:2021 to:2022   how often a topic comes up, per year or month ("quotes" for a phrase)',
  '  /compare the Taliban org:ICOR org:CIPOML from:2021   two to five organisations on a topic, a section each',
  '  /sources      what the corpus holds',
  '  /corpus status · /corpus add <https://…> organisation:… title:… date:… · /corpus remove <id or slug>',
  '  /help         this text',
  '  /quit         end the session (or Ctrl-D)',
].join('\n');
