/**
 * The five seed statements' scraped text, read from the bundled copies in corpus/
 * (the body under each file's front matter is the seed byte for byte), so tests
 * need nothing outside the repository. Keyed by the seed's original file name in
 * ../shared/seed-statements.
 */
import { readFileSync } from 'node:fs';

const BUNDLED_COPY: Record<string, string> = {
  '000_c3a94e958fde5a38.txt': 'jakna-message-to-the-ukrainian-people-2022-03-14.md',
  '001_5545b745e5303195.txt': 'icor-resolution-no-to-imperialist-intervention-in-afghanistan-2021-09-10.md',
  '002_2126f01902397c54.txt': 'afghan-anarchists-help-us-in-our-struggle-2021-07.md',
  '003_a88c8499ed3c0791.txt': 'cipoml-a-drama-is-taking-place-in-afghanistan-2021-08.md',
  '004_0c667bf17ad06e83.txt': 'comrades-from-belarus-kazakhstan-ukraine-russia-appeal-against-war.md',
};

/** The seed file names, in order. */
export const SEED_FILES = Object.keys(BUNDLED_COPY).sort();

/** A seed's text as scraped (the bundled copy without its front matter). */
export function seedFileText(seedFile: string): string {
  const copy = BUNDLED_COPY[seedFile];
  if (!copy) throw new Error(`No bundled copy of seed ${seedFile}`);
  return readFileSync(new URL(`../corpus/${copy}`, import.meta.url), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
}
