/**
 * `npm run fetch-url -- <url> [--accept html,pdf,feed,text,any] [--etag E] [--last-modified DATE] [--body] [--json]`
 * — fetch one URL through the bot's web fetcher (robots.txt, pacing, limits,
 * address policy from WEB_* settings) and say what came back: to try the
 * fetcher, or to see why a site is refused.
 */
import { loadConfig, loadDotEnv } from '../config.js';
import { createWebFetcher, webFetcherOptionsFromConfig, type ContentKind } from '../web/fetcher.js';
import { parseFlags, runCli, UsageError } from './cli-run.js';
import { renderWebResponse } from './web-response-render.js';

const USAGE = 'Usage: npm run fetch-url -- <url> [--accept html,pdf,feed,text,any] [--etag E] [--last-modified DATE] [--body] [--json]';
const KINDS: readonly ContentKind[] = ['html', 'pdf', 'feed', 'text', 'robots', 'any'];

await runCli(USAGE, async () => {
  const { values, positionals } = parseFlags({
    accept: { type: 'string' },
    etag: { type: 'string' },
    'last-modified': { type: 'string' },
    body: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  const url = positionals[0];
  if (url === undefined || positionals.length > 1) throw new UsageError('Give one URL to fetch.');
  const accept = (values.accept ?? 'any').split(',').map((kind) => kind.trim()) as ContentKind[];
  const unknown = accept.filter((kind) => !KINDS.includes(kind));
  if (unknown.length > 0) throw new UsageError(`Unknown kind ${unknown.join(', ')}: use ${KINDS.join(', ')}.`);

  loadDotEnv();
  const fetcher = createWebFetcher(webFetcherOptionsFromConfig(loadConfig()));
  try {
    const response = await fetcher.fetch({ url, accept, etag: values.etag, lastModified: values['last-modified'] });
    if (values.body && response.status === 'fetched') {
      process.stdout.write(response.body);
      return 0;
    }
    process.stdout.write(renderWebResponse(response, values.json === true));
    return 0;
  } finally {
    await fetcher.close();
  }
});
