/**
 * Dates as people write them in statements ("10 September 2021", "March 14, 2022",
 * "July 10th, 2021", "2021-09-10") → ISO 8601 as precise as written
 * (YYYY-MM-DD, YYYY-MM or YYYY). Nothing is guessed: an impossible day is no date.
 */

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';

/** The shapes we read, each with how to pull out day, month and year. */
const PATTERNS: { regex: RegExp; parts: (m: RegExpExecArray) => [number | null, string | null, string] }[] = [
  { regex: new RegExp(`\\b${YEAR}-(\\d{2})-(\\d{2})\\b`, 'g'), parts: (m) => [Number(m[3]), m[2]!, m[1]!] },
  { regex: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, 'gi'), parts: (m) => [Number(m[1]), m[2]!, m[3]!] },
  { regex: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, 'gi'), parts: (m) => [Number(m[2]), m[1]!, m[3]!] },
  { regex: new RegExp(`\\b${MONTH},?\\s+${YEAR}\\b`, 'gi'), parts: (m) => [null, m[1]!, m[2]!] },
];

export interface DateMention {
  /** ISO, as precise as written. */
  iso: string;
  index: number;
  length: number;
}

function monthNumber(name: string): number | undefined {
  if (/^\d+$/.test(name)) return Number(name);
  return MONTHS[name.toLowerCase().replace(/\.$/, '')];
}

function toIso(day: number | null, monthName: string | null, yearText: string): string | null {
  const year = Number(yearText);
  if (year < 1000 || year > 2999) return null;
  if (monthName === null) return yearText;
  const month = monthNumber(monthName);
  if (!month || month < 1 || month > 12) return null;
  const ym = `${yearText}-${String(month).padStart(2, '0')}`;
  if (day === null) return ym;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  return `${ym}-${String(day).padStart(2, '0')}`;
}

/** Every date written out in `text`, in order; a month-year inside a full date is not counted twice. */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const { regex, parts } of PATTERNS) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const [day, month, year] = parts(m);
      const iso = toIso(day, month, year);
      const overlaps = found.some((f) => m!.index < f.index + f.length && f.index < m!.index + m![0].length);
      if (iso && !overlaps) found.push({ iso, index: m.index, length: m[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * A date someone wrote down (front matter, manifest, JSONL) → ISO, or undefined
 * when it can't be read. Accepts YYYY, YYYY-MM, YYYY-MM-DD (a time part is
 * dropped) and the written forms {@link findDates} reads, when they are the whole value.
 */
export function normaliseDate(value: string | number | Date): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
  const text = String(value).trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(text);
  if (iso) return toIso(iso[3] ? Number(iso[3]) : null, iso[2] ?? null, iso[1]!) ?? undefined;
  const written = findDates(text);
  if (written.length === 1 && written[0]!.length >= text.replace(/[.\s]+$/, '').length) return written[0]!.iso;
  return undefined;
}
