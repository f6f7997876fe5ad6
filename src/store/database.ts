import { mkdirSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';
import sqlite3 from 'sqlite3';
import { UserFacingError } from '../errors.js';

export type SqlValue = string | number | bigint | null | Buffer;
export type Params = SqlValue[] | Record<string, SqlValue>;

/** How long a connection waits for another writer's lock before failing. */
const BUSY_TIMEOUT_MS = 10_000;
/**
 * Prepared statements kept per connection for get/all. Preparing an FTS5 query
 * costs ~0.15–0.2 ms, about what the engine spends running a small one (a
 * search makes three such calls); queries repeat their SQL with new parameters.
 */
const CACHED_STATEMENTS = 64;

/**
 * A promise-based handle on one SQLite connection (the `sqlite3` package).
 * Transactions are serialised on the connection, so concurrent async callers
 * can't interleave statements inside each other's transaction.
 */
export class Database {
  private transactionQueue: Promise<unknown> = Promise.resolve();
  /** Prepared statements by SQL, least recently used first. */
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();

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

  async get<T = Record<string, unknown>>(sql: string, params: Params = []): Promise<T | undefined> {
    const statement = await this.prepared(sql);
    return new Promise((resolve, reject) => {
      // get() stops after the first row and leaves the statement open, holding its read snapshot: reset it before answering.
      statement.get(params, (error: Error | null, row: T | undefined) => (error ? this.failed(sql, error, reject) : statement.reset(() => resolve(row))));
    });
  }

  async all<T = Record<string, unknown>>(sql: string, params: Params = []): Promise<T[]> {
    const statement = await this.prepared(sql);
    return new Promise((resolve, reject) => {
      statement.all(params, (error: Error | null, rows: T[]) => (error ? this.failed(sql, error, reject) : resolve(rows)));
    });
  }

  /**
   * The cached statement for `sql`, or a new one. sqlite3 runs one call on a
   * statement at a time (it queues the rest), binds each call's parameters
   * afresh and resets the statement after all(); SQLite re-prepares it by
   * itself after a schema change. A statement that fails to prepare rejects
   * and is not kept.
   */
  private prepared(sql: string): Promise<sqlite3.Statement> {
    const cached = this.statements.get(sql);
    if (cached) {
      this.statements.delete(sql);
      this.statements.set(sql, cached);
      return cached;
    }
    const statement = new Promise<sqlite3.Statement>((resolve, reject) => {
      const prepared: sqlite3.Statement = this.raw.prepare(sql, (error: Error | null) => (error ? reject(error) : resolve(prepared)));
    });
    this.statements.set(sql, statement);
    statement.catch(() => this.forget(sql, statement));
    if (this.statements.size > CACHED_STATEMENTS) {
      const [oldest, old] = this.statements.entries().next().value!;
      this.forget(oldest, old);
    }
    return statement;
  }

  /** Drop a cached statement (finalized once its queued calls are done). */
  private forget(sql: string, statement: Promise<sqlite3.Statement>): void {
    if (this.statements.get(sql) === statement) this.statements.delete(sql);
    statement.then((prepared) => prepared.finalize(), () => undefined);
  }

  /** A statement that failed at run time is not reused. */
  private failed(sql: string, error: Error, reject: (error: Error) => void): void {
    const statement = this.statements.get(sql);
    if (statement) this.forget(sql, statement);
    reject(error);
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

  async close(): Promise<void> {
    const statements = [...this.statements.values()];
    this.statements.clear();
    await Promise.all(statements.map((statement) => statement.then((prepared) => new Promise<void>((resolve) => prepared.finalize(() => resolve())), () => undefined)));
    return new Promise((resolve, reject) => this.raw.close((error) => (error ? reject(error) : resolve())));
  }
}
