/**
 * How well grounding tells supported sentences from unsupported ones, on
 * hand-labelled sets (bench/faithfulness-set-*.jsonl): faithful summaries,
 * paraphrases and quotations of the bundled statements, the kind a good model
 * writes, and unfaithful ones — instruction echoes, misattributions, invented
 * numbers, dates and places, unsupported generalisations, links. Each sentence
 * goes through the real grounder as a streamed model answer with all five
 * statements as its sources ([1] ICOR … [5] the comrades' appeal), and counts
 * as shown when the grounder lets it through. Every set was written by hand
 * from the statements, never from the bot's output; SETS says by whom and
 * when, since a set the check was tuned on no longer measures it fairly.
 *
 * Another labelled set in the same format can be measured without touching
 * docs/benchmarks.md:
 *   npx tsx bench/faithfulness.ts --set path/to/set.jsonl
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { findMarkers } from '../src/answer/citations.js';
import { AnswerGrounder } from '../src/answer/grounder.js';
import { systemPrompt } from '../src/answer/prompt.js';
import type { UnsupportedReason } from '../src/answer/support/check.js';
import { urlsIn } from '../src/answer/support/links.js';
import { bundledSources } from './faithfulness-sources.js';
import { machineLine, percentile, writeBenchmarkSection } from './report.js';

/** The labelled sets, and what each can still say about the check. */
export const SETS: { name: string; file: string; history: string }[] = [
  {
    name: 'A',
    file: 'faithfulness-set-a.jsonl',
    history: 'written by the engineer who built the check, before building it, and used throughout (the check was designed with it in view)',
  },
  {
    name: 'B',
    file: 'faithfulness-set-b.jsonl',
    history: 'written independently (a session that never saw the check) once its first version stood; first run 94.7% kept, 23.6% shown — then its misses were studied and the check improved',
  },
  {
    name: 'C',
    file: 'faithfulness-set-c.jsonl',
    history: 'written independently after the improvements from B; first run 97.2% kept, 16.1% shown — then used, with A and B, to choose the content threshold and a few rules',
  },
  {
    name: 'D',
    file: 'faithfulness-set-d.jsonl',
    history: 'written independently, in the voice of an assistant, once the threshold was chosen; first run 86.3% kept, 15.0% shown — its dropped faithful sentences (short frames around quotations, light verbs, sentences drawing two statements together) then shaped three rules',
  },
  {
    name: 'E',
    file: 'faithfulness-set-e.jsonl',
    history: 'written independently after the last change to the check and run once, with nothing changed after: its figures are the estimate for sentences the check has not seen',
  },
];
/** Characters per streamed chunk: about a token, as a model streams. */
const CHUNK_CHARS = 4;

export interface LabelledSentence {
  id: string;
  label: 'faithful' | 'unfaithful';
  kind: string;
  question: string;
  /** Cites the bundled statements by the set's numbering. */
  sentence: string;
}

export interface Judged extends LabelledSentence {
  shown: boolean;
  /** What the user would see of it ('' when dropped). */
  text: string;
  /** Why it was dropped: a support reason, or 'uncited' / 'quotation'. */
  reason?: UnsupportedReason | 'uncited' | 'quotation';
  /** A link of the sentence still in what is shown. */
  linkShown: boolean;
  ms: number;
}

export function readLabelledSet(path: string): LabelledSentence[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const item = JSON.parse(line) as LabelledSentence;
      if ((item.label !== 'faithful' && item.label !== 'unfaithful') || typeof item.sentence !== 'string' || typeof item.question !== 'string') throw new Error(`${path}:${i + 1}: needs id, label (faithful|unfaithful), kind, question, sentence`);
      if (findMarkers(item.sentence).length === 0) throw new Error(`${path}:${i + 1}: the sentence cites nothing`);
      return item;
    });
}

/** Ground every sentence as a one-sentence streamed answer. */
export async function judgeAll(items: readonly LabelledSentence[]): Promise<Judged[]> {
  const sources = await bundledSources();
  const instructions = systemPrompt('en', false);
  return items.map((item) => {
    let reason: Judged['reason'];
    const started = performance.now();
    const grounder = new AnswerGrounder(sources, { language: 'en', question: item.question, instructions, onUnsupported: (_, verdict) => (reason = verdict.reason) });
    for (let i = 0; i < item.sentence.length; i += CHUNK_CHARS) grounder.push(item.sentence.slice(i, i + CHUNK_CHARS));
    grounder.end();
    const ms = performance.now() - started;
    const shown = grounder.hasCitation;
    const text = shown ? grounder.verifiedText : '';
    if (!shown && reason === undefined) reason = grounder.dropped.badQuote > 0 ? 'quotation' : 'uncited';
    const linkShown = urlsIn(item.sentence).some((link) => text.includes(link.url));
    return { ...item, shown, text, ...(reason ? { reason } : {}), linkShown, ms };
  });
}

function share(count: number, total: number): string {
  return total === 0 ? '–' : `${((100 * count) / total).toFixed(1)}% (${count}/${total})`;
}

/** An unfaithful sentence counts as shown when it is shown at all — or, for a link, when the link is. */
function unfaithfulShown(judged: Judged): boolean {
  return judged.kind === 'link' ? judged.linkShown : judged.shown;
}

/** The faithful kept and the unfaithful shown, as table cells. */
function rates(judged: readonly Judged[]): { kept: string; shown: string } {
  const faithful = judged.filter((j) => j.label === 'faithful');
  const unfaithful = judged.filter((j) => j.label === 'unfaithful');
  return { kept: share(faithful.filter((j) => j.shown).length, faithful.length), shown: share(unfaithful.filter(unfaithfulShown).length, unfaithful.length) };
}

export function report(judged: readonly Judged[], sets: readonly { name: string; judged: readonly Judged[] }[] = []): { markdown: string; summary: string } {
  const faithful = judged.filter((j) => j.label === 'faithful');
  const unfaithful = judged.filter((j) => j.label === 'unfaithful');
  const perSet = sets.map(({ name, judged: one }) => {
    const { kept, shown } = rates(one);
    return `| set ${name} (${one.length}) | ${kept} | ${shown} |`;
  });
  const kinds = [...new Set(judged.map((j) => `${j.label}\t${j.kind}`))].map((key) => {
    const [label, kind] = key.split('\t') as [string, string];
    const group = judged.filter((j) => j.label === label && j.kind === kind);
    const shown = label === 'faithful' ? group.filter((j) => j.shown).length : group.filter(unfaithfulShown).length;
    const reasons = new Map<string, number>();
    for (const j of group) if (!j.shown && j.reason) reasons.set(j.reason, (reasons.get(j.reason) ?? 0) + 1);
    const why = [...reasons].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${reason} ${n}`).join(', ');
    return `| ${label} | ${kind} | ${group.length} | ${shown} | ${why || '–'} |`;
  });
  const misses = [
    ...unfaithful.filter(unfaithfulShown).map((j) => `- shown, unfaithful (${j.kind}, ${j.id}): “${j.sentence}”`),
    ...faithful.filter((j) => !j.shown).map((j) => `- dropped, faithful (${j.kind}, ${j.id}, ${j.reason}): “${j.sentence}”`),
  ];
  const times = judged.map((j) => j.ms);
  const { kept: keptAll, shown: shownAll } = rates(judged);
  const markdown = [
    '| | faithful sentences kept (target ≥ 90%) | unfaithful sentences shown (target 0) |',
    '|---|---|---|',
    `| **all ${judged.length}** | **${keptAll}** | **${shownAll}** |`,
    ...perSet,
    '',
    '| label | kind | sentences | shown | dropped because |',
    '|---|---|---:|---:|---|',
    ...kinds,
    '',
    `A link sentence counts as shown when its link is (a sentence whose link was removed may stay). Grounding one streamed sentence (support check included): p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms.`,
    '',
    ...(misses.length > 0 ? ['Every miss:', '', ...misses] : ['No misses.']),
  ].join('\n');
  return { markdown, summary: `faithful kept ${keptAll}; unfaithful shown ${shownAll}` };
}

export async function benchFaithfulness(setPath?: string): Promise<void> {
  if (setPath !== undefined) {
    const { markdown, summary } = report(await judgeAll(readLabelledSet(setPath)));
    console.log(`${markdown}\n\n${summary}`);
    return;
  }
  const sets = await Promise.all(SETS.map(async (set) => ({ ...set, judged: await judgeAll(readLabelledSet(fileURLToPath(new URL(`./${set.file}`, import.meta.url)))) })));
  const { markdown, summary } = report(
    sets.flatMap((set) => set.judged),
    sets,
  );
  console.log(`${markdown}\n\n${summary}`);
  writeBenchmarkSection(
    'faithfulness',
    [
      '## Grounding: are cited sentences supported by what they cite?',
      '',
      `${await machineLine()} · \`npm run bench -- faithfulness\` · hand-labelled sentences about the bundled corpus, each streamed through the real grounder with all five statements as its sources. The sets (bench/faithfulness-set-*.jsonl):`,
      '',
      ...sets.map((set) => `- **${set.name}**: ${set.history}.`),
      '',
      'Only set E was never used to shape the check: it is the fair estimate of how the check does on sentences it has not seen (the first runs of B, C and D, before each was studied, were 86–97% of faithful sentences kept and 15–24% of unfaithful ones shown, the shown share falling as the check improved). The other rows show what the check does on what it was built with.',
      '',
      markdown,
      '',
      'What gets through is mostly a claim made of the cited statement\'s own words with their sense changed — a reversal ("remain in the country rather than flee" for "have the right to flee"), a motive or a prediction the text doesn\'t give, a date or number moved to another event of the same sentence. Telling those apart takes a model of meaning (an entailment model, or a second model call), which this check, lexical and in code, doesn\'t have: it stops what changes words — names, numbers, dates, speakers, links, instructions, sweeping words and dropped negations — not what changes sense.',
    ].join('\n'),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { set: { type: 'string' } } });
  await benchFaithfulness(values.set);
}
