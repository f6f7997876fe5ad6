/**
 * The CorpusAdmin over a database connection of its own (see corpus-admin.ts
 * for why its own), the web fetcher and the intake. Each change goes through
 * the store in one transaction with its record; adding records who added what
 * once the intake has written it.
 */
import type { Config } from '../../config.js';
import { UserFacingError } from '../../errors.js';
import type { CorpusActor } from '../../store/corpus-changes.js';
import { corpusStatus } from '../../store/corpus-status.js';
import type { Database } from '../../store/database.js';
import { correctStatementMetadata, removeStatement } from '../../store/statement-admin.js';
import type { AddedStatement, CorpusAdmin, UploadSource } from './corpus-admin.js';
import { readMetadataCorrection, readTypedMetadata, type TypedMetadata } from './metadata-input.js';
import { BYTES_PER_MB, checkUpload } from './upload-check.js';

export interface CorpusAdminOptions {
  /** A connection used for nothing else (not the one answers read from). */
  db: Database;
  config: Pick<Config, 'CORPUS_MAX_UPLOAD_MB'>;
  now?: () => Date;
}

export function createCorpusAdmin(options: CorpusAdminOptions): CorpusAdmin {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  const maxUploadBytes = options.config.CORPUS_MAX_UPLOAD_MB * BYTES_PER_MB;
  return {
    async addUrl(url, given, actor, signal) {
      throw new UserFacingError('pending', 'Adding from a URL is not wired yet.');
    },
    async addUpload(upload, given, actor, signal) {
      checkUpload(upload, maxUploadBytes);
      throw new UserFacingError('pending', 'Adding a file is not wired yet.');
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
}

function noSuchStatement(): UserFacingError {
  return new UserFacingError('no_statement', 'That statement is no longer in the corpus (removed since).');
}
