import { basename, extname } from 'node:path';
import type { StatementInput } from '../store/records.js';
import { cleanText } from './clean.js';
import { decodeStatementFile } from './decode.js';
import { InputError, type GivenMetadata, type RawStatement } from './document.js';
import { splitFrontMatter } from './front-matter.js';
import { readGivenMetadata } from './given-metadata.js';
import { extractHtmlText } from './html.js';
import { inferMetadata } from './metadata.js';
import type { InputFile } from './read-files.js';
import { extractSignatories } from './signatories.js';
import { splitIntoPassages } from './split.js';

/**
 * A .txt, .md or .html file → one raw statement. Front matter wins over the
 * manifest (it travels with the file); the HTML page's heading is a title
 * written by its authors, so it wins over guessing from the text.
 */
export function readPlainStatement(file: InputFile, text: string, manifestEntry: GivenMetadata | undefined): RawStatement {
  let body = text;
  let given: GivenMetadata = { ...manifestEntry };
  if (file.format === 'markdown' || file.format === 'text') {
    const { data, body: rest } = splitFrontMatter(text, file.source);
    given = { ...given, ...readGivenMetadata(data, file.source) };
    body = rest;
  } else if (file.format === 'html') {
    const page = extractHtmlText(text);
    body = page.text;
    if (!given.title && page.title) given.title = page.title;
  }
  return { source: file.source, body, given };
}

/** "speeches/AFG_50_1995.txt" → "AFG_50_1995": the last resort for a title, and honest about it. */
function titleFromSource(source: string): string {
  const file = basename(source.split('#')[0]!);
  return source.includes('#') ? `${file} ${source.split('#').slice(1).join('#')}` : basename(file, extname(file));
}

/**
 * Clean, describe and split a raw statement into what the store writes,
 * with the signatories it lists.
 * Written metadata wins field by field over what the text suggests; a statement
 * with no text left after cleaning is an input error.
 */
export function prepareStatement(raw: RawStatement, contentHash: string, split: SplitOptions = {}): StatementInput {
  const text = cleanText(raw.body);
  if (text === '') throw new InputError(raw.source, 'no statement text left after removing page furniture');
  const inferred = inferMetadata(text);
  const { given } = raw;
  const signatories = extractSignatories(text);
  return {
    source: raw.source,
    externalId: given.externalId ?? null,
    title: given.title || inferred.title || titleFromSource(raw.source),
    organisation: given.organisation ?? inferred.organisation,
    date: given.date ?? inferred.date,
    language: given.language ?? inferred.language,
    url: given.url ?? null,
    text,
    passages: splitIntoPassages(text, split),
    contentHash,
    ...(given.aliases?.length ? { aliases: given.aliases } : {}),
    ...(signatories.length ? { signatories } : {}),
  };
}

export interface SplitOptions {
  targetChars?: number;
  maxChars?: number;
}

/** Work for {@link prepareTask}: a plain file's bytes, or a statement already read (a JSONL line). Structured-clonable. */
export type PrepareTask =
  | { kind: 'file'; file: InputFile; bytes: Uint8Array; given: GivenMetadata | undefined; hash: string; split: SplitOptions }
  | { kind: 'raw'; raw: RawStatement; hash: string; split: SplitOptions };

/** Decode, read, clean, describe and split: everything between the bytes and the store. */
export function prepareTask(task: PrepareTask): StatementInput {
  if (task.kind === 'raw') return prepareStatement(task.raw, task.hash, task.split);
  const text = decodeStatementFile(task.bytes, task.file.source);
  return prepareStatement(readPlainStatement(task.file, text, task.given), task.hash, task.split);
}
