import type { FieldSource } from './extract.js';

/**
 * Who a statement is by, most likely first. A page names an author organisation rarely (JSON-LD)
 * and its publisher often (JSON-LD publisher, og:site_name); the text names its
 * signer (../metadata.ts: a signature, a byline). An author on the page is
 * taken. A publisher is taken when the signer is the same organisation (the
 * publisher's name is then usually the fuller one: "ICOR (International
 * Coordination …)" for "ICOR") or when the text names none; when the text is
 * signed by someone else, the site is only republishing it, and the signer is
 * who speaks.
 */
export function organisationCandidates(page: { author?: string; publisher?: string }, signer: string | undefined): [string | undefined, FieldSource][] {
  const publisherFirst = !signer || (page.publisher !== undefined && sameOrganisation(page.publisher, signer));
  return [[page.author, 'page'], ...(publisherFirst ? [[page.publisher, 'page'], [signer, 'inferred']] : [[signer, 'inferred'], [page.publisher, 'page']])] as [string | undefined, FieldSource][];
}

/** Words that say nothing about which organisation it is. */
const FILLER = new Set(['the', 'of', 'and', 'for', 'in', 'on', 'to', 'a', 'an', 'de', 'la', 'le', 'du', 'des', 'der', 'die', 'und']);
/** Share of the signer's words the publisher's name must hold. */
const MIN_SHARED_WORDS = 0.6;

function words(name: string): string[] {
  return (name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !FILLER.has(word));
}

/** "ICOR" and "ICOR (International …)"; "… Marxist–Leninist …, Coordination Committee" and "… Marxist-Leninist … (CIPOML), Coordination Committee". */
export function sameOrganisation(publisher: string, signer: string): boolean {
  const publisherWords = new Set(words(publisher));
  const signerWords = words(signer);
  if (signerWords.length === 0 || publisherWords.size === 0) return false;
  const shared = signerWords.filter((word) => publisherWords.has(word)).length;
  if (shared / signerWords.length >= MIN_SHARED_WORDS) return true;
  // The publisher's name may be the signer's acronym, or the other way round.
  const initials = (list: string[]) => list.map((word) => word[0]).join('');
  return publisherWords.has(initials(signerWords)) || signerWords.includes(initials([...publisherWords]));
}
