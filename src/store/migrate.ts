import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserFacingError } from '../errors.js';
import { Database } from './database.js';

/** The schema lives in SQL files under db/migrations, named NNNN_what.sql and applied in order. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../db/migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 4)), name: file, sql: readFileSync(join(dir, file), 'utf8') }));
}

/**
 * Bring the schema up to date. `PRAGMA user_version` records the last migration
 * applied; each migration runs in its own transaction with the version bump, so
 * a failed migration leaves the database at the previous version.
 */
export async function migrate(db: Database, migrations: Migration[] = readMigrations()): Promise<number> {
  const current = await schemaVersion(db);
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new UserFacingError('schema_too_new', `The database at ${db.path} has schema version ${current}, newer than this code knows (${latest}). Update the code.`);
  }
  for (const migration of migrations.filter((m) => m.version > current)) {
    await db.transaction(async () => {
      await db.exec(migration.sql);
      await db.exec(`PRAGMA user_version = ${migration.version}`);
    });
  }
  return latest;
}

export async function schemaVersion(db: Database): Promise<number> {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version');
  return row?.user_version ?? 0;
}

/** Open for writing: WAL mode (readers never block the writer) and the latest schema. */
export async function openForWriting(path: string): Promise<Database> {
  const db = await Database.open(path);
  try {
    if (path !== ':memory:') await db.exec('PRAGMA journal_mode = WAL');
    await db.exec('PRAGMA synchronous = NORMAL');
    await migrate(db);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

/**
 * Open for reading only. The schema must already be current: a reader never
 * migrates, it tells the user to run the ingest (which does).
 */
export async function openForReading(path: string): Promise<Database> {
  const db = await Database.open(path, { readonly: true });
  const latest = readMigrations().at(-1)?.version ?? 0;
  const version = await schemaVersion(db);
  if (version !== latest) {
    await db.close();
    // Not a bare `npm run ingest -- --db path`: without folders it adds the bundled corpus/ to whatever the database holds.
    throw new UserFacingError(
      'schema_out_of_date',
      `The database at ${path} is at schema version ${version}, this code needs ${latest}. Bring it up to date by ingesting into it what it was built from (unchanged statements are skipped): npm run ingest -- --db ${path} <its folders>, or npm run ingest:ungdc -- --db ${path} for the UN General Debate Corpus; or open it once with npm start -- --db ${path}.`,
    );
  }
  return db;
}
