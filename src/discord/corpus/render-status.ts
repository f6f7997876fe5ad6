import { time, TimestampStyles } from 'discord.js';
import type { CorpusStatus, FailingSource } from '../../corpus/admin/corpus-admin.js';
import type { CorpusChange } from '../../store/corpus-changes.js';
import { MAX_FIELD_VALUE_CHARS } from '../limits.js';
import { COLOUR, type MessagePayload } from '../payload.js';
import { escapeMarkdownText, fitRendered, plainLink } from '../safe-markdown.js';

/** Latest changes /corpus status asks for. */
export const RECENT_CHANGES_SHOWN = 10;
const MAX_FAILING_SHOWN = 8;
const MAX_NAME_CHARS = 80;
const MAX_VALUE_CHARS = 60;

/**
 * `/corpus status`: how big the corpus is, when it was last ingested and
 * refreshed (with the refresh's counts), which web sources are failing and
 * why, and who changed what lately. Each list is a field that stops before
 * Discord's 1,024 characters.
 */
export function renderCorpusStatus(status: CorpusStatus): MessagePayload {
  const refresh = status.lastRefresh
    ? `${when(status.lastRefresh.finishedAt)} (${status.lastRefresh.sources} source${status.lastRefresh.sources === 1 ? '' : 's'}): ${status.lastRefresh.added} added · ${status.lastRefresh.changed} changed · ${status.lastRefresh.unchanged} unchanged · ${status.lastRefresh.failed} failed`
    : 'never';
  const description = [
    `**${status.statements}** statement${status.statements === 1 ? '' : 's'}, ${status.passages} passages (corpus version ${status.corpusVersion}).`,
    `Last ingest: ${status.lastIngestAt ? when(status.lastIngestAt) : 'never'}.`,
    `Last refresh of the sources file: ${refresh}.`,
  ].join('\n');
  const failing = status.failing.slice(0, MAX_FAILING_SHOWN).map(describeFailing);
  if (status.failing.length > failing.length) failing.push(`…and ${status.failing.length - failing.length} more.`);
  return {
    content: '',
    embeds: [
      {
        title: 'Corpus administration',
        description,
        fields: [
          { name: `Failing sources (${status.failing.length})`, value: fitLines(failing, 'None: every source was fetched at the last refresh.') },
          { name: 'Recent changes', value: fitLines(status.changes.map(describeChange), 'None recorded yet.') },
        ],
        color: status.failing.length > 0 ? COLOUR.verbatim : COLOUR.answer,
      },
    ],
    components: [],
  };
}

/** "• <link> — reason (3 times in a row, last tried <time>)". */
function describeFailing(failing: FailingSource): string {
  const where = plainLink(failing.url) || fitRendered(failing.url, MAX_NAME_CHARS, escapeMarkdownText);
  const details = [failing.failures > 1 ? `${failing.failures} times in a row` : '', failing.lastCheckedAt ? `last tried ${when(failing.lastCheckedAt)}` : ''].filter(Boolean).join(', ');
  return `• ${where} — ${fitRendered(failing.reason, 150, escapeMarkdownText)}${details ? ` (${details})` : ''}`;
}

/** "• <time> alice edited “Title”: date 2021 → 2021-09-10" — everything the record holds, escaped. */
export function describeChange(change: CorpusChange): string {
  const who = fitRendered(change.actor.name, MAX_NAME_CHARS, escapeMarkdownText);
  const what = `“${fitRendered(change.statementTitle || 'Untitled statement', MAX_NAME_CHARS, escapeMarkdownText)}”${change.statementId === null ? '' : ` (#${change.statementId})`}`;
  const value = (text: string | null): string => (text ? fitRendered(text, MAX_VALUE_CHARS, escapeMarkdownText) : '(none)');
  const did =
    change.action === 'edit'
      ? `edited ${what}: ${change.field} ${value(change.oldValue)} → ${value(change.newValue)}`
      : change.action === 'remove'
        ? `removed ${what}`
        : `${change.action === 'add' ? 'added' : 'updated'} ${what} from ${value(change.newValue)}`;
  return `• ${when(change.at)} ${who} ${did}`;
}

/** Whole lines, as many as fit in a field value (one line is at most ~500 characters). */
function fitLines(lines: readonly string[], empty: string): string {
  if (lines.length === 0) return empty;
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (length + line.length + 1 > MAX_FIELD_VALUE_CHARS) break;
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? escapeMarkdownText(iso) : time(date, TimestampStyles.RelativeTime);
}
