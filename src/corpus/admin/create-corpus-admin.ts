/**
 * The CorpusAdmin over a database connection of its own (see corpus-admin.ts
 * for why its own), the web fetcher and the intake (src/corpus/intake). Each
 * correction or removal goes through the store in one transaction with its
 * record; an addition is recorded once the intake has written it.
 */
import type { Config } from '../../config.js';
import { UserFacingError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { recordCorpusChange, type CorpusActor } from '../../store/corpus-changes.js';
import { corpusStatus } from '../../store/corpus-status.js';
import type { Database } from '../../store/database.js';
import { correctStatementMetadata, removeStatement } from '../../store/statement-admin.js';
import { FetchError, type WebFetcher } from '../../web/fetcher.js';
import { webUrlKey } from '../../web/web-url.js';
import type { IntakeResult } from '../intake/types.js';
import { ingestUpload } from '../intake/upload.js';
import { ingestUrl } from '../intake/url.js';
import type { AddedStatement, CorpusAdmin, UploadSource } from './corpus-admin.js';
import { readMetadataCorrection, readTypedMetadata } from './metadata-input.js';
import { BYTES_PER_MB, checkUpload } from './upload-check.js';

export interface CorpusAdminOptions {
  /** A connection used for nothing else (not the one answers read from). */
  db: Database;
  config: Pick<Config, 'CORPUS_MAX_UPLOAD_MB'>;
  /** Fetches pages for /corpus add url, and attachments from Discord's CDN. */
  fetcher: WebFetcher;
  log?: Logger;
  now?: () => Date;
}

export function createCorpusAdmin(options: CorpusAdminOptions): CorpusAdmin {
  const { db, fetcher, log } = options;
  const now = options.now ?? (() => new Date());
  const maxUploadBytes = options.config.CORPUS_MAX_UPLOAD_MB * BYTES_PER_MB;
  const intakeOptions = (given: ReturnType<typeof readTypedMetadata>, signal: AbortSignal | undefined) => ({ given, givenBy: 'admin' as const, now, ...(signal ? { signal } : {}), ...(log ? { log } : {}) });

  /** "Who added what": one record per statement the addition added or changed (unchanged ones changed nothing). */
  async function recordAdditions(results: readonly IntakeResult[], from: string, actor: CorpusActor): Promise<AddedStatement[]> {
    const at = now().toISOString();
    await db.transaction(async () => {
      for (const result of results) {
        if (result.status === 'unchanged') continue;
        await recordCorpusChange(db, { at, actor, action: result.status === 'added' ? 'add' : 'update', statementId: result.statementId, statementTitle: result.title, field: null, oldValue: null, newValue: from });
      }
    });
    return [...results];
  }

  return {
    async addUrl(url, typed, actor, signal) {
      const given = readTypedMetadata(typed);
      const result = await ingestUrl(db, fetcher, url, intakeOptions(given, signal));
      // Recorded under the page's key, as its state is: "who added what" names one page one way.
      return recordAdditions([result], webUrlKey(url), actor);
    },
    async addUpload(upload, typed, actor, signal) {
      const given = readTypedMetadata(typed);
      checkUpload(upload, maxUploadBytes);
      const bytes = await download(upload, signal);
      const results = await ingestUpload(db, { filename: upload.filename, bytes, ...(upload.contentType ? { contentType: upload.contentType } : {}) }, intakeOptions(given, signal));
      return recordAdditions(results, upload.filename, actor);
    },
    async correct(statementId, typed, actor) {
      const result = await correctStatementMetadata(db, statementId, readMetadataCorrection(typed), actor, now());
      if (!result) throw noSuchStatement();
      return result;
    },
    async remove(statementId, actor) {
      const removed = await removeStatement(db, statementId, actor, now());
      if (!removed) throw noSuchStatement();
      return { title: removed.title };
    },
    status(changes) {
      return corpusStatus(db, changes);
    },
  };

  /** The attachment's bytes from where the chat service serves it; its kind was checked by name already, so any type is taken. */
  async function download(upload: UploadSource, signal: AbortSignal | undefined): Promise<Uint8Array> {
    try {
      // Handed to the bot by a person, not found by crawling: robots.txt doesn't apply (a CDN's may well disallow every bot).
      const response = await fetcher.fetch({ url: upload.url, accept: ['any'], userSupplied: true }, signal);
      if (response.status !== 'fetched') throw new FetchError('http-status', 'the file server answered "not modified" to a plain request', { url: upload.url });
      // The size the chat service declared was checked; what arrived is checked too.
      checkUpload({ ...upload, size: response.body.length }, maxUploadBytes);
      return response.body;
    } catch (error) {
      if (error instanceof FetchError) throw new UserFacingError('upload_download', `"${upload.filename}" was not added: it could not be downloaded (${error.message}). Try attaching it again.`, { cause: error });
      throw error;
    }
  }
}

function noSuchStatement(): UserFacingError {
  return new UserFacingError('no_statement', 'That statement is no longer in the corpus (removed since).');
}
