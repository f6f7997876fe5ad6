import { UserFacingError } from '../../errors.js';
import type { Database } from '../../store/database.js';
import { adoptWebAddress } from '../../store/web-keys.js';
import { findWebPage, recordPageFailure, recordPageSuccess, type WebPageState } from '../../store/web-pages.js';
import { InputError } from '../document.js';
import { findFetchError } from '../../web/fetch-error.js';
import type { WebFetcher } from '../../web/fetcher.js';
import { parseWebUrl, webUrlKey } from '../../web/web-url.js';
import { describeStatement } from './describe.js';
import { extractDocument } from './extracted.js';
import { pageFailureReason, retryAt } from './failures.js';
import { adminCorrections, bodyHash, saveDescribed, statementResult } from './save.js';
import type { IntakeOptions, IntakeResult } from './types.js';

/** What a statement page may be: a web page, a PDF, plain text. */
const STATEMENT_KINDS = ['html', 'pdf', 'text'] as const;

/**
 * A page or PDF at `url` into the corpus, as one statement known by its
 * canonical URL. The page's state is kept under the address's key
 * ({@link webUrlKey}): "HTTP://Example.ORG/x", ".../x#page=2" and
 * "https://example.org:443/x" are one page; state recorded under an address
 * as once written is moved to its key. A URL asked for before is asked conditionally (its ETag and
 * Last-Modified): a 304, or a body with the same hash, is unchanged and writes
 * nothing but the check. A changed page changes its statement, which keeps its
 * id; the previous text is kept as a version. Given metadata wins over the
 * page's (a new value fetches the page afresh), a feed's fills what the page
 * lacks; the provenance records which field came from where. A failure (a
 * FetchError, a page with no statement text) is recorded against the URL and
 * thrown as a UserFacingError.
 */
export async function ingestUrl(db: Database, fetcher: Pick<WebFetcher, 'fetch'>, address: string, options: IntakeOptions = {}): Promise<IntakeResult> {
  const url = webUrlKey(address);
  if (url !== address) await db.transaction(() => adoptWebAddress(db, address, url));
  return ingestKnownUrl(db, fetcher, url, await findWebPage(db, url), options);
}

/** {@link ingestUrl} for a caller that has read the page's state already, under the address's key (a refresh deciding whether to ask). */
export async function ingestKnownUrl(db: Database, fetcher: Pick<WebFetcher, 'fetch'>, address: string, known: WebPageState | undefined, options: IntakeOptions = {}): Promise<IntakeResult> {
  const url = webUrlKey(address);
  const now = options.now?.() ?? new Date();
  const given = givenKey(options);
  const statementId = known?.statementId ?? null;
  // Asked as before, for a statement still there: the server may answer "not modified".
  const sameAsBefore = !options.force && statementId !== null && known?.given === given;
  try {
    const response = await fetcher.fetch(
      { url, accept: [...STATEMENT_KINDS], ...(sameAsBefore && known?.etag ? { etag: known.etag } : {}), ...(sameAsBefore && known?.lastModified ? { lastModified: known.lastModified } : {}) },
      options.signal,
    );
    // Each record in a transaction of its own: a refresh checks pages side by side on one connection, and a
    // bare write issued while another page's transaction is open would commit or roll back with it.
    if (response.status === 'not-modified') {
      await db.transaction(() => recordPageSuccess(db, { url, status: 'unchanged', statementId, ...validators(response), given, checkedAt: now }));
      return statementResult(db, statementId!, 'unchanged');
    }
    const hash = bodyHash(response.body);
    if (sameAsBefore && known?.bodyHash === hash) {
      await db.transaction(() => recordPageSuccess(db, { url, status: 'unchanged', statementId, ...validators(response), bodyHash: hash, given, checkedAt: now }));
      return statementResult(db, statementId!, 'unchanged');
    }
    const document = await extractDocument({ url: response.url, contentType: response.contentType, ...(response.charset ? { charset: response.charset } : {}), body: response.body });
    const source = webUrlKey(document.canonicalUrl ?? response.url);
    const described = describeStatement(source, document.text, document.metadata, options, {}, await adminCorrections(db, source));
    return await saveDescribed(
      db,
      described,
      {
        provenance: { origin: 'web', sourceUrl: url, fetchedUrl: response.url, filename: null, fetchedAt: new Date(response.fetchedAt).toISOString(), contentHash: hash, contentType: response.contentType, fields: described.fields },
        page: { url, ...validators(response), bodyHash: hash, given, checkedAt: now },
      },
      now,
    );
  } catch (error) {
    // Stopped by the caller: nothing is wrong with the page.
    options.signal?.throwIfAborted();
    // Not a web address the bot may ask (ftp:, credentials, a bad port): there is no page to record, and a
    // password typed into the address must not be kept or shown in /corpus status. (A page that redirects
    // somewhere bad is a page, recorded as failing like any other.)
    if (findFetchError(error)?.reason === 'bad-url' && !isFetchable(url)) throw error;
    const reason = pageFailureReason(error);
    // A Retry-After counts from when the answer came, after any pacing wait.
    const failedAt = options.now?.() ?? new Date();
    const failures = await db.transaction(() => recordPageFailure(db, url, reason, failedAt, retryAt(error, failedAt, (known?.consecutiveFailures ?? 0) + 1)));
    if (error instanceof UserFacingError) throw error;
    if (error instanceof InputError) throw new UserFacingError('page_rejected', `${url}: ${error.message}`, { cause: error });
    options.log?.error({ err: error, url, failures }, 'intake: page failed');
    throw error;
  }
}

/** What was given with the page, as stored beside it: when it differs from last time, the page is fetched afresh and described again. */
function givenKey({ given, givenBy, feed }: IntakeOptions): string | null {
  const hasGiven = given !== undefined && Object.keys(given).length > 0;
  if (!hasGiven && feed === undefined) return null;
  return JSON.stringify({ ...(hasGiven ? { by: givenBy ?? 'admin', ...given } : {}), ...(feed ? { feed } : {}) });
}

/** The validators a response carries, for the next conditional request; a 304 that repeats none keeps the stored ones. */
function validators(response: { status: string; etag?: string; lastModified?: string }): { etag?: string | null; lastModified?: string | null } {
  if (response.status === 'not-modified') return { ...(response.etag ? { etag: response.etag } : {}), ...(response.lastModified ? { lastModified: response.lastModified } : {}) };
  return { etag: response.etag ?? null, lastModified: response.lastModified ?? null };
}

function isFetchable(url: string): boolean {
  try {
    parseWebUrl(url);
    return true;
  } catch {
    return false;
  }
}
