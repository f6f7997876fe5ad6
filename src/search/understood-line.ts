import type { Understood } from './retriever.js';

/** Characters of one organisation's name in the line; a longer one is named as the question named it, or cut. */
const MAX_NAME_CHARS = 40;
/** Names listed before "and N more". */
const MAX_NAMES = 4;
/** Malformed dates quoted before "and N more", and the characters of each: the line stays one short clause. */
const MAX_DATES = 2;
const MAX_DATE_CHARS = 20;

/**
 * The short line every answer and search result carries about what the
 * question was read to name, in plain text (each surface shows it its way):
 * "By: Iran · 1984 — not what you meant? Use the organisation/from/to options."
 */
export function understoodLine(understood: Understood | undefined): string | undefined {
  if (!understood) return undefined;
  const who = names(understood);
  const when = period(understood.period);
  const read = [who && `By: ${who}`, when].filter(Boolean).join(' · ');
  const notDates = notADate(understood);
  // Only a malformed date was read: say so, and how a date is written.
  if (!read && notDates) return `${notDates}. Dates are YYYY, YYYY-MM or YYYY-MM-DD.`;
  switch (understood.use) {
    case 'filter': {
      const asked = (name: string) => understood.speakers.find((speaker) => speaker.organisations.includes(name))?.text ?? name;
      const silent = understood.silent?.length ? ` · nothing by ${understood.silent.map((name) => shownName(name, asked(name))).join(' / ')} on this` : '';
      // First: a length limit (Discord's author line) cuts the end, and the names can be long.
      return `${notDates ? `${notDates} · ` : ''}${read}${silent} — not what you meant? Use the organisation/from/to options.`;
    }
    case 'fallback':
      return `Nothing ${[who && `by ${who}`, during(understood.period)].filter(Boolean).join(' ')} matched, so every statement was searched.${notDates ? ` ${notDates}.` : ''}`;
    case 'overridden':
      return `Read as ${read}; the options you gave were used instead.${notDates ? ` ${notDates}.` : ''}`;
  }
}

/**
 * The question's malformed dates in one clause: "“2021-13” is not a date:
 * searched without a period" (no period was read elsewhere in it), or "“2021-13”
 * and “2021-02-30” are not dates" beside one that was. Empty when there are none.
 */
function notADate(understood: Understood): string {
  const dates = understood.invalidDates ?? [];
  if (dates.length === 0) return '';
  const quoted = dates.slice(0, MAX_DATES).map((text) => `“${text.length > MAX_DATE_CHARS ? `${text.slice(0, MAX_DATE_CHARS - 1)}…` : text}”`);
  const listed = dates.length > MAX_DATES ? `${quoted.join(', ')} and ${dates.length - MAX_DATES} more` : quoted.join(' and ');
  const verb = dates.length === 1 ? 'is not a date' : 'are not dates';
  return `${listed} ${verb}${understood.period ? '' : ': searched without a period'}`;
}

function names(understood: Understood): string {
  const all = [...new Set(understood.speakers.flatMap((speaker) => speaker.organisations.map((name) => shownName(name, speaker.text))))];
  if (all.length <= MAX_NAMES) return all.join(' / ');
  return `${all.slice(0, MAX_NAMES).join(' / ')} and ${all.length - MAX_NAMES} more`;
}

/**
 * An organisation as the line names it: a long name by the part of it the
 * question used, as the name writes it ("ICOR" for "ICOR (International
 * Coordination of …)", asked as "icor"); otherwise the name, cut if long.
 */
function shownName(name: string, asked: string): string {
  if (name.length <= MAX_NAME_CHARS) return name;
  const at = name.toLowerCase().indexOf(asked.toLowerCase());
  if (asked.length >= 2 && at !== -1) return name.slice(at, at + asked.length);
  const cut = name.slice(0, MAX_NAME_CHARS - 1);
  return `${(cut.includes(' ') ? cut.slice(0, cut.lastIndexOf(' ')) : cut).replace(/[\s,(;:–-]+$/, '')}…`;
}

/** The period in a sentence: "in 1984", "from 1990 to 1999", "since 2022", "until 1989". */
function during(period: Understood['period']): string {
  if (!period) return '';
  const { from, to } = period;
  if (from && to) return from === to ? `in ${from}` : `from ${from} to ${to}`;
  if (from) return `since ${from}`;
  return to ? `until ${to}` : '';
}

/** "1984", "1990–1999", "since 2022", "until 1989", "2022-03". */
function period(period: Understood['period']): string {
  if (!period) return '';
  const { from, to } = period;
  if (from && to) return from === to ? from : `${from}–${to}`;
  if (from) return `since ${from}`;
  if (to) return `until ${to}`;
  return '';
}
