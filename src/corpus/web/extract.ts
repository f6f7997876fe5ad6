import { detectLanguage } from '../../language/detect.js';
import { cleanText } from '../clean.js';
import { inferMetadata } from '../metadata.js';
import { decodePage } from './decode-page.js';
import { ExtractionError } from './extraction-error.js';
import { organisationCandidates } from './organisation.js';
import type { PageMetadata } from './page-metadata.js';
import { PdfTooLongError, pdfText } from './pdf-text.js';
import { letters, readableText } from './readable-text.js';
import { dateFromUrl } from './url-date.js';

export { ExtractionError } from './extraction-error.js';

/**
 * Where a metadata value came from: the page itself (its markup, a PDF's
 * document information), a feed entry, a sources file, the statement's text
 * (inferred), an admin, or the URL (its path's date; the fetched address).
 */
export type FieldSource = 'page' | 'feed' | 'sources-file' | 'inferred' | 'admin' | 'url';
export type ExtractedField = 'title' | 'date' | 'organisation' | 'language' | 'url';

/** A fetched page or PDF as a statement: its clean text and what is known about it, with where each value came from. */
export interface ExtractedStatement {
  /** The canonical URL when the page declares one on its own site, else the fetched URL. */
  url: string;
  fetchedUrl: string;
  title?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string;
  organisation?: string;
  /** ISO 639-1. */
  language?: string;
  /** The main text, cleaned (../clean.ts), paragraphs separated by blank lines. */
  text: string;
  fields: Partial<Record<ExtractedField, FieldSource>>;
  format: 'html' | 'pdf' | 'text';
}

/** What the fetcher hands over. `charset` overrides the Content-Type's parameter. */
export interface FetchedDocument {
  url: string;
  contentType: string;
  charset?: string;
  body: Buffer;
}

/**
 * Fewer than this many letters of main text (outside links, for a page) is no statement: an
 * index page, a page of teasers, a scanned PDF without a text layer.
 */
const MIN_STATEMENT_LETTERS = 200;

/**
 * A fetched document → a statement. HTML through Readability, PDF through
 * PDF.js, plain text as it is; then the corpus's own cleaning (site chrome, an
 * appeal appended after the signature). Metadata: the page's own first, then
 * the URL's date, then what the text says (../metadata.ts), each recorded in
 * `fields` — except that the text's language wins over a contradicting `lang`
 * and the text's signer over a site that republishes it (./organisation.ts). Throws {@link ExtractionError} when there is no main text.
 */
export async function extractStatement(document: FetchedDocument): Promise<ExtractedStatement> {
  const format = formatOf(document);
  const read = await readDocument(document, format);
  const text = cleanText(read.text);
  if (Math.min(letters(text), read.unlinkedLetters ?? Infinity) < MIN_STATEMENT_LETTERS) {
    throw new ExtractionError(document.url, format === 'pdf' ? 'the PDF has no text to take (a scan without a text layer?)' : 'the page has no main text (an index or list of links?): give the address of the statement itself');
  }
  const page = read.metadata;
  const inferred = inferMetadata(text);
  const fields: ExtractedStatement['fields'] = {};
  const pick = <T>(field: ExtractedField, candidates: [T | undefined | null | '', FieldSource][]): T | undefined => {
    const found = candidates.find(([value]) => value !== undefined && value !== null && value !== '');
    if (found) fields[field] = found[1];
    return (found?.[0] ?? undefined) as T | undefined;
  };
  const url = pick<string>('url', [[page.canonical, 'page'], [document.url, 'url']])!;
  return {
    url,
    fetchedUrl: document.url,
    title: pick('title', [[page.title, 'page'], [inferred.title, 'inferred']]),
    date: pick('date', [[page.date, 'page'], [dateFromUrl(document.url), 'url'], [inferred.date, 'inferred']]),
    organisation: pick('organisation', organisationCandidates(page, inferred.organisation || undefined)),
    language: pick('language', languageCandidates(page.language, detectLanguage(text))),
    text,
    fields,
    format,
  };
}

/**
 * The page's `lang`, unless the text is surely in another language: sites keep
 * their template's `lang="en"` on translations, while a statement's worth of
 * text is what detection is surest of (it is unsure rather than wrong).
 */
function languageCandidates(declared: string | undefined, detected: string | undefined): [string | undefined, FieldSource][] {
  if (declared && detected && declared !== detected) return [[detected, 'inferred']];
  return [[declared, 'page'], [detected, 'inferred']];
}

function formatOf(document: FetchedDocument): ExtractedStatement['format'] {
  const type = document.contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/pdf' || document.body.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (type === 'text/plain') return 'text';
  if (type === 'text/html' || type === 'application/xhtml+xml' || type === '') return 'html';
  throw new ExtractionError(document.url, `can't read ${type} (only web pages, PDFs and plain text)`);
}

async function readDocument(document: FetchedDocument, format: ExtractedStatement['format']): Promise<{ text: string; unlinkedLetters?: number; metadata: PageMetadata }> {
  if (format === 'pdf') {
    const pdf = await pdfText(document.body).catch((error: unknown) => {
      throw new ExtractionError(document.url, error instanceof PdfTooLongError ? error.message : `the PDF can't be read (${error instanceof Error ? error.message : String(error)})`);
    });
    return { text: pdf.text, metadata: { title: pdf.title, language: pdf.language } };
  }
  const { text } = decodePage(document.body, document.contentType, document.charset);
  if (format === 'text') return { text, metadata: {} };
  return readableText(text, document.url);
}
