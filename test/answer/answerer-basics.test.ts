import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { saveStatement } from '../../src/store/statement-writes.js';
import { sourceNumber } from '../doubles/openai-server.js';
import { SEEDS, seedText, statementInput } from './fixtures.js';
import { assertGrounded, startHarness } from './harness.js';

describe('answers without a model, and the corpus not covering a question', () => {
  test('GIVEN nothing in the corpus matches THEN the reply says so, shows what was searched, and the model is asked only to reword the question, not to answer', async () => {
    const harness = await startHarness();
    try {
      const { result } = await harness.ask('What about quantum chromodynamics?', { organisation: 'ICOR', from: '2020', to: '2022-12-31' });
      assert.equal(result.mode, 'not-found');
      assert.equal(
        result.text,
        "The corpus doesn't cover this: no statement in it matches the question.\nSearched for \"quantum\" OR \"chromodynamics\" (organisation ICOR, from 2020, to 2022-12-31): 0 matching passages.",
      );
      assert.deepEqual(result.searched, { query: '"quantum" OR "chromodynamics"', filters: { organisation: 'ICOR', from: '2020', to: '2022-12-31' }, hits: 0 });
      assert.deepEqual(result.sources, []);
      assert.equal(harness.model.requests.length, 0);
      assert.equal(harness.model.rewriteRequests.length, 1, 'the rewrite, which found no keywords');
    } finally {
      await harness.close();
    }
  });

  test('GIVEN a question of only punctuation THEN the reply says nothing searchable was in it', async () => {
    const harness = await startHarness({ withModel: false });
    try {
      const { result } = await harness.ask('?!…');
      assert.equal(result.mode, 'not-found');
      assert.match(result.text, /no searchable words in the question/);
    } finally {
      await harness.close();
    }
  });

  test('GIVEN no model configured THEN the answer is verbatim quotes, each cited, from several statements', async () => {
    const harness = await startHarness({ withModel: false });
    try {
      const { result, partials } = await harness.ask('What do the statements say about refugees?');
      assert.equal(result.mode, 'extractive');
      assert.match(result.text, /^No language model is configured, so here are the passages of the corpus that best match the question, quoted verbatim:\n\n\u0002/, 'the organisation is bold through a highlight marker, not Markdown');
      assert.ok(result.sources.length >= 2, 'quotes from more than one statement');
      for (const source of result.sources) {
        assert.match(result.text, new RegExp(`\\[${source.n}\\]:\\n> `));
        for (const passage of source.passages) for (const quote of passage.quotes) assert.ok(passage.text.includes(quote), 'each quote is an exact substring of its passage');
      }
      assert.match(result.text, /refugee/i);
      assert.deepEqual(partials, []);
      assert.equal(harness.model.requests.length, 0);
      assertGrounded(result);
    } finally {
      await harness.close();
    }
  });

  test('GIVEN no model and a question in Spanish THEN the framing is Spanish and the quotes stay in English', async () => {
    const harness = await startHarness({ withModel: false });
    try {
      const { result } = await harness.ask('¿Qué dice ICOR sobre los talibanes y la OTAN?');
      assert.equal(result.mode, 'extractive');
      assert.match(result.text, /^No hay ningún modelo de lenguaje configurado/);
      assert.match(result.text, /NATO|Taliban/);
    } finally {
      await harness.close();
    }
  });

  test('GIVEN no model and a follow-up THEN the earlier turn steers the search', async () => {
    const harness = await startHarness({ withModel: false });
    try {
      const history = [
        { role: 'user' as const, content: 'What does JAKNA say to the Ukrainian people?' },
        { role: 'assistant' as const, content: '**JAKNA**, 2022-03 [1]:\n> Ukrainian sisters and brothers!' },
      ];
      const { result } = await harness.ask('What do they say about NATO?', { history });
      assert.equal(result.mode, 'extractive');
      assert.equal(result.sources[0]?.organisation, 'JAKNA');
      assert.match(result.searched.query, /"jakna"/);
    } finally {
      await harness.close();
    }
  });
});

describe('the answer cache', () => {
  test('GIVEN the same question again THEN it is answered from the cache without the model, and a re-ingest invalidates it', async () => {
    const harness = await startHarness({ cache: true });
    try {
      const reply = { text: (request: Parameters<typeof sourceNumber>[0]) => `ICOR calls the Taliban a fascist force [${sourceNumber(request, 'ICOR')}].` };
      harness.model.enqueue(reply);
      const first = await harness.ask('What does ICOR say about the Taliban?');
      assert.equal(first.result.cached, false);
      const second = await harness.ask('  what does ICOR say about the Taliban  ');
      assert.equal(second.result.cached, true);
      assert.equal(second.result.text, first.result.text);
      assert.deepEqual(second.result.sources, first.result.sources);
      assert.equal(harness.model.requests.length, 1, 'no second model call');

      harness.model.enqueue({ text: 'NOT_IN_SOURCES' });
      const other = await harness.ask('What does ICOR say about the Taliban?', { organisation: 'JAKNA' });
      assert.equal(other.result.cached, false, 'other filters, other answer');

      const icor = SEEDS[1]!;
      await saveStatement(harness.db, statementInput({ ...icor, source: icor.file, text: `${seedText(icor.file)}\n\nAn added paragraph about the Taliban.` }));
      harness.model.enqueue(reply);
      const afterIngest = await harness.ask('What does ICOR say about the Taliban?');
      assert.equal(afterIngest.result.cached, false);
      assert.equal(harness.model.requests.length, 3);
      const stale = await harness.db.get<{ n: number }>('SELECT count(*) AS n FROM answer_cache WHERE corpus_version < (SELECT CAST(value AS INTEGER) FROM corpus_meta WHERE key = ?)', ['corpus_version']);
      assert.equal(stale?.n, 0, 'answers of older corpus versions are deleted');
    } finally {
      await harness.close();
    }
  });

  test('GIVEN extractive answers THEN they are cached too, and a follow-up is never answered from the cache', async () => {
    const harness = await startHarness({ withModel: false, cache: true });
    try {
      const first = await harness.ask('What does ICOR say about the Taliban?');
      const second = await harness.ask('What does ICOR say about the Taliban?');
      assert.equal(first.result.cached, false);
      assert.equal(second.result.cached, true);
      assert.equal(second.result.mode, 'extractive');
      const followUp = await harness.ask('What does ICOR say about the Taliban?', { history: [{ role: 'user', content: 'Hello' }] });
      assert.equal(followUp.result.cached, false);
    } finally {
      await harness.close();
    }
  });
});
