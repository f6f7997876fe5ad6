/** The benchmarks write docs/benchmarks.md through the same functions as `npm run eval` (src/cli/benchmarks-doc.ts). */
export { BENCHMARKS_PATH, machineLine, percentile, writeBenchmarkSection } from '../src/cli/benchmarks-doc.js';
