import type { Retriever, StatementSignatories } from './retriever.js';

/**
 * A statement's signatories from what was chosen or typed: an id (autocomplete's
 * value), a slug, else the statement whose title or organisation best matches.
 * Undefined when no statement matches at all. Every surface finds it this way.
 */
export async function findStatementSignatories(retriever: Retriever, typed: string): Promise<StatementSignatories | undefined> {
  const key = typed.trim();
  if (key === '') return undefined;
  const found = await retriever.signatories(key);
  if (found) return found;
  const [best] = await retriever.suggestStatements(key, 1);
  return best ? retriever.signatories(best.id) : undefined;
}
