/**
 * Numbers and dates in a text, as values: "27", "5,000", "forty-three",
 * "eight hundred million", "30 million", "the 1990s", "July 7th", "10 September
 * 2021". A sentence may only state numbers and dates its source states, so
 * "72 refugees" where the source says 27, "eight billion" where it says "eight
 * hundred million", or "11 September 2002" must not pass, while "43 years" for
 * "forty-three years" must.
 */

const UNITS: Record<string, number> = {
  zero: 0, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, trillion: 1_000_000_000_000 };
/**
 * "Hundreds", "thousands", "dozens": amounts without a number. They must occur
 * in the source as words ("thousands of Taliban members" is not "hundreds").
 */
export const VAGUE_AMOUNTS = new Set(['dozens', 'hundreds', 'thousands', 'millions', 'billions', 'trillions']);

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};

/** A date as far as the text gives it: "July 7th" has no year, "September 2021" no day. */
export interface DatePoint {
  year?: number;
  month: number;
  day?: number;
}

export interface Quantities {
  /** Every number stated, in digits or words. "One" alone is not counted: "one of the", "no one". */
  values: Set<number>;
  /** Vague amounts used ("thousands"). */
  vague: Set<string>;
  dates: DatePoint[];
}

const WORD = /[\p{Letter}\p{Number}]+(?:[.,'’:-][\p{Letter}\p{Number}]+)*/gu;

/** The numbers, vague amounts and dates of a text. */
export function quantitiesOf(text: string): Quantities {
  const tokens = [...text.matchAll(WORD)].map((match) => match[0].toLowerCase());
  const values = new Set<number>();
  const vague = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (VAGUE_AMOUNTS.has(token)) {
      vague.add(token);
      continue;
    }
    if (/^\d+(?:-\d+)+$/.test(token)) {
      // "1956-1991", "2021-09-10": each part is a number the text states.
      for (const part of token.split('-')) values.add(Number(part));
      continue;
    }
    const digits = digitValue(token);
    if (digits !== undefined) {
      // "30 million": the scale word belongs to the number before it.
      const scale = SCALES[tokens[i + 1] ?? ''];
      if (scale !== undefined && scale >= 1_000_000) {
        values.add(digits * scale);
        i++;
      } else values.add(digits);
      continue;
    }
    // Most words are no number: check the first part before reading a run of number words.
    const first = token.split('-')[0]!;
    if (UNITS[first] === undefined && TENS[first] === undefined && first !== 'one' && first !== 'a') continue;
    const spelled = readNumberWords(tokens, i);
    if (spelled) {
      if (!(spelled.value === 1 && spelled.length === 1)) values.add(spelled.value);
      i += spelled.length - 1;
    }
  }
  return { values, vague, dates: datesOf(text) };
}

/** "27" → 27, "5,000" → 5000, "3.5" → 3.5, "1990s" → 1990, "10th" → 10, "20-year" → 20, "2021-09-10" → undefined (a date). */
function digitValue(token: string): number | undefined {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:s|st|nd|rd|th|-\p{Letter}+)?$/u.exec(token);
  if (!match) return undefined;
  return Number(match[1]!.replaceAll(',', ''));
}

/** A run of number words from `start` ("forty-three", "eight hundred million"), with how many tokens it used. */
function readNumberWords(tokens: readonly string[], start: number): { value: number; length: number } | undefined {
  let total = 0;
  let current = 0;
  let used = 0;
  for (let i = start; i < tokens.length; i++) {
    const parts = tokens[i]!.split('-');
    let matched = true;
    for (const part of parts) {
      if (part === 'one' || part === 'a') {
        if (part === 'a' && used > 0) {
          matched = false;
          break;
        }
        current += 1;
      } else if (UNITS[part] !== undefined) current += UNITS[part]!;
      else if (TENS[part] !== undefined) current += TENS[part]!;
      else if (SCALES[part] !== undefined && (used > 0 || current > 0)) {
        const scale = SCALES[part]!;
        if (scale === 100) current *= 100;
        else {
          total += current * scale;
          current = 0;
        }
      } else {
        matched = false;
        break;
      }
    }
    if (!matched) break;
    used++;
    if (tokens[i + 1] === 'and' && used > 0 && isNumberWord(tokens[i + 2])) i++, used++; // "one hundred and twenty"
  }
  // "a" alone is an article, not a number.
  if (used === 0 || (used === 1 && tokens[start] === 'a')) return undefined;
  const value = total + current;
  return { value, length: used };
}

function isNumberWord(token: string | undefined): boolean {
  if (token === undefined) return false;
  return token.split('-').every((part) => UNITS[part] !== undefined || TENS[part] !== undefined || SCALES[part] !== undefined || part === 'one');
}

const MONTH_NAMES = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(\d{4})`;
/** "10 September 2021", "10 September", "September 10th, 2021", "September 10", "September 2021", "2021-09-10", "2021-09". */
const DATE_PATTERNS: { pattern: RegExp; read: (m: RegExpExecArray) => DatePoint | undefined }[] = [
  { pattern: new RegExp(String.raw`\b${YEAR}-(\d{2})(?:-(\d{2}))?\b`, 'giu'), read: (m) => point(m[1], m[2], m[3], true) },
  { pattern: new RegExp(String.raw`\b${DAY}\s+(?:of\s+)?(${MONTH_NAMES})\.?(?:,?\s+${YEAR})?\b`, 'giu'), read: (m) => point(m[3], MONTHS[m[2]!.toLowerCase()], m[1]) },
  { pattern: new RegExp(String.raw`\b(${MONTH_NAMES})\.?\s+${DAY}\b(?:,?\s+${YEAR})?`, 'giu'), read: (m) => point(m[3], MONTHS[m[1]!.toLowerCase()], m[2]) },
  { pattern: new RegExp(String.raw`\b(${MONTH_NAMES})\.?,?\s+${YEAR}\b`, 'giu'), read: (m) => point(m[2], MONTHS[m[1]!.toLowerCase()], undefined) },
];

/** The dates a text names, each once, the most precise reading of each place in the text. */
export function datesOf(text: string): DatePoint[] {
  const found: { start: number; end: number; date: DatePoint }[] = [];
  for (const { pattern, read } of DATE_PATTERNS) {
    pattern.lastIndex = 0;
    for (const match of text.matchAll(pattern)) {
      // "may" and "march" are also verbs: a lower-case month name is a date only with a day or year beside it (always true here), and never "may" alone.
      const date = read(match as RegExpExecArray);
      if (!date) continue;
      const start = match.index;
      const end = start + match[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, date });
    }
  }
  return found.map((f) => f.date);
}

function point(year: string | number | undefined, month: string | number | undefined, day: string | number | undefined, numericMonth = false): DatePoint | undefined {
  const m = Number(month);
  if (!Number.isInteger(m) || m < 1 || m > 12) return undefined;
  if (numericMonth && year === undefined) return undefined;
  const date: DatePoint = { month: m };
  if (year !== undefined) date.year = Number(year);
  if (day !== undefined) {
    const d = Number(day);
    if (d < 1 || d > 31) return undefined;
    date.day = d;
  }
  return date;
}

/**
 * Is a date the sentence states given by one of the source's dates? Month must
 * agree; a day or year the sentence gives must agree with the source's date
 * where that has one, and a day the source's date lacks is invented. A year
 * the source's date lacks is checked as a number on its own.
 */
export function dateSupported(date: DatePoint, known: readonly DatePoint[]): boolean {
  return known.some((k) => k.month === date.month && (date.day === undefined || k.day === date.day) && (date.year === undefined || k.year === undefined || k.year === date.year));
}
