import { findPeriod, type Period } from './periods.js';
import type { OrganisationDirectory, OrganisationMention } from './organisations.js';
import { rolesOf } from './roles.js';
import { questionWords } from './words.js';

/**
 * What a question says about who and when, read before it is searched: the
 * organisations it names as speakers (they become a filter, and stop being
 * keywords), those it names as topics (they stay keywords), and the period it
 * names (a filter; its words go too). The rest of the question is what to
 * search for.
 */
export interface Understanding {
  /** Organisations named as who spoke, exact names as ingested, each once. */
  speakers: string[];
  /** How each speaker was named ("the Soviet", "ICOR"), with what it stood for. */
  speakerMentions: NamedOrganisations[];
  /** Organisations named as what was spoken about: kept as keywords. */
  topics: NamedOrganisations[];
  period?: Pick<Period, 'from' | 'to' | 'text'>;
  /** The question without the words that only named speakers and the period. */
  keywords: string;
}

export interface NamedOrganisations {
  /** As written in the question. */
  text: string;
  organisations: string[];
}

/** "Iran's position", "the French delegation": after a speaker, words that go with the name. */
const SPEAKER_TRAILERS = new Set(['position', 'positions', 'view', 'views', 'stance', 'delegation', 'delegations', 'government', 'representative', 'representatives', 'side', 'statement', 'statements', 'speech', 'speeches', 'remarks']);

export function understandQuestion(question: string, directory: OrganisationDirectory, now: Date): Understanding {
  const words = questionWords(question);
  const mentions = directory.find(words);
  const roles = rolesOf(mentions, words, question);
  const cut: [number, number][] = [];
  const speakerMentions: NamedOrganisations[] = [];
  const topics: NamedOrganisations[] = [];
  mentions.forEach((mention, i) => {
    const named = { text: question.slice(words[mention.from]!.start, words[mention.to - 1]!.end), organisations: mention.organisations };
    if (roles[i] === 'topic') return void topics.push(named);
    speakerMentions.push(named);
    cut.push(speakerSpan(mention, words, question));
  });
  const period = findPeriod(question, now);
  if (period) cut.push(...period.spans);
  return {
    speakers: [...new Set(speakerMentions.flatMap((named) => named.organisations))],
    speakerMentions,
    topics,
    ...(period ? { period: { ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}), text: period.text } } : {}),
    keywords: without(question, cut),
  };
}

/** The characters that named a speaker: the name, its possessive, and a word for its position or delegation after it. */
function speakerSpan(mention: OrganisationMention, words: ReturnType<typeof questionWords>, question: string): [number, number] {
  const last = words[mention.to - 1]!;
  let end = last.possessive ? question.slice(last.end).match(/^['’]s?/u)![0].length + last.end : last.end;
  const next = words[mention.to];
  if (next && SPEAKER_TRAILERS.has(next.folded)) end = next.end;
  return [words[mention.from]!.start, end];
}

function without(text: string, spans: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    out += `${text.slice(at, start)} `;
    at = end;
  }
  out += text.slice(at);
  return out.replace(/\s+([,.;:?!])/g, '$1').replace(/\s{2,}/g, ' ').trim();
}
