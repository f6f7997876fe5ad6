import type { AddedStatement } from '../../corpus/admin/corpus-admin.js';
import type { MetadataField } from '../../store/statement-admin.js';
import { encodeButtonId } from '../custom-id.js';
import { truncate } from '../limits.js';
import { button, buttonRows, COLOUR, type MessagePayload } from '../payload.js';
import { escapeHeaderText, escapeMarkdownText, fitRendered, plainLink } from '../safe-markdown.js';

/**
 * Statements shown after one /corpus add (a JSONL file may hold hundreds):
 * five embeds of at most ~1,150 characters (title and each text field cut to
 * 200, a link at most 300) stay under Discord's 6,000 a message, and their
 * five buttons fill one row.
 */
export const MAX_STATEMENTS_SHOWN = 5;
const MAX_FIELD_TEXT_CHARS = 200;
const MAX_FOOTER_CHARS = 100;

const STATUS_LINE: Record<AddedStatement['status'], string> = {
  added: 'Added to the corpus.',
  changed: 'Already in the corpus: updated to what was found now.',
  unchanged: 'Already in the corpus, unchanged.',
};

/**
 * What /corpus add understood, statement by statement — title, organisation,
 * date, language, passages, source — each field with how it was obtained,
 * and a "Correct metadata" button per statement. `from` names what was added
 * (a URL or a file name). Everything from the source is escaped.
 */
export function renderIntake(added: readonly AddedStatement[], from: string): MessagePayload {
  const shown = added.slice(0, MAX_STATEMENTS_SHOWN);
  const counts = (['added', 'changed', 'unchanged'] as const).map((status) => [status, added.filter((s) => s.status === status).length] as const).filter(([, n]) => n > 0);
  const summary = added.length === 1 ? '' : `${added.length} statements from ${fitRendered(from, MAX_FIELD_TEXT_CHARS, escapeMarkdownText)}: ${counts.map(([status, n]) => `${n} ${status}`).join(', ')}.${added.length > shown.length ? ` The first ${shown.length} are shown; see them all with /search or /sources.` : ''}`;
  const buttons = shown.map((statement) => button(encodeButtonId({ action: 'corpus-edit', key: String(statement.statementId), arg: 'open' }), shown.length === 1 ? 'Correct metadata' : `Correct metadata of #${statement.statementId}`, { emoji: '✏️' }));
  return { content: summary, embeds: shown.map(intakeEmbed), components: buttonRows(buttons)[0] ?? [] };
}

function intakeEmbed(statement: AddedStatement) {
  const how = (field: MetadataField): string => (statement.fields[field] ? ` · *${escapeMarkdownText(statement.fields[field])}*` : '');
  const text = (value: string | null, missing: string, field: MetadataField): string => `${value ? fitRendered(value, MAX_FIELD_TEXT_CHARS, escapeMarkdownText) : missing}${how(field)}`;
  const link = plainLink(statement.url);
  const titleFrom = statement.fields.title ? ` The title${how('title').replace(' · ', ': ')}.` : '';
  return {
    // The title is shown once, here; where it came from is in the description.
    title: fitRendered(statement.title || 'Untitled statement', MAX_FIELD_TEXT_CHARS, escapeHeaderText),
    description: `${STATUS_LINE[statement.status]} How each field was obtained is in *italics*.${titleFrom}`,
    fields: [
      { name: 'Organisation', value: text(statement.organisation, 'Unknown', 'organisation'), inline: true },
      { name: 'Date', value: text(statement.date, 'Undated', 'date'), inline: true },
      { name: 'Language', value: text(statement.language, 'Unknown', 'language'), inline: true },
      { name: 'Passages', value: String(statement.passages), inline: true },
      { name: 'Source', value: `${link || 'No link'}${how('url')}` },
    ],
    color: statement.status === 'unchanged' ? COLOUR.none : COLOUR.answer,
    // Footers render no Markdown: nothing to escape.
    footer: { text: truncate(`#${statement.statementId} · ${statement.slug}`, MAX_FOOTER_CHARS) },
  };
}
