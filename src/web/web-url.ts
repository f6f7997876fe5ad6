import { FetchError } from './fetch-error.js';

/**
 * The Fetch standard's "bad ports" (mail, SSH, DNS, IRC…): browsers never send
 * HTTP to them, so a URL can't make the bot talk to a mail server either.
 */
const BAD_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137,
  139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723,
  2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/** A URL the fetcher may request: http or https, not to a bad port, without credentials; its fragment dropped (never sent). */
export function parseWebUrl(text: string, what = 'That'): URL {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new FetchError('bad-url', `${what} isn't a web address: ${text.slice(0, 200)}`, { url: text });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('bad-url', `Only http and https addresses are fetched, not ${url.protocol.slice(0, -1)}: ${url.href.slice(0, 200)}`, { url: url.href });
  }
  if (url.port !== '' && BAD_PORTS.has(Number(url.port))) {
    throw new FetchError('bad-url', `Port ${url.port} isn't a web port, so ${url.host} isn't fetched`, { url: url.href });
  }
  if (url.username !== '' || url.password !== '') {
    throw new FetchError('bad-url', `Addresses with a user name or password aren't fetched (${url.host})`, { url: url.origin });
  }
  url.hash = '';
  return url;
}

/**
 * The key a web address is known by (a page's state, a followed source, a
 * feed's entry, a statement's source), so that one page is one key whatever
 * address it was given under: scheme and host lowercased (an IDN host as
 * punycode), the default port dropped, an empty path "/" (all WHATWG URL's
 * own serialisation), and the fragment dropped (never sent, so the same page).
 * Path and query stay as they are: some sites tell pages apart by their query's
 * order or case. Text that isn't an http(s) address comes back trimmed, as it
 * is, for the fetcher to refuse with its reason.
 */
export function webUrlKey(text: string): string {
  const trimmed = text.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return trimmed;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return trimmed;
  url.hash = '';
  return url.href;
}

/** Where a redirect's Location leads, relative to the URL that answered, held to the same rules. */
export function redirectTarget(location: string, from: URL): URL {
  let target: string;
  try {
    target = new URL(location, from).href;
  } catch {
    throw new FetchError('bad-url', `${from.href} redirects to something that isn't a web address`, { url: from.href });
  }
  return parseWebUrl(target, `${from.href} redirects to an address that`);
}
