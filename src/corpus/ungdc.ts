import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { x as extractTar } from 'tar';
import { UserFacingError } from '../errors.js';
import type { GivenMetadata } from './document.js';
import { listInputFiles } from './read-files.js';
import { countryNameFor } from './ungdc-countries.js';

/**
 * The UN General Debate Corpus (Jankin, Baturo & Dasandi; Harvard Dataverse
 * doi:10.7910/DVN/0TJX8Y): TXT/Session NN - YYYY/ISO_NN_YYYY.txt plus
 * speakers.csv. This module turns it into plain files and a manifest for the
 * ordinary ingest, so the UN speeches go through exactly the same pipeline.
 */

export const UNGDC_TARBALL = 'ungdc-1946-2024.tar.gz';
export const UNGDC_SPEAKERS = 'speakers.csv';
const FILE_NAME = /(?:^|\/)([A-Z]{2,4})_(\d{1,2})_(\d{4})\.txt$/;

export interface Speaker {
  name: string;
  post: string;
  country: string;
}

/** speakers.csv → speakers by "ISO_session_year", and each code's most used country name. */
export function readSpeakers(csv: string): { speakers: Map<string, Speaker[]>; usualNames: Map<string, string>; knownNames: Map<string, Set<string>> } {
  const rows = parseCsv(csv.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  const speakers = new Map<string, Speaker[]>();
  const nameCounts = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const iso = row['ISO Code'] ?? '';
    const key = `${iso}_${Number(row.Session)}_${row.Year}`;
    const speaker = { name: tidyName(row['Name of Person Speaking'] ?? ''), post: tidyPost(row.Post ?? ''), country: (row.Country ?? '').trim() };
    speakers.set(key, [...(speakers.get(key) ?? []), speaker]);
    if (iso && speaker.country) {
      const counts = nameCounts.get(iso) ?? new Map<string, number>();
      counts.set(speaker.country, (counts.get(speaker.country) ?? 0) + 1);
      nameCounts.set(iso, counts);
    }
  }
  const usualNames = new Map([...nameCounts].map(([iso, counts]) => [iso, [...counts].sort((a, b) => b[1] - a[1])[0]![0]]));
  // A name speakers.csv gives a country a few times over is a name it goes by ("Venezuela, Bolivarian Republic of"); once or twice is a typo ("Swistzerland").
  const knownNames = new Map([...nameCounts].map(([iso, counts]) => [iso, new Set([...counts].filter(([, count]) => count >= MIN_NAME_USES).map(([name]) => name))]));
  return { speakers, usualNames, knownNames };
}

/** Uses in speakers.csv that make a country name an alias rather than a slip. */
const MIN_NAME_USES = 3;

/** "Mr. Vartan OSKANIAN" → "Mr. Vartan Oskanian" (UN records capitalise surnames); acronyms and numerals stay. */
function tidyName(name: string): string {
  return name
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\b[A-Z][A-Z’'-]+\b/g, (word) => (/^[IVXLC]+$/.test(word) || !/[AEIOUY]/.test(word) ? word : word[0] + word.slice(1).toLowerCase()));
}

/** Posts as written, with the first letter capitalised and the dataset's one frequent typo ("Foregn") mended. */
function tidyPost(post: string): string {
  const text = post.replace(/\s+/g, ' ').trim().replace(/\bForegn\b/g, 'Foreign');
  return text ? text[0]!.toUpperCase() + text.slice(1) : '';
}

function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/**
 * Manifest entry for one speech. Organisation: the country (as the UN called
 * it that year) — the speaker speaks for the state in the General Debate; the
 * country is what people filter by, and "Government of …" would fit neither
 * heads of state nor the Holy See, Palestine or the European Union.
 * Title: "Statement by <speaker>, <post>, <country>, UN General Debate, <n>th
 * session (<year>)", leaving out what speakers.csv doesn't know. Aliases: the
 * other names speakers.csv files the speech's country under.
 */
export function ungdcMetadata(path: string, speakers: Map<string, Speaker[]>, usualNames: Map<string, string>, knownNames: Map<string, Set<string>> = new Map()): GivenMetadata | undefined {
  const match = FILE_NAME.exec(path);
  if (!match) return undefined;
  const [, iso, sessionText, yearText] = match as unknown as [string, string, string, string];
  const session = Number(sessionText);
  const year = Number(yearText);
  const rows = speakers.get(`${iso}_${session}_${year}`) ?? [];
  const country = countryNameFor(iso, year) ?? usualNames.get(iso) ?? rows.find((row) => row.country)?.country ?? iso;
  const names = [...new Map(rows.filter((row) => row.name).map((row) => [row.name.toLowerCase(), row])).values()];
  const debate = `UN General Debate, ${ordinal(session)} session (${year})`;
  let title: string;
  if (names.length === 0) title = `Statement by the delegation of ${country}, ${debate}`;
  else if (names.length === 1 && names[0]!.post) title = `Statement by ${names[0]!.name}, ${names[0]!.post}, ${country}, ${debate}`;
  else title = `Statement by ${names.map((row) => row.name).join(' and ')} (${country}), ${debate}`;
  // The names speakers.csv gives this speech's country, where they are not the one it is filed under: how people may ask for it.
  const aliases = [...new Set(rows.map((row) => row.country).filter((name) => name && name !== country && knownNames.get(iso)?.has(name)))];
  return { title, organisation: country, date: yearText, language: 'en', externalId: `${iso}_${sessionText}_${yearText}`, ...(aliases.length > 0 ? { aliases } : {}) };
}

/** Unpack the tarball into `scratchDir` (optionally only the entries `filter` accepts); returns the TXT folder. */
export async function extractUngdc(datasetDir: string, scratchDir: string, filter?: (path: string) => boolean): Promise<string> {
  try {
    await mkdir(scratchDir, { recursive: true });
    await extractTar({ file: join(datasetDir, UNGDC_TARBALL), cwd: scratchDir, ...(filter ? { filter: (path: string) => filter(path) } : {}) });
  } catch (error) {
    throw new UserFacingError('no_dataset', `Can't unpack ${join(datasetDir, UNGDC_TARBALL)} (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  return join(scratchDir, 'TXT');
}

/**
 * Describe the speeches under `root` (an unpacked TXT folder) in a JSONL
 * manifest written to `manifestPath`. Returns the files (the first `limit`
 * when given, by session then file name) and how many speakers.csv described.
 */
export async function describeUngdc(root: string, speakersCsv: string, manifestPath: string, limit?: number): Promise<{ files: string[]; described: number }> {
  const { files } = await listInputFiles([root]);
  const chosen = limit === undefined ? files : files.slice(0, limit);
  const { speakers, usualNames, knownNames } = readSpeakers(speakersCsv);
  const lines: string[] = [];
  for (const file of chosen) {
    const metadata = ungdcMetadata(file.relative, speakers, usualNames, knownNames);
    if (metadata) lines.push(JSON.stringify({ path: file.relative, ...metadata, id: metadata.externalId, externalId: undefined }));
  }
  await writeFile(manifestPath, `${lines.join('\n')}\n`);
  return { files: chosen.map((file) => file.path), described: lines.length };
}

/**
 * Unpack the corpus into `scratchDir` and write its manifest beside it.
 * Sources are relative to the returned root ("Session 50 - 1995/AFG_50_1995.txt"),
 * so they are the same on every run whatever the scratch folder.
 */
export async function prepareUngdc(datasetDir: string, scratchDir: string, limit?: number): Promise<{ root: string; files: string[]; manifest: string; described: number }> {
  let csv: string;
  try {
    csv = await readFile(join(datasetDir, UNGDC_SPEAKERS), 'utf8');
  } catch (error) {
    throw new UserFacingError('no_dataset', `Can't read ${join(datasetDir, UNGDC_SPEAKERS)} (${(error as NodeJS.ErrnoException).code ?? String(error)}): is the UN General Debate Corpus in ${datasetDir}?`);
  }
  const root = await extractUngdc(datasetDir, scratchDir);
  const manifest = join(scratchDir, 'manifest.jsonl');
  return { root, manifest, ...(await describeUngdc(root, csv, manifest, limit)) };
}
