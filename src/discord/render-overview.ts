import { time, TimestampStyles } from 'discord.js';
import type { CorpusOverview } from '../search/retriever.js';
import { MAX_EMBED_DESCRIPTION_CHARS } from './limits.js';
import { COLOUR, type MessagePayload } from './payload.js';
import { escapeMarkdownText } from './safe-markdown.js';

/** Room for the organisation list after the summary lines. */
const ORGANISATION_LIST_CHARS = MAX_EMBED_DESCRIPTION_CHARS - 600;

/** `/sources`: how many statements, from whom, from when to when, and when the corpus was last ingested. */
export function renderOverview(overview: CorpusOverview): MessagePayload {
  if (overview.statements === 0) {
    return { content: '', embeds: [{ title: 'The corpus is empty', description: 'No statements have been ingested yet. Whoever runs the bot can add them with `npm run ingest`.', color: COLOUR.none }], components: [] };
  }
  const range = overview.earliest && overview.latest ? `from ${escapeMarkdownText(overview.earliest)} to ${escapeMarkdownText(overview.latest)}` : 'undated';
  const ingested = overview.lastIngestAt && !Number.isNaN(Date.parse(overview.lastIngestAt)) ? time(new Date(overview.lastIngestAt), TimestampStyles.RelativeTime) : 'unknown';
  const lines: string[] = [];
  let length = 0;
  for (const { organisation, statements } of overview.organisations) {
    const line = `• ${escapeMarkdownText(organisation)} — ${statements}`;
    if (length + line.length + 1 > ORGANISATION_LIST_CHARS) break;
    lines.push(line);
    length += line.length + 1;
  }
  const more = overview.organisations.length - lines.length;
  const description = [
    `**${overview.statements}** statement${overview.statements === 1 ? '' : 's'} (${overview.passages} passages), ${range}.`,
    `Last ingest: ${ingested}.`,
    '',
    '**Statements per organisation**',
    ...lines,
    ...(more > 0 ? [`…and ${more} more.`] : []),
  ].join('\n');
  return { content: '', embeds: [{ title: 'What the corpus holds', description, color: COLOUR.answer, footer: { text: `Corpus version ${overview.corpusVersion}` } }], components: [] };
}
