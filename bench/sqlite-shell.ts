/**
 * The `sqlite3` command-line shell the search benchmark compares against: the
 * same SQLite version as the `sqlite3` npm package (3.52, compiled from the
 * amalgamation that package ships, with the same FTS5 and compile options),
 * built once into /tmp; else the system's /usr/bin/sqlite3.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { x as extract } from 'tar';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));
const AMALGAMATION = join(REPO_ROOT, 'node_modules/sqlite3/deps/sqlite-autoconf-3520000.tar.gz');
const BUILD_DIR = '/tmp/search-bench/sqlite-shell';
const SHELL = join(BUILD_DIR, 'sqlite3-3.52');
/** The defines node-sqlite3's deps/sqlite3.gyp compiles with. */
const DEFINES = ['SQLITE_THREADSAFE=1', 'SQLITE_ENABLE_FTS3', 'SQLITE_ENABLE_FTS4', 'SQLITE_ENABLE_FTS5', 'SQLITE_ENABLE_RTREE', 'SQLITE_ENABLE_DBSTAT_VTAB=1', 'SQLITE_ENABLE_MATH_FUNCTIONS', 'NDEBUG'];

export interface SqliteShell {
  path: string;
  description: string;
}

export async function ensureSqliteShell(say: (line: string) => void): Promise<SqliteShell> {
  if (!existsSync(SHELL) && existsSync(AMALGAMATION)) {
    try {
      say('Compiling the sqlite3 shell 3.52 from the npm package’s amalgamation (once) …');
      mkdirSync(BUILD_DIR, { recursive: true });
      await extract({ file: AMALGAMATION, cwd: BUILD_DIR });
      const source = join(BUILD_DIR, 'sqlite-autoconf-3520000');
      execFileSync('gcc', ['-O2', ...DEFINES.map((d) => `-D${d}`), join(source, 'shell.c'), join(source, 'sqlite3.c'), '-lm', '-lpthread', '-ldl', '-o', SHELL], { stdio: 'ignore' });
    } catch (error) {
      say(`  could not compile it (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); using /usr/bin/sqlite3`);
    }
  }
  if (existsSync(SHELL)) return { path: SHELL, description: 'sqlite3 shell 3.52.0 compiled from node_modules/sqlite3/deps (gcc -O2, the package’s FTS5 defines)' };
  const version = execFileSync('/usr/bin/sqlite3', ['-version']).toString().split(' ')[0];
  return { path: '/usr/bin/sqlite3', description: `system sqlite3 shell ${version} (a different SQLite version than the npm package's 3.52)` };
}

/**
 * Run SQL statements in one shell process with `.timer on` and return each
 * statement's wall time in ms, in order. The statements' own output is read
 * and discarded (a real consumer of the rows, as our code is).
 */
export function timeStatements(shell: SqliteShell, database: string, statements: readonly string[]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(shell.path, ['-readonly', database], { stdio: ['pipe', 'pipe', 'pipe'] });
    const times: number[] = [];
    let buffered = '';
    let errors = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const match = /^Run Time: real ([\d.]+)/.exec(line);
        if (match) times.push(Number(match[1]) * 1000);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (times.length !== statements.length) reject(new Error(`sqlite3 shell timed ${times.length} of ${statements.length} statements (exit ${code}): ${errors.slice(0, 300)}`));
      else resolve(times);
    });
    child.stdin.end(`.timer on\n${statements.map((sql) => `${sql.replace(/\s+/g, ' ').trim()};`).join('\n')}\n`);
  });
}
