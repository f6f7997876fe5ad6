import type { Database } from './database.js';

/**
 * Move what is stored under an address as it was once written (before
 * addresses were keyed canonically: "HTTP://Example.ORG/x", a "#fragment", a
 * ":443") to its canonical key, in web_pages and web_sources: its validators,
 * failures and a removed statement's mark carry over. When the canonical key
 * has a row already, that row is the page's (or source's) state and the one
 * under the old spelling is dropped, so one page never has two. Call it
 * inside a transaction; the canonical key comes from webUrlKey (src/web/web-url.ts).
 */
export async function adoptWebAddress(db: Database, written: string, key: string): Promise<void> {
  if (written === key) return;
  for (const table of ['web_pages', 'web_sources'] as const) {
    await db.run(`DELETE FROM ${table} WHERE url = ?1 AND EXISTS (SELECT 1 FROM ${table} WHERE url = ?2)`, [written, key]);
    await db.run(`UPDATE ${table} SET url = ?2 WHERE url = ?1`, [written, key]);
  }
}
