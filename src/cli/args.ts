import type { Config } from '../config.js';

/**
 * Which database a CLI works on: the `--db` flag, else `DATABASE_PATH` (already
 * defaulted to db/corpus.sqlite by the config schema). Shared by every CLI so
 * they all agree on where the corpus lives.
 */
export function resolveDatabasePath(flag: string | undefined, config: Pick<Config, 'DATABASE_PATH'>): string {
  const fromFlag = flag?.trim();
  return fromFlag ? fromFlag : config.DATABASE_PATH;
}
