import { basename, extname } from 'node:path';
import { UserFacingError } from '../../errors.js';
import type { Database } from '../../store/database.js';
import type { FieldSource, Provenance, ProvenanceField } from '../../store/provenance.js';
import { checkFileSize, decodeStatementFile } from '../decode.js';
import { InputError, type GivenMetadata, type RawStatement } from '../document.js';
import { splitFrontMatter } from '../front-matter.js';
import { readGivenMetadata } from '../given-metadata.js';
import { jsonlLines, parseJsonlStatement } from '../jsonl.js';
import { formatOf } from '../read-files.js';
import { describeStatement, type DocumentMetadata } from './describe.js';
import { ExtractionError } from '../web/extract.js';
import { extractDocument } from './extracted.js';
import { adminCorrections, bodyHash, saveDescribed } from './save.js';
import type { IntakeOptions, IntakeResult, Upload } from './types.js';

/** What sources of uploaded statements begin with: "upload:appeal.md", "upload:statements.jsonl#7". */
export const UPLOAD_SOURCE_PREFIX = 'upload:';
const MAX_FILENAME_CHARS = 200;

type UploadFormat = 'text' | 'markdown' | 'html' | 'jsonl' | 'pdf';

const TYPE_FORMATS: Record<string, UploadFormat> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'application/jsonl': 'jsonl',
  'application/x-ndjson': 'jsonl',
  'application/x-jsonlines': 'jsonl',
};

/**
 * An uploaded file (a Discord attachment, say) into the corpus: .txt and .md
 * (with YAML front matter), .html and .pdf (main text and the page's own
 * metadata, as for a fetched page), .jsonl (one statement a line). It is known
 * by its file name: uploading a corrected file of the same name changes that
 * statement, which keeps its id, and its previous text is kept as a version.
 * Metadata given explicitly wins over the file's own; the provenance says
 * which field came from where. A file that can't be read is a
 * UserFacingError naming it (a JSONL file with a bad line writes nothing).
 */
export async function ingestUpload(db: Database, upload: Upload, options: IntakeOptions = {}): Promise<IntakeResult[]> {
  const filename = cleanFilename(upload.filename);
  const source = `${UPLOAD_SOURCE_PREFIX}${filename}`;
  const format = uploadFormat(filename, upload.contentType);
  const now = options.now?.() ?? new Date();
  const provenance: Provenance = {
    origin: 'upload', sourceUrl: null, fetchedUrl: null, filename, fetchedAt: now.toISOString(), contentHash: bodyHash(upload.bytes), contentType: upload.contentType ?? null, fields: {},
  };
  try {
    checkFileSize(upload.bytes.length, filename);
    const statements = await readUpload(source, filename, format, upload);
    const results: IntakeResult[] = [];
    for (const { raw, document } of statements) {
      const described = describeStatement(raw.source, raw.body, document, options, { externalId: raw.given.externalId, aliases: raw.given.aliases }, await adminCorrections(db, raw.source));
      results.push(await saveDescribed(db, described, { provenance: { ...provenance, fields: described.fields } }, now));
    }
    return results;
  } catch (error) {
    // Extraction names the document by the file: URL it was read under; the uploader knows it by its name.
    if (error instanceof ExtractionError) throw new UserFacingError(error.code, error.message.replace(error.url, filename), { cause: error });
    if (error instanceof InputError) throw new UserFacingError('upload_rejected', `${error.source === source ? filename : error.source.replace(UPLOAD_SOURCE_PREFIX, '')}: ${error.message}`, { cause: error });
    throw error;
  }
}

interface ReadStatement {
  raw: RawStatement;
  document: DocumentMetadata;
}

async function readUpload(source: string, filename: string, format: UploadFormat, upload: Upload): Promise<ReadStatement[]> {
  if (format === 'html' || format === 'pdf') {
    const document = await extractDocument({ url: null, filename, contentType: upload.contentType ?? (format === 'pdf' ? 'application/pdf' : 'text/html'), body: Buffer.from(upload.bytes) });
    return [{ raw: { source, body: document.text, given: {} }, document: document.metadata }];
  }
  const text = decodeStatementFile(upload.bytes, filename);
  if (format === 'jsonl') return readJsonl(source, text);
  const { data, body } = splitFrontMatter(text, filename);
  const given = readGivenMetadata(data, filename);
  return [{ raw: { source, body, given }, document: fromFile(given) }];
}

/** Every line is read before anything is written: one bad line rejects the file, with every bad line named. */
function readJsonl(source: string, text: string): ReadStatement[] {
  const read: ReadStatement[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const line of jsonlLines(text)) {
    try {
      const raw = parseJsonlStatement(source, line);
      if (seen.has(raw.source)) throw new InputError(`${source}:${line.lineNumber}`, `duplicate id ${JSON.stringify(raw.given.externalId)}`);
      seen.add(raw.source);
      read.push({ raw, document: fromFile(raw.given) });
    } catch (error) {
      problems.push(error instanceof InputError ? `line ${line.lineNumber}: ${error.message}` : String(error));
    }
  }
  if (problems.length > 0) throw new InputError(source, `${problems.length} bad line${problems.length > 1 ? 's' : ''}, nothing written:\n${problems.slice(0, 10).join('\n')}`);
  if (read.length === 0) throw new InputError(source, 'no statements in it');
  return read;
}

/** Front matter or JSONL fields: metadata the file itself states. */
function fromFile(given: GivenMetadata): DocumentMetadata {
  const values: DocumentMetadata['values'] = {};
  const sources: DocumentMetadata['sources'] = {};
  for (const field of ['title', 'organisation', 'date', 'language', 'url'] as const satisfies readonly ProvenanceField[]) {
    const value = given[field];
    if (!value) continue;
    values[field] = value;
    sources[field] = 'file' satisfies FieldSource;
  }
  return { values, sources };
}

function uploadFormat(filename: string, contentType: string | undefined): UploadFormat {
  if (extname(filename).toLowerCase() === '.pdf' || contentType?.startsWith('application/pdf')) return 'pdf';
  const format = formatOf(filename);
  if (format) return format;
  // A name without a known extension: what the uploader's client said it is.
  const type = contentType?.split(';')[0]!.trim().toLowerCase() ?? '';
  if (type in TYPE_FORMATS) return TYPE_FORMATS[type]!;
  throw new UserFacingError('upload_rejected', `${filename}: not a statement file; use .txt, .md, .html, .pdf or .jsonl`);
}

/** The name as a source: no folders, no control characters, bounded. */
function cleanFilename(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, MAX_FILENAME_CHARS);
  if (cleaned === '' || cleaned === '.' || cleaned === '..') throw new UserFacingError('upload_rejected', 'The upload has no usable file name.');
  return cleaned;
}
