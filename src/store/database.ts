import { mkdirSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import { UserFacingError } from '../errors.js';

export type SqlValue = string | number | bigint | null | Buffer;
export type Params = SqlValue[] | Record<string, SqlValue>;

/** How long a connection waits for another writer's lock before failing. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * A promise-based handle on one SQLite connection (the `sqlite3` package).
 * Transactions are serialised on the connection, so concurrent async callers
 * can't interleave statements inside each other's transaction.
 */
export class Database {
  private transactionQueue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly raw: sqlite3.Database,
    readonly path: string,
    readonly readonly: boolean,
  ) {}

  /** Open (creating the file and its folder when `readonly` is false). */
  static async open(path: string, { readonly = false }: { readonly?: boolean } = {}): Promise<Database> {
    if (readonly && path !== ':memory:' && !existsSync(path)) {
      throw new UserFacingError('no_database', `No database at ${path}. Build it first: npm run ingest -- --db ${path}`);
    }
    if (!readonly && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const mode = readonly ? sqlite3.OPEN_READONLY : sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE;
    const raw = await new Promise<sqlite3.Database>((resolve, reject) => {
      const db: sqlite3.Database = new sqlite3.Database(path, mode, (error) => (error ? reject(error) : resolve(db)));
    });
    raw.configure('busyTimeout', BUSY_TIMEOUT_MS);
    const db = new Database(raw, path, readonly);
    await db.exec('PRAGMA foreign_keys = ON');
    return db;
  }

  run(sql: string, params: Params = []): Promise<{ lastID: number; changes: number }> {
    return new Promise((resolve, reject) => {
      this.raw.run(sql, params, function (this: sqlite3.RunResult, error: Error | null) {
        if (error) reject(error);
        else resolve({ lastID: this.lastID, changes: this.changes });
      });
    });
  }

  get<T = Record<string, unknown>>(sql: string, params: Params = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.raw.get(sql, params, (error: Error | null, row: T | undefined) => (error ? reject(error) : resolve(row)));
    });
  }

  all<T = Record<string, unknown>>(sql: string, params: Params = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.raw.all(sql, params, (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows)));
    });
  }

  /** Run one or more statements without parameters (schema, pragmas). */
  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.raw.exec(sql, (error: Error | null) => (error ? reject(error) : resolve()));
    });
  }

  /**
   * Run `work` inside BEGIN IMMEDIATE … COMMIT, rolling back if it throws.
   * Calls are queued so two transactions never interleave on this connection.
   */
  transaction<T>(work: () => Promise<T>): Promise<T> {
    const result = this.transactionQueue.then(async () => {
      await this.exec('BEGIN IMMEDIATE');
      try {
        const value = await work();
        await this.exec('COMMIT');
        return value;
      } catch (error) {
        await this.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
    this.transactionQueue = result.catch(() => undefined);
    return result;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.raw.close((error) => (error ? reject(error) : resolve())));
  }
}
