import { normaliseDate } from '../dates.js';

/**
 * The date a URL carries, as blogs and news sites put it in their paths:
 * `/2021/07/12/slug`, `/2021/07/slug`, `/2021-07-12-slug`, `…_20210712.pdf`.
 * A lone year (`/2021/`) is not read: it is as often a category or an archive.
 */
const PATTERNS: { regex: RegExp; iso: (m: RegExpExecArray) => string }[] = [
  { regex: /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])(?:\/|$|[^\d])/, iso: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  { regex: /(?:^|[^\d])((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[^\d]|$)/, iso: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  { regex: /[_/-]((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:[_./-]|$)/, iso: (m) => `${m[1]}-${m[2]}-${m[3]}` },
  { regex: /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])(?:\/|$)/, iso: (m) => `${m[1]}-${m[2]}` },
];

export function dateFromUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  for (const { regex, iso } of PATTERNS) {
    const match = regex.exec(path);
    const date = match ? normaliseDate(iso(match)) : undefined;
    if (date) return date;
  }
  return undefined;
}
