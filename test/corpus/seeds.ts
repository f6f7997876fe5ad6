import { readFileSync } from 'node:fs';

/** The bundled statements, by file name. */
export const SEEDS = {
  jakna: 'jakna-message-to-the-ukrainian-people-2022-03-14.md',
  icor: 'icor-resolution-no-to-imperialist-intervention-in-afghanistan-2021-09-10.md',
  anarchists: 'afghan-anarchists-help-us-in-our-struggle-2021-07.md',
  cipoml: 'cipoml-a-drama-is-taking-place-in-afghanistan-2021-08.md',
  comrades: 'comrades-from-belarus-kazakhstan-ukraine-russia-appeal-against-war.md',
} as const;

export const CORPUS_DIR = new URL('../../corpus/', import.meta.url);

/** A bundled statement's body without its front matter: the text as it was scraped. */
export function seedBody(name: string): string {
  return readFileSync(new URL(name, CORPUS_DIR), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
}
