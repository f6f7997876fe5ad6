import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const BENCHMARKS_PATH = 'docs/benchmarks.md';

const HEADER = `# Benchmarks

Written by \`npm run bench\` (each section by its own benchmark; re-running one replaces only its section).
Machine: whatever ran it last — each section says when and on what.
`;

/**
 * Replace (or append) one named section of docs/benchmarks.md, so each
 * benchmark owns its part of the file and can be re-run alone.
 */
export function writeBenchmarkSection(name: string, markdown: string, path = BENCHMARKS_PATH): void {
  const begin = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  const current = existsSync(path) ? readFileSync(path, 'utf8') : HEADER;
  const pattern = new RegExp(`${escape(begin)}[\\s\\S]*?${escape(end)}`);
  const next = pattern.test(current) ? current.replace(pattern, block) : `${current.trimEnd()}\n\n${block}\n`;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, next);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** p-th percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** "2026-11-23, Node v20.20.2, 2 cores" — what each section says about where it ran. */
export async function machineLine(): Promise<string> {
  const os = await import('node:os');
  return `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
}
