import { coSignerName, signatoryLine, togetherCount } from '../search/signatory-line.js';
import type { SignedBy, StatementSignatories } from '../search/retriever.js';
import type { StatementSummary } from '../store/records.js';
import { encodeButtonId, type ButtonAction } from './custom-id.js';
import { MAX_EMBED_DESCRIPTION_CHARS, MAX_EMBED_TITLE_CHARS, MAX_FIELD_VALUE_CHARS, truncate } from './limits.js';
import { button, buttonRows, COLOUR, type ButtonRow, type MessagePayload } from './payload.js';
import { escapeHeaderText, escapeMarkdownText, fitRendered, plainLink } from './safe-markdown.js';

/** Signatories per page: 15 of the longest names (~200 characters, escaped) stay under the 4,096 description. */
export const SIGNATORIES_PAGE_SIZE = 15;
/** Statements per /signed page: four citations with links and entries stay under the 4,096 description. */
export const SIGNED_PAGE_SIZE = 4;
/** One entry's line at most: a name longer than this is cut, so a page always fits. */
const MAX_LINE_CHARS = 230;

export function pagesOf(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** The statement cited the way every reply cites it: organisation, date, its plain link and how to read it. */
function citationFields(statement: StatementSummary) {
  const link = plainLink(statement.url);
  return [
    { name: 'Organisation', value: fitRendered(statement.organisation || 'Unknown', MAX_FIELD_VALUE_CHARS, escapeMarkdownText), inline: true },
    { name: 'Date', value: statement.date ? escapeMarkdownText(statement.date) : 'Undated', inline: true },
    ...(link ? [{ name: 'Link', value: link }] : []),
    { name: 'Read it', value: `\`/statement ${statement.slug}\`` },
  ];
}

function pageButtons(action: ButtonAction, key: string | undefined, page: number, pages: number): ButtonRow[] {
  if (key === undefined || pages <= 1) return [];
  return buttonRows([
    button(encodeButtonId({ action, key, arg: 'prev' }), 'Previous', { emoji: '◀️', disabled: page <= 1 }),
    button(encodeButtonId({ action, key, arg: 'next' }), 'Next', { emoji: '▶️', disabled: page >= pages }),
  ])[0]!;
}

/**
 * One page of a statement's signatories, numbered as in the list, under the
 * headings of their groups, with the statement cited. A statement that lists
 * none says so: nothing is made up from organisations its text mentions.
 */
export function renderSignatoriesPage({ statement, signatories }: StatementSignatories, page: number, key: string | undefined): MessagePayload {
  const title = fitRendered(`Signatories: ${statement.title || 'Untitled statement'}`, MAX_EMBED_TITLE_CHARS, escapeHeaderText);
  if (signatories.length === 0) {
    const description = `No list of signatories was found in “${fitRendered(statement.title || statement.slug, 300, escapeMarkdownText)}”. Its text may name organisations, but it does not list any as signing it.`;
    return { content: '', embeds: [{ title, description, fields: citationFields(statement), color: COLOUR.none }], components: [] };
  }
  const pages = pagesOf(signatories.length, SIGNATORIES_PAGE_SIZE);
  const shown = signatories.slice((page - 1) * SIGNATORIES_PAGE_SIZE, page * SIGNATORIES_PAGE_SIZE);
  const lines: string[] = [];
  let group: string | null | undefined;
  for (const signatory of shown) {
    if (signatory.group !== group && signatory.group) lines.push(`${lines.length > 0 ? '\n' : ''}**${fitRendered(signatory.group, 120, escapeMarkdownText)}**`);
    group = signatory.group;
    lines.push(`${signatory.ordinal + 1}. ${fitRendered(signatoryLine(signatory), MAX_LINE_CHARS, escapeMarkdownText)}`);
  }
  return {
    content: '',
    embeds: [
      {
        title,
        description: truncate(lines.join('\n'), MAX_EMBED_DESCRIPTION_CHARS),
        fields: citationFields(statement),
        color: COLOUR.answer,
        footer: { text: truncate(`${signatories.length} signator${signatories.length === 1 ? 'y' : 'ies'} · page ${page} of ${pages} · ${statement.slug}`, 200) },
      },
    ],
    components: pageButtons('signatories-page', key, page, pages),
  };
}

/**
 * One page of the statements an organisation signed, each cited (title,
 * organisation, date, link) with the entry it signed as, and the organisations
 * that co-sign with it most often.
 */
export function renderSignedPage(organisation: string, result: SignedBy, page: number, key: string | undefined): MessagePayload {
  const shownName = result.names[0] ?? organisation;
  const title = fitRendered(`Signed by ${shownName}`, MAX_EMBED_TITLE_CHARS, escapeHeaderText);
  if (result.total === 0) {
    const description = `No list of signatories in the corpus has “${fitRendered(organisation, 200, escapeMarkdownText)}” in it (by name or abbreviation). Start typing and pick a name from the list.`;
    return { content: '', embeds: [{ title, description, color: COLOUR.none }], components: [] };
  }
  const pages = pagesOf(result.total, SIGNED_PAGE_SIZE);
  const first = (page - 1) * SIGNED_PAGE_SIZE;
  const statements = result.statements.map(({ statement, signatory }, i) => {
    const link = plainLink(statement.url);
    const cited = `**${first + i + 1}.** ${fitRendered(statement.title || 'Untitled statement', 150, escapeMarkdownText)} — ${fitRendered(statement.organisation || 'organisation unknown', 80, escapeMarkdownText)}, ${statement.date ? escapeMarkdownText(statement.date) : 'undated'}${link ? ` · ${link}` : ''}`;
    return `${cited}\nListed as: ${fitRendered(signatoryLine(signatory), 200, escapeMarkdownText)} · \`/signatories ${statement.slug}\``;
  });
  const also = result.names.length > 1 ? `\nListed as: ${fitRendered(result.names.join(' / '), 300, escapeMarkdownText)}` : '';
  const description = truncate(`${result.total} statement${result.total === 1 ? '' : 's'} signed.${also}\n\n${statements.join('\n\n')}`, MAX_EMBED_DESCRIPTION_CHARS);
  const coSigners = result.coSigners.map((co) => `• ${fitRendered(coSignerName(co), 70, escapeMarkdownText)} ${togetherCount(co)}`);
  return {
    content: '',
    embeds: [
      {
        title,
        description,
        fields: coSigners.length > 0 ? [{ name: 'Co-signs most often with', value: truncate(coSigners.join('\n'), MAX_FIELD_VALUE_CHARS) }] : [],
        color: COLOUR.answer,
        footer: { text: `Page ${page} of ${pages}` },
      },
    ],
    components: pageButtons('signed-page', key, page, pages),
  };
}
