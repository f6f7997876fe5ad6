import type { WebPageState } from '../../store/web-pages.js';
import type { SourceEntry } from '../../store/web-sources.js';

/**
 * How long a sitemap's <lastmod> is taken at its word after a page's last
 * check: sites forget to update it, so a page it calls unchanged is still
 * asked (conditionally) once a week.
 */
export const SITEMAP_TRUST_MS = 7 * 86_400_000;

export type PageDecision = { ask: true } | { ask: false; deferredUntil: string } | { ask: false; unchanged: 'sitemap' } | { ask: false; removed: true };

/**
 * Whether a refresh asks for a page now: not when its statement was removed
 * from the corpus (by an admin: a refresh doesn't undo that); not while its host asked us to wait
 * (429) or its failures put it off; not when its sitemap says it hasn't
 * changed since it was last checked (and that check is recent and went well);
 * else yes, conditionally.
 */
export function decidePage(entry: SourceEntry, page: WebPageState | undefined, hostHeldUntil: Date | undefined, now: Date): PageDecision {
  if (page?.lastStatus === 'removed' && page.statementId === null) return { ask: false, removed: true };
  if (hostHeldUntil && hostHeldUntil > now) return { ask: false, deferredUntil: hostHeldUntil.toISOString() };
  if (page?.nextDueAt && page.nextDueAt > now.toISOString()) return { ask: false, deferredUntil: page.nextDueAt };
  const checked = page?.lastCheckedAt;
  const trusted = checked && page.statementId !== null && page.lastStatus !== 'failed' && now.getTime() - Date.parse(checked) < SITEMAP_TRUST_MS;
  if (trusted && entry.lastModified && entry.lastModified < checked) return { ask: false, unchanged: 'sitemap' };
  return { ask: true };
}
