import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Started {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Resolves when standard error has a line matching. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<void>;
}

/** A fresh database path in a temp folder. */
export function tempDatabase(): string {
  return join(mkdtempSync(join(tmpdir(), 'start-test-')), 'corpus.sqlite');
}

/**
 * Run a CLI script as `npm start` would (node + tsx), with only the given
 * environment (plus PATH/HOME), from the repository root. No .env there is read
 * by tests: the environment is explicit.
 */
export function runScript(script: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...env },
    stdio: 'pipe',
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += String(chunk)));
  child.stderr.on('data', (chunk) => (err += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLog: (pattern, timeoutMs = 20_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no log line matching ${pattern} within ${timeoutMs} ms; stderr:\n${err.slice(-3000)}`)), timeoutMs);
        const check = () => {
          if (pattern.test(err)) {
            clearTimeout(timer);
            child.stderr.off('data', check);
            resolve();
          }
        };
        child.stderr.on('data', check);
        void exited.then(() => {
          if (!pattern.test(err)) {
            clearTimeout(timer);
            reject(new Error(`exited before logging ${pattern}; stderr:\n${err.slice(-3000)}`));
          }
        });
        check();
      }),
  };
}
