import { UserFacingError } from '../errors.js';
import type { Retriever } from '../search/retriever.js';
import { findStatementSignatories } from '../search/statement-signatories.js';
import type { ConsoleCommand } from './console-commands.js';
import { renderSignatoriesText, renderSignedText } from './signatory-text.js';

/** Signatories per page in the session, as in Discord. */
const SIGNATORIES_PAGE_SIZE = 15;
const SIGNED_PAGE_SIZE = 5;

/** `/signatories <statement> page:N` in the terminal session. */
export async function signatoriesText(retriever: Retriever, command: Extract<ConsoleCommand, { name: 'signatories' }>): Promise<string> {
  if (command.statement === '') throw new UserFacingError('empty_statement', 'Which statement? Give its id, slug or title: /signatories <id|slug|title>');
  const found = await findStatementSignatories(retriever, command.statement);
  if (!found) throw new UserFacingError('no_statement', `No statement matches "${command.statement.slice(0, 100)}". Try /search.`);
  return renderSignatoriesText(found, command.page, SIGNATORIES_PAGE_SIZE, (page) => `/signatories ${found.statement.slug} page:${page}`);
}

/** `/signed <organisation> page:N` in the terminal session. */
export async function signedText(retriever: Retriever, command: Extract<ConsoleCommand, { name: 'signed' }>): Promise<string> {
  if (command.organisation === '') throw new UserFacingError('empty_organisation', 'Which organisation? Give its name or abbreviation: /signed MLPD');
  const result = await retriever.signedBy(command.organisation, { limit: SIGNED_PAGE_SIZE, offset: (command.page - 1) * SIGNED_PAGE_SIZE });
  const quoted = /\s/.test(command.organisation) ? `"${command.organisation}"` : command.organisation;
  return renderSignedText(command.organisation, result, command.page, SIGNED_PAGE_SIZE, (page) => `/signed ${quoted} page:${page}`);
}
