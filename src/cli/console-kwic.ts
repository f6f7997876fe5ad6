import { UserFacingError } from '../errors.js';
import { CONCORDANCE_SORTS, type ConcordanceSort } from '../search/kwic/concordance-types.js';
import type { Retriever } from '../search/retriever.js';
import type { ConsoleCommand } from './console-commands.js';
import { formatConcordance } from './kwic-format.js';

/** `/kwic phrase org:X from:… to:… sort:date|organisation page:N` in the terminal session. */
export async function consoleConcordance(retriever: Retriever, command: Extract<ConsoleCommand, { name: 'kwic' }>, interactive: boolean): Promise<string> {
  if (command.phrase === '') throw new UserFacingError('empty_query', 'Which word or phrase? e.g. /kwic refugee, or /kwic "right of return" for the exact words');
  const sort = command.sort ?? 'date';
  if (!CONCORDANCE_SORTS.includes(sort as ConcordanceSort)) throw new UserFacingError('bad_sort', `sort: is date or organisation, not "${sort.slice(0, 40)}".`);
  const result = await retriever.concordance(command.phrase, { organisationPrefix: command.organisation, from: command.from, to: command.to, sort: sort as ConcordanceSort, page: command.page });
  const again = [`/kwic ${command.phrase}`, command.organisation && `org:"${command.organisation}"`, command.from && `from:${command.from}`, command.to && `to:${command.to}`, `sort:${sort}`].filter(Boolean).join(' ');
  return formatConcordance(result, { bold: interactive, next: (page) => `${again} page:${page}` }).trimEnd();
}
