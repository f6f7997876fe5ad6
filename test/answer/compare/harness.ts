import { createComparer } from '../../../src/answer/compare/comparer.js';
import type { Comparer } from '../../../src/answer/compare/types.js';
import { createCorpusRetriever } from '../../../src/search/corpus-retriever.js';
import type { Database } from '../../../src/store/database.js';
import type { StatementInput } from '../../../src/store/records.js';
import { startOpenAIDouble, type OpenAIDouble } from '../../doubles/openai-server.js';
import { seedDatabase, testConfig, testLog } from '../fixtures.js';

/** The seed corpus, the OpenAI double on loopback, and a comparer wired to it (or to no model). */
export type CompareHarness = { comparer: Comparer; model: OpenAIDouble; db: Database; close(): Promise<void> };

async function startCompareHarness(options: { withModel?: boolean; extra?: StatementInput[] } = {}): Promise<CompareHarness> {
  const model = await startOpenAIDouble();
  const db = await seedDatabase(options.extra ?? []);
  const config = testConfig(options.withModel === false ? {} : { OPENAI_BASE_URL: model.baseUrl, OPENAI_MODEL: 'gpt-4o-mini', OPENAI_MAX_RETRIES: '0' });
  const comparer = createComparer({ retriever: createCorpusRetriever(db), config, log: testLog });
  return {
    comparer,
    model,
    db,
    async close() {
      await model.close();
      await db.close();
    },
  };
}

/** Run `test` with a fresh harness, closed afterwards whatever happens. */
export async function withCompareHarness(...args: [options: Parameters<typeof startCompareHarness>[0], test: (h: CompareHarness) => Promise<void>] | [test: (h: CompareHarness) => Promise<void>]): Promise<void> {
  const [options, test] = args.length === 2 ? args : [{}, args[0]];
  const h = await startCompareHarness(options);
  try {
    await test(h);
  } finally {
    await h.close();
  }
}
