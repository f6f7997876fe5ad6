/**
 * A real database built from the five seed statements (their bundled copies in
 * corpus/), for the search, lookup and CLI tests.
 * Statements are written through the store's saveStatement and split on blank
 * lines — the search tests are about search, not about the corpus splitter.
 */
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync } from 'node:fs';
import { SEED_FILES, seedFileText } from '../seed-texts.js';
import { cleanText } from '../../src/corpus/clean.js';
import { extractSignatories } from '../../src/corpus/signatories.js';
import { SIGNATORY_RULES_VERSION } from '../../src/corpus/signatory-backfill.js';
import { recordSignatoriesVersion } from '../../src/store/signatory-writes.js';
import type { Database } from '../../src/store/database.js';
import { openForWriting } from '../../src/store/migrate.js';
import type { PassageSpan, StatementInput } from '../../src/store/records.js';
import { saveStatement } from '../../src/store/statement-writes.js';
import { createFtsRetriever } from '../../src/search/fts-retriever.js';
import type { Retriever } from '../../src/search/retriever.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Hand-written metadata, keyed by the seed file's number. */
export const SEED_METADATA: Record<string, { title: string; organisation: string; date: string | null }> = {
  '000': { title: 'Message from JAKNA to the Ukrainian People in the Line of Fire of an Imperialist Invasion and War', organisation: 'JAKNA', date: '2022-03' },
  '001': { title: 'No to any imperialist or expansionist intervention! The people of Afghanistan can only liberate themselves!', organisation: 'ICOR', date: '2021-09-10' },
  '002': { title: 'Help us in Our Struggle', organisation: 'Anarchists of Afghanistan', date: '2021-07' },
  '003': { title: 'Statement on the situation in Afghanistan', organisation: 'International Conference of Marxist–Leninist Parties and Organizations', date: '2021' },
  '004': { title: 'Appeal to all the working people: we must prevent the war!', organisation: '', date: null },
};

/** Lines of `text` as passages (offsets into text): the seeds put one paragraph per line. */
export function splitParagraphs(text: string): PassageSpan[] {
  const spans: PassageSpan[] = [];
  for (const match of text.matchAll(/[^\n]+/g)) {
    const body = match[0].trim();
    if (body === '') continue;
    const start = match.index + match[0].indexOf(body);
    spans.push({ ordinal: spans.length, start, end: start + body.length, text: body });
  }
  return spans;
}

export function seedInputs(): StatementInput[] {
  return SEED_FILES.map((file) => {
    const text = seedFileText(file).replace(/\r\n?/g, '\n').trim();
    const meta = SEED_METADATA[file.slice(0, 3)] ?? { title: file, organisation: '', date: null };
    // Ingest reads signatories in cleaned text; these seeds are raw, so a line cleaning drops (site chrome: "Document Actions") is no entry.
    const cleaned = cleanText(text);
    const signatories = extractSignatories(text).filter((s) => cleaned.includes(text.slice(s.start, s.end)));
    return { source: file, externalId: file.slice(0, 3), ...meta, language: 'en', url: null, text, passages: splitParagraphs(text), contentHash: file, ...(signatories.length ? { signatories } : {}) };
  });
}

/** A fresh database with the seeds (and any extra statements). On disk when a path is wanted (CLI tests). */
export async function seedDatabase(extra: StatementInput[] = [], { onDisk = false } = {}): Promise<{ db: Database; path: string }> {
  const path = onDisk ? join(mkdtempSync(join(tmpdir(), 'search-test-')), 'corpus.sqlite') : ':memory:';
  const db = await openForWriting(path);
  for (const input of [...seedInputs(), ...extra]) await saveStatement(db, input);
  // Their signatories are written above, with the current rules: nothing for `npm start` to read again.
  await recordSignatoriesVersion(db, SIGNATORY_RULES_VERSION);
  return { db, path };
}

/**
 * For CLI tests: a seeded database file, made before the file's tests run and
 * removed after them. Read `.path` inside a test (it is set by then).
 */
export function useSeedDatabaseFile(): { readonly path: string } {
  const file = { path: '' };
  before(async () => {
    const { db, path } = await seedDatabase([], { onDisk: true });
    await db.close();
    file.path = path;
  });
  after(() => rmSync(dirname(file.path), { recursive: true, force: true }));
  return file;
}

/** The seeds in memory behind the FTS5 retriever, opened before the file's tests and closed after them. */
export function useSeedRetriever(): { readonly db: Database; readonly retriever: Retriever } {
  const seeded = {} as { db: Database; retriever: Retriever };
  before(async () => {
    ({ db: seeded.db } = await seedDatabase());
    seeded.retriever = createFtsRetriever(seeded.db);
  });
  after(() => seeded.db.close());
  return seeded;
}

/** A one-passage-per-paragraph statement from literal text, for tests that need their own. */
export function statementFrom(source: string, text: string, meta: Partial<StatementInput> = {}): StatementInput {
  return { source, externalId: null, title: source, organisation: '', date: null, language: 'en', url: null, text, passages: splitParagraphs(text), contentHash: `${source}:${text.length}`, ...meta };
}
