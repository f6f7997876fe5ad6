/**
 * `npm run bench`: every benchmark in turn, each writing its own section of
 * docs/benchmarks.md. Name some to run only those: `npm run bench -- search`.
 * Benchmarks that need ../shared/datasets skip with a message when it is absent.
 */
const BENCHMARKS: Record<string, () => Promise<void>> = {
  ingest: async () => (await import('./ingest.js')).benchIngest(),
  search: async () => (await import('./search.js')).benchSearch(),
  kwic: async () => (await import('./kwic.js')).benchKwic(),
  answerer: async () => (await import('./answerer.js')).benchAnswerer(),
  discord: async () => (await import('./discord-defer.js')).benchDiscordDefer(),
  faithfulness: async () => (await import('./faithfulness.js')).benchFaithfulness(),
  understanding: async () => (await import('./understanding.js')).benchUnderstanding(),
  language: async () => (await import('./language.js')).benchLanguage(),
  extract: async () => (await import('./extract.js')).benchExtract(),
  timeline: async () => (await import('./timeline.js')).benchTimeline(),
  compare: async () => (await import('./compare.js')).benchCompare(),
  refresh: async () => (await import('./refresh.js')).benchRefresh(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(BENCHMARKS)) {
  const started = performance.now();
  console.log(`\n== ${name}`);
  await BENCHMARKS[name]!();
  console.log(`== ${name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
console.log('\nResults are in docs/benchmarks.md');
