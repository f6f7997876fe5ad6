import { cleanText } from './src/corpus/clean.js';
import { inferMetadata } from './src/corpus/metadata.js';
import { detectLanguage } from './src/language/detect.js';
import { readableText } from './src/corpus/web/readable-text.js';
import { buildWebPages } from './test/fixtures/web-pages.js';
const pages = buildWebPages();
const raw = pages.map((p) => readableText(p.body.toString('latin1'), p.url).text);
detectLanguage('warm up the detector please now');
for (const [name, f] of [['clean', (t: string) => cleanText(t)], ['infer', (t: string) => inferMetadata(cleanText(t))], ['detect', (t: string) => detectLanguage(t)]] as const) {
  for (let i = 0; i < 3; i++) raw.forEach(f);
  const t0 = performance.now(); for (let i = 0; i < 20; i++) raw.forEach(f); console.log(name, ((performance.now() - t0) / (20 * raw.length)).toFixed(2), 'ms/page');
}
