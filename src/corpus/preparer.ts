import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.js';
import type { StatementInput } from '../store/records.js';
import { InputError } from './document.js';
import { prepareTask, type PrepareTask } from './statement-file.js';

/**
 * Where statements are prepared (decoded, cleaned, described, split). Cleaning
 * and SQLite's writes each need a core: on the main thread, cleaning the next
 * file stalls the current write between its statements (every step of a
 * transaction needs the event loop), so a long ingest runs them on a worker
 * thread and the main thread only feeds SQLite. Small runs stay in-process
 * (starting the worker costs ~0.3 s); if the worker can't start or dies, work
 * falls back to the main thread.
 */
export interface Preparer {
  prepare(task: PrepareTask): Promise<StatementInput>;
  close(): Promise<void>;
}

/** Tasks prepared in-process before a worker is worth starting. */
export const WORKER_AFTER_TASKS = 32;

export function createPreparer(log: Logger): Preparer {
  let submitted = 0;
  let worker: WorkerPreparer | undefined;
  let workerFailed = false;
  return {
    async prepare(task) {
      submitted++;
      if (!worker && !workerFailed && submitted > WORKER_AFTER_TASKS) {
        try {
          worker = new WorkerPreparer();
        } catch (error) {
          workerFailed = true;
          log.debug({ err: error }, 'ingest: preparing on the main thread (no worker)');
        }
      }
      if (worker && !worker.dead) {
        try {
          return await worker.prepare(task);
        } catch (error) {
          if (error instanceof InputError) throw error;
          log.debug({ err: error }, 'ingest: worker failed, preparing on the main thread');
          workerFailed = true;
        }
      }
      return prepareTask(task);
    },
    async close() {
      await worker?.close();
    },
  };
}

type Reply = { id: number; statement: StatementInput } | { id: number; error: { source: string; message: string; input: boolean } };

class WorkerPreparer {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (statement: StatementInput) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  dead = false;

  constructor() {
    this.worker = startWorker(new URL('./prepare-worker.ts', import.meta.url));
    this.worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (!waiting) return;
      if ('statement' in reply) waiting.resolve(reply.statement);
      else waiting.reject(reply.error.input ? new InputError(reply.error.source, reply.error.message) : new Error(reply.error.message));
    });
    const die = (error: Error) => {
      this.dead = true;
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', die);
    this.worker.on('exit', (code) => die(new Error(`preparing worker exited with code ${code}`)));
  }

  prepare(task: PrepareTask): Promise<StatementInput> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, task });
    });
  }

  async close(): Promise<void> {
    this.dead = true;
    await this.worker.terminate();
  }
}

/**
 * A worker on a TypeScript module. Under tsx (how every script here runs) a
 * worker doesn't inherit the loader, so it registers tsx's ESM hooks first —
 * resolved here, so it works from any working directory.
 */
function startWorker(url: URL): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true });
}
