import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAnswerer, type Answerer } from '../../src/answer/answerer.js';
import { whoSignedQuestion } from '../../src/answer/who-signed.js';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import type { Database } from '../../src/store/database.js';
import { startOpenAIDouble, type OpenAIDouble } from '../doubles/openai-server.js';
import { seedDatabase } from '../search/seed-db.js';
import { testConfig, testLog } from './fixtures.js';

const QUESTIONS: [string, string | undefined][] = [
  ['Who signed the ICOR resolution on Afghanistan?', 'the ICOR resolution on Afghanistan'],
  ['Which organisations signed the appeal against war?', 'the appeal against war'],
  ['which parties have signed on to the resolution', 'the resolution'],
  ['Who are the signatories of the appeal to all the working people?', 'the appeal to all the working people'],
  ['List the signatories of the ICOR resolution', 'the ICOR resolution'],
  ['Signatories of the appeal against war', 'the appeal against war'],
  ['Who co-signed it?', 'it'],
  ['What does ICOR say about the Taliban?', undefined],
  ['Which countries did the Taliban sign agreements with?', undefined],
  ['Who designed the sanctions?', undefined],
];

for (const [question, words] of QUESTIONS) {
  test(`GIVEN "${question}" THEN it is ${words === undefined ? 'no "who signed" question' : `a "who signed" question about "${words}"`}`, () => {
    assert.equal(whoSignedQuestion(question)?.statementWords, words);
  });
}

for (const withModel of [false, true]) {
  describe(`"Who signed …?" asked ${withModel ? 'with' : 'without'} a model`, () => {
    let db: Database;
    let model: OpenAIDouble;
    let answerer: Answerer;
    before(async () => {
      ({ db } = await seedDatabase());
      model = await startOpenAIDouble();
      const config = testConfig(withModel ? { OPENAI_BASE_URL: model.baseUrl, OPENAI_MODEL: 'gpt-4o-mini' } : {});
      answerer = createAnswerer({ db, retriever: createCorpusRetriever(db), config, log: testLog, options: { cache: false, rewrite: false } });
    });
    after(async () => {
      await model.close();
      await db.close();
    });

    test('GIVEN the ICOR resolution THEN every signatory, under its group headings, citing the passages that hold the list; no model call', async () => {
      const result = await answerer.answer({ question: 'Who signed the ICOR resolution on Afghanistan?' });
      assert.equal(result.mode, 'signatories');
      const lines = result.text.split('\n');
      assert.equal(lines[0], '36 organisations signed “No to any imperialist or expansionist intervention! The people of Afghanistan can only liberate themselves!” (ICOR, 2021-09-10), as its list of signatories gives them [1]:');
      assert.ok(lines.includes('Signatories (as of 15 September 2021, further signatories possible):'));
      assert.ok(lines.includes("1. PCPCI — Parti Communiste Proletarien de Côte d'Ivoire (Proletarian Communist Party of Ivory Coast)"));
      assert.ok(lines.includes('Subsequent signatories:') && lines.includes('Additional Signatories (Non-ICOR):'));
      assert.ok(lines.includes('36. Trotz Alledem! · Deutschland'));
      assert.equal(lines.filter((line) => /^\d+\. /.test(line)).length, 36);
      assert.equal(result.sources.length, 1);
      const [source] = result.sources;
      assert.equal(source!.organisation, 'ICOR');
      assert.ok(source!.passages.length >= 1);
      const cited = source!.passages.map((p) => p.text).join('\n');
      assert.ok(cited.includes('PCPCI Parti Communiste') && cited.includes('Trotz Alledem! Deutschland'), 'the passages cited hold the list');
      assert.equal(model.requests.length, 0, 'answered from the rows: the model is not asked');
    });

    test('GIVEN the appeal against war THEN its fifteen, people and organisations counted apart', async () => {
      const result = await answerer.answer({ question: 'Which organisations signed the appeal to all the working people?' });
      assert.equal(result.mode, 'signatories');
      assert.match(result.text, /^12 organisations and 3 people signed “Appeal to all the working people: we must prevent the war!”, as its list of signatories gives them \[1\]:\n1\. Askar Aysin · Kazakhstan · of Iskra Group\n/);
      assert.match(result.text, /\n15\. Socialist Workers League · United States · LCFI$/);
    });

    test('GIVEN a statement without a list, or another kind of question THEN the normal answer, not an invented list', async () => {
      if (withModel) model.enqueue({ text: 'It is signed by the New Communism Movement of Afghanistan [1].' });
      const jakna = await answerer.answer({ question: 'Who signed the JAKNA message to the Ukrainian people?' });
      assert.notEqual(jakna.mode, 'signatories');
      const other = await answerer.answer({ question: 'What does ICOR say about the Taliban?' });
      assert.notEqual(other.mode, 'signatories');
    });

    test('GIVEN a statement the corpus lacks ("the statement by Gromyko in 1975", "the ICOR resolution on Cuba") THEN not the list of another statement that shares a word with it', async () => {
      for (const question of ['Who signed the statement by Gromyko in 1975?', 'Who signed the ICOR resolution on Cuba?']) {
        if (withModel) model.enqueue({ text: 'The corpus does not say.' });
        const result = await answerer.answer({ question });
        assert.notEqual(result.mode, 'signatories', question);
        assert.doesNotMatch(result.text, /signed “|Askar Aysin|Trotz Alledem/, question);
      }
      const dated = await answerer.answer({ question: 'Who signed the ICOR resolution on Afghanistan in September 2021?' });
      assert.match(dated.text, /^36 organisations signed “No to any imperialist/, 'the period named is a filter, not a word the text must hold');
    });
  });
}
