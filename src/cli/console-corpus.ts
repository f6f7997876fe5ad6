/**
 * /corpus in the terminal session: the operator at the terminal runs the bot,
 * so they administer its corpus — `/corpus status`, `/corpus add <url>` (with
 * organisation:, title:, date: overrides) and `/corpus remove <id|slug>`, the
 * same CorpusAdmin as Discord's /corpus, recorded as the terminal session.
 * (Files from disk go in with `npm run ingest -- <path>`.)
 */
import type { AddedStatement, CorpusAdmin, CorpusStatus } from '../corpus/admin/corpus-admin.js';
import { UserFacingError } from '../errors.js';
import type { Retriever } from '../search/retriever.js';
import { CONSOLE_ACTOR, type CorpusChange } from '../store/corpus-changes.js';
import { printable } from './cli-run.js';
import type { ConsoleCommand } from './console-commands.js';

const USAGE = 'Use /corpus status, /corpus add <https://…> [organisation:… title:… date:…], or /corpus remove <id or slug>.';
const RECENT_CHANGES_SHOWN = 10;

export async function runConsoleCorpus(admin: CorpusAdmin, retriever: Retriever, command: Extract<ConsoleCommand, { name: 'corpus' }>): Promise<string> {
  switch (command.action) {
    case 'status':
      return renderCorpusStatusText(await admin.status(RECENT_CHANGES_SHOWN));
    case 'add': {
      if (!/^https?:\/\//i.test(command.target)) throw new UserFacingError('corpus_add_source', `/corpus add takes a web address (https://…); files from disk go in with npm run ingest -- <path>. ${USAGE}`);
      // Words left over are an unquoted option value (title:No to war), not part of the address: fetching "…/page%20to%20war" would only 404.
      if (/\s/.test(command.target)) throw new UserFacingError('corpus_add_source', `/corpus add takes one web address, then options; quote a value with spaces: title:"No to war". Not an address: ${command.target.slice(0, 200)}`);
      const given = { ...(command.organisation ? { organisation: command.organisation } : {}), ...(command.title ? { title: command.title } : {}), ...(command.date ? { date: command.date } : {}) };
      return renderAddedText(await admin.addUrl(command.target, given, CONSOLE_ACTOR));
    }
    case 'remove': {
      const statement = command.target ? await retriever.getStatement(command.target) : undefined;
      if (!statement) throw new UserFacingError('no_statement', `No statement has the id or slug "${command.target.slice(0, 100)}". Find it with /search or /sources.`);
      const { title } = await admin.remove(statement.id, CONSOLE_ACTOR);
      return printable(`Removed “${title || 'Untitled statement'}” (#${statement.id}, ${statement.slug}). The removal is recorded; see /corpus status.`);
    }
    default:
      throw new UserFacingError('corpus_usage', USAGE);
  }
}

const STATUS_WORDS: Record<AddedStatement['status'], string> = { added: 'Added', changed: 'Updated', unchanged: 'Already in the corpus, unchanged' };

/** What was understood, field by field with where each came from. */
export function renderAddedText(added: readonly AddedStatement[]): string {
  return printable(
    added
      .map((s) => {
        const field = (name: string, value: string | number | null, from?: string) => `  ${name}: ${value ?? 'unknown'}${from ? ` (${from})` : ''}`;
        return [
          `${STATUS_WORDS[s.status]}: ${s.title || 'Untitled statement'} (#${s.statementId}, ${s.slug})`,
          field('organisation', s.organisation || null, s.fields.organisation),
          field('date', s.date, s.fields.date),
          field('language', s.language, s.fields.language),
          field('url', s.url, s.fields.url),
          field('passages', s.passages),
        ].join('\n');
      })
      .join('\n\n'),
  );
}

export function renderCorpusStatusText(status: CorpusStatus): string {
  const refresh = status.lastRefresh
    ? `${status.lastRefresh.finishedAt} (${status.lastRefresh.sources} sources): ${status.lastRefresh.added} added, ${status.lastRefresh.changed} changed, ${status.lastRefresh.unchanged} unchanged, ${status.lastRefresh.failed} failed`
    : 'never';
  return printable(
    [
      `${status.statements} statements, ${status.passages} passages (corpus version ${status.corpusVersion}). Last ingest: ${status.lastIngestAt ?? 'never'}.`,
      `Last refresh of the sources: ${refresh}.`,
      `Failing sources: ${status.failing.length === 0 ? 'none' : ''}`,
      ...status.failing.map((f) => `  ${f.url} — ${f.reason}${f.failures > 1 ? ` (${f.failures} times in a row)` : ''}`),
      `Recent changes: ${status.changes.length === 0 ? 'none recorded yet' : ''}`,
      ...status.changes.map((c) => `  ${describeChangeText(c)}`),
    ].join('\n'),
  );
}

function describeChangeText(change: CorpusChange): string {
  const what = `“${change.statementTitle || 'Untitled statement'}”${change.statementId === null ? '' : ` (#${change.statementId})`}`;
  const did = change.action === 'edit' ? `edited ${what}: ${change.field} ${change.oldValue ?? '(none)'} → ${change.newValue ?? '(none)'}` : change.action === 'remove' ? `removed ${what}` : `${change.action === 'add' ? 'added' : 'updated'} ${what} from ${change.newValue ?? '?'}`;
  return `${change.at} ${change.actor.name} ${did}`;
}
