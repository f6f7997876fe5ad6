import { seedFileText } from '../seed-texts.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import type { Database } from '../../src/store/database.js';
import { openForWriting } from '../../src/store/migrate.js';
import type { PassageSpan, StatementInput } from '../../src/store/records.js';
import { saveStatement } from '../../src/store/statement-writes.js';
import type { NumberedSource } from '../../src/answer/sources.js';


/** Quiet logs in tests. */
export const testLog = createLogger('silent');

export interface SeedSpec {
  file: string;
  title: string;
  organisation: string;
  date: string | null;
  url: string | null;
}

/** The five seeds with the metadata their text states (the organisation of 002 is not named in it). */
export const SEEDS: SeedSpec[] = [
  { file: '000_c3a94e958fde5a38.txt', title: 'Message from JAKNA to the Ukrainian People in the Line of Fire of an Imperialist Invasion and War!', organisation: 'JAKNA', date: '2022-03', url: 'https://example.org/jakna' },
  { file: '001_5545b745e5303195.txt', title: 'No to any imperialist or expansionist intervention!', organisation: 'ICOR', date: '2021-09-10', url: 'https://example.org/icor' },
  { file: '002_2126f01902397c54.txt', title: 'Help us in Our Struggle', organisation: '', date: '2021-07', url: null },
  { file: '003_a88c8499ed3c0791.txt', title: 'A drama is taking place in Afghanistan', organisation: 'CIPOML', date: '2021-08', url: null },
  { file: '004_0c667bf17ad06e83.txt', title: 'Appeal to all the working people', organisation: 'Comrades from Belarus, Kazakhstan, Ukraine and Russia', date: '2022-02', url: null },
];

export function seedText(file: string): string {
  return seedFileText(file).replace(/\r\n?/g, '\n');
}

/** Passages of about `targetChars`, cut at paragraph breaks; `text.slice(start, end) === passage.text`. */
export function paragraphPassages(text: string, targetChars = 700): PassageSpan[] {
  const passages: PassageSpan[] = [];
  const paragraphs = [...text.matchAll(/[^\n]+/g)].filter((m) => m[0].trim() !== '');
  let current: { start: number; end: number } | undefined;
  for (const paragraph of paragraphs) {
    const start = paragraph.index;
    const end = start + paragraph[0].trimEnd().length;
    if (current && end - current.start > targetChars) {
      passages.push({ ordinal: passages.length, start: current.start, end: current.end, text: text.slice(current.start, current.end) });
      current = undefined;
    }
    current = current ? { start: current.start, end } : { start, end };
  }
  if (current) passages.push({ ordinal: passages.length, start: current.start, end: current.end, text: text.slice(current.start, current.end) });
  return passages;
}

export function statementInput(spec: Omit<SeedSpec, 'file'> & { source: string; text: string; language?: string }): StatementInput {
  return {
    source: spec.source,
    externalId: null,
    title: spec.title,
    organisation: spec.organisation,
    date: spec.date,
    language: spec.language ?? 'en',
    url: spec.url,
    text: spec.text,
    passages: paragraphPassages(spec.text),
    contentHash: `hash-${spec.text.length}-${spec.text.slice(0, 40)}`,
  };
}

/** A fresh in-memory database holding the seed statements (and any extra ones). */
export async function seedDatabase(extra: StatementInput[] = [], path = ':memory:'): Promise<Database> {
  const db = await openForWriting(path);
  for (const seed of SEEDS) await saveStatement(db, statementInput({ ...seed, source: seed.file, text: seedText(seed.file) }));
  for (const input of extra) await saveStatement(db, input);
  return db;
}

/** Configuration for a test: no model unless a base URL is given; short timeouts. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', OPENAI_TIMEOUT_MS: '2000', OPENAI_MAX_RETRIES: '2', ...overrides });
}

/** The seeds as numbered sources [1]…[5] without a database (for the pure grounding tests). */
export function seedSources(): NumberedSource[] {
  return SEEDS.map((seed, index) => {
    const text = seedText(seed.file);
    const n = index + 1;
    return {
      n,
      statement: { id: n, slug: `seed-${n}`, externalId: null, source: seed.file, title: seed.title, organisation: seed.organisation, date: seed.date, language: 'en', url: seed.url },
      passages: paragraphPassages(text).map((p) => ({ id: n * 1000 + p.ordinal, ordinal: p.ordinal, text: p.text, primary: true, rank: index })),
    };
  });
}
