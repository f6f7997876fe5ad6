import { countryForms } from './countries.js';
import { HISTORICAL_NAMES } from './historical-names.js';
import { nameWords, type QuestionWord } from './words.js';

/**
 * Recognising the corpus's organisations in a question: by their full name as
 * ingested, by an abbreviation the name carries ("ICOR (International
 * Coordination of …)", "… Organizations (CIPOML), Coordination Committee"), by
 * acronym in any case, by the names, spellings, demonyms and translations of a
 * country ("Iranian", "Côte d'Ivoire", "Иран"), by the names of historical
 * states ("Soviet"), and by aliases the corpus declares. Matching is by whole
 * words, longest first, so "Guinea-Bissau" is not "Guinea" and "Nigeria" not
 * "Niger".
 */

export interface OrganisationRecord {
  /** As ingested (statements.organisation). */
  name: string;
  /** Declared by the corpus (front matter or manifest `aliases`). */
  aliases?: readonly string[];
}

export interface OrganisationMention {
  /** The organisations the words name: one, or several for a shared name ("Congolese", "Korea"). */
  organisations: string[];
  /**
   * With the other names the same state's statements are filed under ("Burma"
   * and "Myanmar"): what a period picks from ("Burma in 2005" is Myanmar's
   * speech). Without a period the name as written is meant.
   */
  sameState: string[];
  /** Word indices, end exclusive. */
  from: number;
  to: number;
  kind: 'name' | 'demonym';
}

/** How a form must be written in the question to count. */
type CaseRule = 'any' | 'capitalised' | 'upper';

interface Form {
  organisations: Set<string>;
  /** Lower wins when one form names several organisations: a full name as ingested beats a country's other names. */
  rank: number;
  rule: CaseRule;
  kind: OrganisationMention['kind'];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  forms: Form[];
}

const RANK_FULL_NAME = 0;
const RANK_DECLARED = 1;
const RANK_COUNTRY = 2;
const RANK_DEMONYM = 3;

/**
 * Single-word names and demonyms that are also everyday words ("turkey",
 * "chad", "polish"): they count only written with a capital, unless the whole
 * question is in lower case.
 */
const EVERYDAY_WORDS = new Set(['turkey', 'chad', 'jordan', 'guinea', 'china', 'polish', 'georgia', 'japan', 'niger', 'mali', 'togo', 'oman', 'malta', 'cuba', 'peru', 'french', 'swiss', 'dutch', 'czech', 'european', 'american', 'soviet', 'holy', 'vatican', 'nauru', 'chile', 'congo', 'dominica', 'grenada', 'jersey', 'lebanon', 'monaco', 'panama', 'sudan', 'yemen', 'kuwait', 'bahrain', 'qatar']);

/** Words no alias may be, alone: they carry no name. */
const NOT_NAMES = new Set(['the', 'of', 'and', 'for', 'in', 'on', 'a', 'an', 'to', 'republic', 'state', 'states', 'kingdom', 'union', 'islands', 'island', 'democratic', 'people', 'federation', 'new', 'south', 'north', 'east', 'west']);

export class OrganisationDirectory {
  private readonly root: TrieNode = { next: new Map(), forms: [] };
  /** Organisations that are one country's statements under different names ("Burma", "Myanmar"), by organisation. */
  private readonly sameSeat = new Map<string, string[]>();

  private constructor() {}

  /** The directory of a corpus's organisations (built once per corpus version). */
  static build(records: readonly OrganisationRecord[]): OrganisationDirectory {
    const directory = new OrganisationDirectory();
    const bySeat = new Map<string, string[]>();
    for (const record of records) {
      directory.add(record.name, record.name, RANK_FULL_NAME, ruleFor(record.name, false), 'name');
      for (const alias of [...derivedAliases(record.name), ...(record.aliases ?? [])]) directory.add(alias, record.name, RANK_DECLARED, ruleFor(alias, false), 'name');
      const historical = HISTORICAL_NAMES[record.name];
      const country = historical ? undefined : countryForms(record.name);
      const seat = historical?.seat ?? country?.code;
      if (seat) bySeat.set(seat, [...(bySeat.get(seat) ?? []), record.name]);
      for (const name of [...(historical?.names ?? []), ...(country?.names ?? [])]) directory.add(name, record.name, RANK_COUNTRY, ruleFor(name, false), 'name');
      for (const code of country?.codes ?? []) directory.add(code, record.name, RANK_COUNTRY, 'upper', 'name');
      for (const demonym of [...(historical?.demonyms ?? []), ...(country?.demonyms ?? [])]) directory.add(demonym, record.name, RANK_DEMONYM, ruleFor(demonym, true), 'demonym');
    }
    for (const names of bySeat.values()) for (const name of names) if (names.length > 1) directory.sameSeat.set(name, names);
    return directory;
  }

  /** The directory of a corpus's organisations as a Retriever lists them (organisations()), with the aliases the corpus declares. */
  static ofCorpus(organisations: readonly { organisation: string; aliases?: readonly string[] }[]): OrganisationDirectory {
    return OrganisationDirectory.build(organisations.map(({ organisation, aliases }) => ({ name: organisation, ...(aliases ? { aliases } : {}) })));
  }

  /** Every organisation named in the question, longest match first, left to right. */
  find(words: readonly QuestionWord[]): OrganisationMention[] {
    // Typed without capitals (the first word and "I" aside): capitals can't tell "Turkey" from "turkey" here.
    const lowerCaseQuestion = words.slice(1).every((word) => word.text === 'I' || !/\p{Lu}/u.test(word.text));
    const mentions: OrganisationMention[] = [];
    let i = 0;
    while (i < words.length) {
      let node: TrieNode | undefined = this.root;
      let best: { to: number; forms: Form[] } | undefined;
      for (let j = i; j < words.length && node; j++) {
        node = node.next.get(words[j]!.folded);
        if (!node) break;
        const forms = node.forms.filter((form) => written(form.rule, words.slice(i, j + 1), lowerCaseQuestion));
        if (forms.length > 0) best = { to: j + 1, forms };
      }
      if (!best) {
        i++;
        continue;
      }
      const rank = Math.min(...best.forms.map((form) => form.rank));
      const chosen = best.forms.filter((form) => form.rank === rank);
      const named = [...new Set(chosen.flatMap((form) => [...form.organisations]))].sort();
      mentions.push({
        organisations: named,
        sameState: [...new Set(named.flatMap((name) => this.sameSeat.get(name) ?? [name]))].sort(),
        from: i,
        to: best.to,
        kind: chosen.every((form) => form.kind === 'demonym') ? 'demonym' : 'name',
      });
      i = best.to;
    }
    return mentions;
  }

  private add(alias: string, organisation: string, rank: number, rule: CaseRule, kind: OrganisationMention['kind']): void {
    const key = nameWords(alias);
    if (key.length === 0 || (key.length === 1 && (NOT_NAMES.has(key[0]!) || (key[0]!.length < 3 && rule !== 'upper')))) return;
    let node = this.root;
    for (const word of key) {
      let next = node.next.get(word);
      if (!next) {
        next = { next: new Map(), forms: [] };
        node.next.set(word, next);
      }
      node = next;
    }
    const existing = node.forms.find((form) => form.rank === rank && form.rule === rule && form.kind === kind);
    if (existing) existing.organisations.add(organisation);
    else node.forms.push({ organisations: new Set([organisation]), rank, rule, kind });
  }
}

/** How a form must be written: two-letter codes in capitals; demonyms and everyday words capitalised; the rest as the user likes. */
function ruleFor(alias: string, demonym: boolean): CaseRule {
  const words = nameWords(alias);
  if (/^[A-Z]{2}$/.test(alias.trim())) return 'upper';
  if (words.length === 1 && (demonym || EVERYDAY_WORDS.has(words[0]!))) return 'capitalised';
  return 'any';
}

function written(rule: CaseRule, words: readonly QuestionWord[], lowerCaseQuestion: boolean): boolean {
  if (rule === 'upper') return words.every((word) => word.upper);
  if (rule === 'capitalised') return lowerCaseQuestion || words[0]!.capitalised;
  return true;
}

/**
 * Names an organisation's own name carries: "ICOR (International Coordination
 * of …)" → ICOR and the long name; "International Conference of … (CIPOML),
 * Coordination Committee" → CIPOML and the name before the comma; "New
 * Communism Movement of Afghanistan (JAKNA)" → JAKNA and the name before it.
 */
export function derivedAliases(name: string): string[] {
  const aliases: string[] = [];
  const leading = /^([A-Z][A-Za-z0-9-]{1,15})\s*\((.+)\)\s*$/.exec(name);
  if (leading && isAcronym(leading[1]!)) aliases.push(leading[1]!, leading[2]!);
  for (const match of name.matchAll(/\(([^()]{2,16})\)/g)) if (isAcronym(match[1]!)) aliases.push(match[1]!);
  const withoutBrackets = name.replace(/\s*\([^()]*\)/g, '').trim();
  if (withoutBrackets !== name && withoutBrackets.split(/\s+/).length >= 2) aliases.push(withoutBrackets);
  const beforeComma = withoutBrackets.split(',')[0]!.trim();
  if (beforeComma !== withoutBrackets && beforeComma.split(/\s+/).length >= 2) aliases.push(beforeComma);
  return [...new Set(aliases)];
}

function isAcronym(text: string): boolean {
  return /^[A-Z][A-Z0-9-]+$/.test(text.replace(/\s*\((?:ML|M-L)\)$/, '')) || /^[A-Z]{2,}[a-z]?$/.test(text);
}
