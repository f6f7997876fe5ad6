/**
 * Language detection (src/language/detect.ts) on the hand-written questions
 * and paragraphs of test/language/samples.ts: right, unsure (no language, so
 * the hint decides) or wrong, per language; time per question, paragraph and
 * long statement after warm-up (the target: a question well under 1 ms p99);
 * the time and memory the detector's database costs to load. Writes section
 * 'language' of docs/benchmarks.md, with the comparison that chose ELD.
 * Run alone: `npm run bench -- language`.
 */
import { LANGUAGE_SAMPLES } from '../test/language/samples.js';
import { machineLine, percentile, writeBenchmarkSection } from './report.js';

const ROUNDS = 200;
const WARM_UP_ROUNDS = 5;
/** A long statement: the paragraphs end to end, ~160,000 characters (the detector reads its start). */
const LONG_STATEMENT_COPIES = 20;

/**
 * The candidates, measured once with a scratch script (not committed: the
 * other packages are no dependencies) on the same samples, each library as it
 * comes (no acronym removal, no Pashto letters, no hint), one process each.
 * p99 times on a shared 2-core machine are noisy; p50 is the steadier figure.
 */
const CANDIDATES = `
| candidate (version) | questions right | paragraphs right | question ms p50 / p99 | paragraph ms p50 / p99 | what goes wrong | install |
| --- | --- | --- | --- | --- | --- | --- |
| **eld 2.1.0, small** (chosen) | 96 / 109 | 25 / 28 | 0.033 / 0.12 | 0.13 / 4.3 | no Pashto model (→ fa, ur, ku), no Kurmanji (unsure); one French question → ca | pure JS, ESM; loads in 0.4 s, 52 MB |
| eld 2.1.0, large | 97 / 109 | 25 / 28 | 0.020 / 0.069 | 0.10 / 0.27 | the same, less the French question | loads in 1.1 s, 156 MB |
| eld 2.1.0, extrasmall | 95 / 109 | 25 / 28 | 0.026 / 0.11 | 0.15 / 5.9 | also 2 of 5 Sorani questions → fa | loads in 0.2 s, 32 MB |
| cld3-asm 4.0.0 (CLD3) | 98 / 109 | 27 / 28 | 0.10 / 4.2 | 0.26 / 4.4 | "Was sagt die ICOR über die Taliban?" → af, ru → uk, fr → ca, it → sm, 3 Turkish questions → eo, bs, az; no Sorani model (→ fa) | WebAssembly (6.6 MB), loaded asynchronously |
| cld 2.10.1 (CLD2) | 96 / 109 | 27 / 28 | 0.026 / 0.72 | 0.032 / 0.10 | no answer for 8 short questions; no Kurmanji | native build with node-gyp |
| franc-min 6.2.0 | 95 / 109 | 27 / 28 | 0.071 / 0.22 | 0.36 / 0.86 | 3 Turkish questions → Swahili, German → Cebuano, Russian → Bulgarian, Sorani → fa, ur; and, among short inputs, "What does ICOR say?" → German | pure JS, ESM |
| franc 6.2.0 | 86 / 109 | 27 / 28 | 0.15 / 0.45 | 0.74 / 2.7 | as franc-min, and English questions → Scots, Afrikaans | pure JS, ESM |
| franc-all 7.2.0 | 83 / 109 | 27 / 28 | 0.44 / 1.8 | 2.2 / 8.1 | more of the same among 400 languages | pure JS, ESM |
| tinyld 1.3.4 | 89 / 109 | 24 / 28 | 0.026 / 0.71 | 0.16 / 2.1 | no Pashto or Kurdish model; uk → ru | pure JS |
`.trim();

export async function benchLanguage(): Promise<void> {
  const heapBefore = process.memoryUsage().heapUsed;
  const loadStart = performance.now();
  const { detectLanguage } = await import('../src/language/detect.js');
  detectLanguage('Load the model before timing anything else.');
  const loadMs = performance.now() - loadStart;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  const byGroup = new Map<string, { right: number; unsure: number; wrong: string[]; total: number }>();
  for (const sample of LANGUAGE_SAMPLES) {
    const key = `${sample.variety ? `${sample.language} (${sample.variety})` : sample.language} ${sample.kind}s`;
    const group = byGroup.get(key) ?? { right: 0, unsure: 0, wrong: [], total: 0 };
    const found = detectLanguage(sample.text);
    group.total++;
    if (found === sample.language) group.right++;
    else if (found === undefined) group.unsure++;
    else group.wrong.push(found);
    byGroup.set(key, group);
  }

  const timings: { what: string; ms: number[] }[] = [];
  for (const kind of ['question', 'paragraph'] as const) {
    const texts = LANGUAGE_SAMPLES.filter((sample) => sample.kind === kind).map((sample) => sample.text);
    timings.push({ what: `a ${kind} (${texts.length} of them, ${ROUNDS} rounds)`, ms: time(detectLanguage, texts) });
  }
  const statement = LANGUAGE_SAMPLES.filter((sample) => sample.kind === 'paragraph').map((sample) => sample.text).join('\n\n').repeat(LONG_STATEMENT_COPIES);
  timings.push({ what: `a statement of ${statement.length.toLocaleString('en')} characters`, ms: time(detectLanguage, [statement]) });

  const totals = { right: 0, unsure: 0, wrong: 0, total: 0 };
  const rows = [...byGroup].map(([key, group]) => {
    totals.right += group.right;
    totals.unsure += group.unsure;
    totals.wrong += group.wrong.length;
    totals.total += group.total;
    return `| ${key} | ${group.right} / ${group.total} | ${group.unsure} | ${group.wrong.length === 0 ? '0' : `${group.wrong.length} (${group.wrong.join(', ')})`} |`;
  });
  const markdown = `## Language detection

\`npm run bench -- language\`, ${await machineLine()}. \`detectLanguage\` (src/language/detect.ts: ELD's small
database, acronyms left out, Pashto by its letters, three words at least) on the hand-written questions and
paragraphs of test/language/samples.ts. Unsure means no language: the hint (Discord's locale) decides.
Right ${totals.right} of ${totals.total}, unsure ${totals.unsure}, wrong ${totals.wrong}.

| samples | right | unsure | wrong (said) |
| --- | --- | --- | --- |
${rows.join('\n')}

| time for | p50 ms | p99 ms |
| --- | --- | --- |
${timings.map(({ what, ms }) => `| ${what} | ${percentile(ms, 50).toFixed(3)} | ${percentile(ms, 99).toFixed(3)} |`).join('\n')}
| loading the detector (once per process) | ${loadMs.toFixed(0)} ms, ${heapMb.toFixed(0)} MB of heap | |

### How ELD was chosen

${CANDIDATES}
`;
  writeBenchmarkSection('language', markdown);
  console.log(markdown);
}

function time(detect: (text: string) => unknown, texts: readonly string[]): number[] {
  for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const text of texts) detect(text);
  const ms: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const text of texts) {
      const start = performance.now();
      detect(text);
      ms.push(performance.now() - start);
    }
  }
  return ms;
}
