/**
 * The period a question asks about: "in 1984", "in March 2022", "in the
 * 1980s", "since 2015", "before 1990", "between 1990 and 1995", "from 2001 to
 * 2003", "last year" (against an injected clock, shown as the absolute year).
 * A four-digit number is a year only where a year is meant — after "in",
 * "since", "by" and the like, before "speech" or "session", or closing the
 * question — so "2000 refugees" or "resolution 242" are no periods.
 */

export interface Period {
  /** Inclusive bounds as the search filters take them: YYYY, YYYY-MM or YYYY-MM-DD; one may be open. */
  from?: string;
  to?: string;
  /** Where in the question the period was written (to take it out of the keywords). */
  spans: [number, number][];
  /** The words that gave it, as written ("in the 1980s", "last year"). */
  text: string;
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTH_NAMES.join('|')})`;
/** Years a question can mean: the United Nations' and the statements' era. */
const MIN_YEAR = 1900;
const YEAR = String.raw`((?:19|20)\d\d)`;
/** Words after a year that make it the year of something said ("its 1984 speech"). */
const YEAR_NOUNS = String.raw`(?:speech|speeches|statement|statements|session|address|debate|general\s+debate|resolution\s+on|declaration|appeal|message)`;
const YEAR_PREPOSITIONS = String.raw`(?:in|during|since|before|after|from|to|until|till|through|by|around|of|for)`;
/** "in 2000 refugees …": a count of something, not a year. */
const NOT_AFTER_YEAR = String.raw`(?!\s+(?:refugees|people|persons|troops|soldiers|children|men|women|members|dollars|tons|tonnes|deaths|casualties|victims|cases|km|miles)\b)`;

interface Rule {
  pattern: RegExp;
  read: (match: RegExpExecArray, now: Date) => Pick<Period, 'from' | 'to'> | undefined;
}

const RULES: Rule[] = [
  // between 1990 and 1995 · from 2001 to 2003 · 1990-1995 · 1990–95
  {
    pattern: new RegExp(String.raw`\b(?:between\s+${YEAR}\s+and|from\s+${YEAR}\s+(?:to|until|till|through)|${YEAR}\s*[-–—]\s*)\s*((?:19|20)?\d\d)\b`, 'giu'),
    read: (m) => {
      const from = Number(m[1] ?? m[2] ?? m[3]);
      let to = Number(m[4]);
      if (to < 100) to = Math.floor(from / 100) * 100 + to;
      return to >= from ? { from: String(from), to: String(to) } : undefined;
    },
  },
  // in the 1980s · the '80s
  {
    pattern: /\b(?:in\s+|during\s+)?the\s+(?:((?:19|20)\d)0s|['’](\d)0s)\b/giu,
    read: (m) => {
      const decade = m[1] ? Number(`${m[1]}0`) : 1900 + Number(m[2]) * 10;
      return { from: String(decade), to: String(decade + 9) };
    },
  },
  // last year · this year
  {
    pattern: /\b(?:in\s+)?(last|this|the\s+past)\s+year\b/giu,
    read: (m, now) => {
      const year = now.getUTCFullYear() - (m[1]!.toLowerCase() === 'this' ? 0 : 1);
      return { from: String(year), to: String(year) };
    },
  },
  // in the last 5 years · over the past ten years · in the last decade
  {
    pattern: /\b(?:in|over|during)\s+the\s+(?:last|past)\s+(?:(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twenty)\s+years|(decade))\b/giu,
    read: (m, now) => {
      const words: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20 };
      const span = m[2] ? 10 : Number(m[1]) || words[m[1]!.toLowerCase()]!;
      return { from: String(now.getUTCFullYear() - span), to: String(now.getUTCFullYear()) };
    },
  },
  // since 2015 · after 2001 · before 1990 · until 1995
  {
    pattern: new RegExp(String.raw`\b(since|after|from|before|until|till|up\s+to|through|prior\s+to)\s+${YEAR}\b(?!\s*(?:to|until|till|through)\b)`, 'giu'),
    read: (m) => {
      const word = m[1]!.toLowerCase().replace(/\s+/g, ' ');
      const year = Number(m[2]);
      if (word === 'since' || word === 'from') return { from: String(year) };
      if (word === 'after') return { from: String(year + 1) };
      if (word === 'before' || word === 'prior to') return { to: String(year - 1) };
      return { to: String(year) };
    },
  },
  // in March 2022 · March 2022 · 14 March 2022 · March 14, 2022
  {
    pattern: new RegExp(String.raw`\b(?:(\d{1,2})\s+)?${MONTH}(?:\s+(\d{1,2})(?:st|nd|rd|th)?,?)?\s+${YEAR}\b`, 'giu'),
    read: (m) => {
      const month = String(MONTH_NAMES.indexOf(m[2]!.toLowerCase()) + 1).padStart(2, '0');
      const day = m[1] ?? m[3];
      const date = `${m[4]}-${month}${day ? `-${day.padStart(2, '0')}` : ''}`;
      return { from: date, to: date };
    },
  },
  // 2021-09-10 · 2021-09
  {
    pattern: /\b((?:19|20)\d\d-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)\b/gu,
    read: (m) => ({ from: m[1]!, to: m[1]! }),
  },
  // in 1984 · its 1984 speech · (1984) · …, 1984? · 1984's
  {
    pattern: new RegExp(String.raw`(?:\b${YEAR_PREPOSITIONS}\s+(?:the\s+(?:year\s+)?|its\s+|their\s+)?${YEAR}\b${NOT_AFTER_YEAR}|\b${YEAR}(?=\s+${YEAR_NOUNS}\b|['’]s\b)|\(${YEAR}\)|(?:^|[,;:]\s*|\s)${YEAR}(?=\s*[?.!]*\s*$))`, 'giu'),
    read: (m) => {
      const year = m[1] ?? m[2] ?? m[3] ?? m[4];
      return { from: year!, to: year! };
    },
  },
];

/** A year joined by hyphens to more numbers: "2021-09-10", "1990-95" — or "2021-13", which is neither. */
const DATE_SHAPED = /\b\d{4}(?:-\d+)+\b/gu;

/**
 * Where the question writes something shaped like a date that is neither a
 * date (YYYY-MM, YYYY-MM-DD, a real day of a real month) nor a span of years
 * ("1990-95", "1990-1995"): "2021-13", "2021-02-30". No period is read in
 * or around it — "in 2021-13" is not the year 2021 — so the text is searched
 * as written rather than quietly filtered by a part of it.
 */
export function malformedDates(question: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const match of question.matchAll(DATE_SHAPED)) {
    const [year, ...rest] = match[0].split('-').map(Number);
    const isDate = rest.length <= 2 && isCalendarDate(year!, rest[0]!, rest[1] ?? 1);
    const isSpan = rest.length === 1 && /^\d{2}(?:\d{2})?$/.test(match[0].slice(5)) && (rest[0]! < 100 ? Math.floor(year! / 100) * 100 + rest[0]! : rest[0]!) >= year!;
    if (!isDate && !isSpan) spans.push([match.index, match.index + match[0].length]);
  }
  return spans;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The period the question names, or undefined. Several phrases ("in 1984 and
 * 1990") give the span from the earliest to the latest; years after the
 * clock's are not meant as dates.
 */
export function findPeriod(question: string, now: Date): Period | undefined {
  const found: { start: number; end: number; from?: string; to?: string }[] = [];
  const maxYear = now.getUTCFullYear() + 1;
  const malformed = malformedDates(question);
  for (const { pattern, read } of RULES) {
    pattern.lastIndex = 0;
    for (const match of question.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((f) => start < f.end && end > f.start) || malformed.some(([from, to]) => start < to && end > from)) continue;
      const bounds = read(match as RegExpExecArray, now);
      if (!bounds) continue;
      const years = [bounds.from, bounds.to].filter((b): b is string => b !== undefined).map((b) => Number(b.slice(0, 4)));
      if (years.some((year) => year < MIN_YEAR || year > maxYear)) continue;
      found.push({ start: start + (match[0].length - match[0].trimStart().length), end, ...bounds });
    }
  }
  if (found.length === 0) return undefined;
  found.sort((a, b) => a.start - b.start);
  const froms = found.flatMap((f) => (f.from ? [f.from] : []));
  const tos = found.flatMap((f) => (f.to ? [f.to] : []));
  const closed = found.every((f) => f.from && f.to);
  // "in 1984 and 1990": from the first to the last. "since 2015 … before 2020": both bounds hold.
  const from = froms.length === 0 ? undefined : closed ? froms.reduce((a, b) => (a < b ? a : b)) : froms.reduce((a, b) => (a > b ? a : b));
  const to = tos.length === 0 ? undefined : closed ? tos.reduce((a, b) => (a > b ? a : b)) : tos.reduce((a, b) => (a < b ? a : b));
  return {
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    spans: found.map((f) => [f.start, f.end]),
    text: found.map((f) => question.slice(f.start, f.end).replace(/^[,;:\s]+/, '')).join(', '),
  };
}
