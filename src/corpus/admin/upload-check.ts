/**
 * Whether an uploaded file (a Discord attachment) is one /corpus add can
 * ingest, decided before anything is downloaded: its kind from the file name
 * or, failing that, the content type the uploader's client declared, and its
 * size. A refusal says why and what would be accepted — an attachment is never
 * silently dropped.
 */
import { extname } from 'node:path';
import { UserFacingError } from '../../errors.js';
import { formatOf } from '../read-files.js';

export type UploadKind = 'text' | 'markdown' | 'html' | 'jsonl' | 'pdf';

export const BYTES_PER_MB = 1024 * 1024;

/** What a person would recognise in a refusal. */
export const ACCEPTED_UPLOADS = '.txt, .md, .html, .pdf or .jsonl';

const KIND_BY_CONTENT_TYPE: Record<string, UploadKind> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/pdf': 'pdf',
  'application/jsonl': 'jsonl',
  'application/x-ndjson': 'jsonl',
  'application/x-jsonlines': 'jsonl',
};

export interface UploadDescription {
  filename: string;
  /** Bytes, as Discord reports it. */
  size: number;
  /** As the uploader's client declared it ("text/plain; charset=utf-8"), if at all. */
  contentType?: string | null;
}

/** The kind of an upload, or a UserFacingError saying why it can't be taken. */
export function checkUpload(upload: UploadDescription, maxBytes: number): UploadKind {
  const kind = uploadKind(upload);
  if (!kind) {
    const what = extname(upload.filename) ? `a ${extname(upload.filename).toLowerCase()} file` : `a file of type ${upload.contentType ?? 'unknown'}`;
    throw new UserFacingError('upload_type', `"${upload.filename}" was not added: it is ${what}, and the corpus takes ${ACCEPTED_UPLOADS} files.`);
  }
  if (upload.size === 0) throw new UserFacingError('upload_empty', `"${upload.filename}" was not added: the file is empty.`);
  if (upload.size > maxBytes) {
    throw new UserFacingError('upload_size', `"${upload.filename}" was not added: it is ${megabytes(upload.size)}, over the ${megabytes(maxBytes)} a file may have (CORPUS_MAX_UPLOAD_MB).`);
  }
  return kind;
}

/** By extension first (people name files on purpose; clients guess types), then by declared content type. */
export function uploadKind({ filename, contentType }: Pick<UploadDescription, 'filename' | 'contentType'>): UploadKind | undefined {
  const extension = extname(filename).toLowerCase();
  if (extension === '.pdf') return 'pdf';
  if (extension) return formatOf(filename);
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? KIND_BY_CONTENT_TYPE[type] : undefined;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
}
