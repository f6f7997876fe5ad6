/**
 * /compare in the answer layer: each organisation searched on its own, then
 * one section each — the model's sentences grounded against that
 * organisation's sources only, or its best verbatim sentences without a model.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findMarkers } from '../../../src/answer/citations.js';
import { comparisonNote } from '../../../src/answer/compare/note.js';
import type { ComparisonResult } from '../../../src/answer/compare/types.js';
import { HIGHLIGHT_CLOSE, HIGHLIGHT_OPEN } from '../../../src/search/highlight.js';
import { sourceNumber } from '../../doubles/openai-server.js';
import { statementFrom } from '../../search/seed-db.js';
import { withCompareHarness } from './harness.js';

/** Every [n] names a listed source; every quoted line is verbatim in a passage of the source its section cites. */
function assertCited(result: ComparisonResult): void {
  const numbers = new Set(result.sources.map((source) => source.n));
  for (const text of [...result.sections.map((s) => s.text), result.closing ?? '']) {
    for (const marker of findMarkers(text)) for (const n of marker.numbers) assert.ok(numbers.has(n), `[${n}] names no listed source in ${text}`);
  }
  for (const source of result.sources) for (const passage of source.passages) for (const quote of passage.quotes) assert.ok(passage.text.includes(quote), `quote not in passage: ${quote}`);
}

const ICOR_SENTENCE = (n: number) => `ICOR says it is necessary to fight the rule of the fascist Taliban [${n}].`;
const CIPOML_SENTENCE = (n: number) => `CIPOML says the imperialists armed and organised the Taliban [${n}].`;

test('GIVEN no model WHEN ICOR and CIPOML are compared on the Taliban THEN each section is its own verbatim sentence, cited', async () => {
  await withCompareHarness({ withModel: false }, async (h) => {
    const result = await h.comparer.compare({ topic: 'the Taliban', organisations: ['ICOR', 'CIPOML'] });
    assert.equal(result.mode, 'extractive');
    assert.deepEqual(result.sections.map((s) => [s.organisation, s.kind]), [['ICOR', 'verbatim'], ['CIPOML', 'verbatim']]);
    assert.match(result.sections[0]!.text, new RegExp(`^${HIGHLIGHT_OPEN}ICOR${HIGHLIGHT_CLOSE}, 2021-09-10 \\[1\\]:\\n> .*Taliban`));
    assert.match(result.sections[1]!.text, /\[2\]:\n> .*Taliban/);
    assert.deepEqual(result.sources.map((s) => [s.n, s.organisation]), [[1, 'ICOR'], [2, 'CIPOML']]);
    assertCited(result);
    assert.equal(h.model.requests.length, 0, 'no model was asked');
  });
});

test('GIVEN one organisation with many statements on the topic THEN the other still gets its own passages', async () => {
  const warStatements = Array.from({ length: 8 }, (_, i) =>
    statementFrom(`fixture-war-${i}.md`, `The imperialist war must end now. Workers refuse the imperialist war and its profiteers, year ${2010 + i}.`, { title: `Against the imperialist war ${i}`, organisation: 'Peace Committee (fixture)', date: `${2010 + i}-05-01` }),
  );
  await withCompareHarness({ withModel: false, extra: warStatements }, async (h) => {
    const result = await h.comparer.compare({ topic: 'imperialist war', organisations: ['Peace Committee (fixture)', 'ICOR'] });
    const icor = result.sections[1]!;
    assert.equal(icor.organisation, 'ICOR');
    assert.equal(icor.kind, 'verbatim');
    assert.ok(icor.hits > 0);
    const cited = findMarkers(icor.text).flatMap((m) => m.numbers).map((n) => result.sources.find((s) => s.n === n)!.organisation);
    assert.deepEqual([...new Set(cited)], ['ICOR']);
  });
});

test('GIVEN an organisation with nothing on the topic THEN its section says no statement by it covers this and what was searched', async () => {
  await withCompareHarness({ withModel: false }, async (h) => {
    const result = await h.comparer.compare({ topic: 'the Taliban', organisations: ['ICOR', 'Comrades from Belarus, Kazakhstan, Ukraine and Russia'], from: '2021' });
    const comrades = result.sections[1]!;
    assert.equal(comrades.kind, 'none');
    assert.equal(comrades.text, 'No statement by Comrades from Belarus, Kazakhstan, Ukraine and Russia in the corpus covers this.\nSearched for "taliban" (organisation Comrades from Belarus, Kazakhstan, Ukraine and Russia, from 2021): 0 matching passages.');
    assert.equal(result.sections[0]!.kind, 'verbatim');
  });
});

test('GIVEN the organisations named in the topic and no options THEN they are read from it and the rest is searched', async () => {
  await withCompareHarness({ withModel: false }, async (h) => {
    const result = await h.comparer.compare({ topic: 'JAKNA and ICOR on the Taliban' });
    assert.deepEqual(result.sections.map((s) => s.organisation), ['JAKNA', 'ICOR']);
    assert.equal(result.searched.words, 'the Taliban');
    assert.equal(result.searched.query, '"taliban"');
    assert.equal(result.understood?.use, 'filter');
  });
});

test('GIVEN a quoted phrase as the topic THEN it is searched as that phrase: an organisation using its words apart has nothing on it', async () => {
  await withCompareHarness({ withModel: false }, async (h) => {
    // ICOR writes "the fascist Taliban"; JAKNA writes "fascist Republicans" and "the Taliban", never the phrase.
    const result = await h.comparer.compare({ topic: '"fascist Taliban"', organisations: ['ICOR', 'JAKNA'] });
    assert.equal(result.searched.query, '"fascist taliban"');
    assert.deepEqual(result.sections.map((s) => s.kind), ['verbatim', 'none']);
    assert.match(result.sections[0]!.text, /fascist Taliban/);
    assert.match(result.sections[1]!.text, /Searched for "fascist taliban" \(organisation JAKNA\): 0 matching passages\./);
  });
});

test('GIVEN the organisations and a period named in the topic around a quoted phrase THEN the phrase is what is searched', async () => {
  await withCompareHarness({ withModel: false }, async (h) => {
    const named = await h.comparer.compare({ topic: 'JAKNA and ICOR on “fascist Taliban”' });
    assert.deepEqual(named.sections.map((s) => [s.organisation, s.kind]), [['JAKNA', 'none'], ['ICOR', 'verbatim']]);
    assert.equal(named.searched.query, '"fascist taliban"');
    const dated = await h.comparer.compare({ topic: '"fascist Taliban" since 2020', organisations: ['ICOR', 'JAKNA'] });
    assert.equal(dated.searched.query, '"fascist taliban"');
    assert.equal(dated.searched.from, '2020');
  });
});

test('GIVEN organisations as typed THEN acronyms, lower case and a cut name find them; unknown, too few or too many are refused by name', async () => {
  await withCompareHarness({ withModel: false, extra: [statementFrom('fixture-peace.md', 'The Peace Committee condemns every imperialist war.', { title: 'Against war', organisation: 'Peace Committee (fixture)', date: '2023-05-01' }), statementFrom('fixture-solidarity.md', 'Solidarity with the peoples who resist war.', { title: 'Solidarity', organisation: 'Solidarity Network (fixture)', date: '2023-06-12' })] }, async (h) => {
    const result = await h.comparer.compare({ topic: 'war', organisations: ['jakna', 'Comrades from Belarus'] });
    assert.deepEqual(result.sections.map((s) => s.organisation), ['JAKNA', 'Comrades from Belarus, Kazakhstan, Ukraine and Russia']);
    await assert.rejects(h.comparer.compare({ topic: 'war', organisations: ['ICOR', 'Nobody Party'] }), { code: 'unknown_organisation', message: /"Nobody Party"/ });
    await assert.rejects(h.comparer.compare({ topic: 'war', organisations: ['ICOR'] }), { code: 'too_few_organisations', message: /Only ICOR was recognised/ });
    await assert.rejects(h.comparer.compare({ topic: 'war', organisations: ['ICOR', 'JAKNA', 'CIPOML', 'Comrades', 'Peace Committee (fixture)', 'Solidarity Network'] }), { code: 'too_many_organisations' });
    const once = await h.comparer.compare({ topic: 'war', organisations: ['ICOR', 'icor', 'JAKNA'] });
    assert.deepEqual(once.sections.map((s) => s.organisation), ['ICOR', 'JAKNA'], 'the same organisation twice is one side');
    await assert.rejects(h.comparer.compare({ topic: 'war', organisations: ['ICOR', 'icor'] }), { code: 'too_few_organisations', message: /Those are all ICOR\.$/ });
    await assert.rejects(h.comparer.compare({ topic: 'What did ICOR and JAKNA say?' }), { code: 'empty_topic', message: /names who, but no topic to search for/ });
    await assert.rejects(h.comparer.compare({ topic: '?!', organisations: ['ICOR', 'JAKNA'] }), { code: 'empty_topic', message: /^Compare them on what\? "\?!" has no word to search for\.$/ });
  });
});

test('GIVEN a model WHEN its sections cite their own organisation’s sources and the closing cites both THEN all of it is shown, numbered in order', async () => {
  await withCompareHarness(async (h) => {
    h.model.enqueue({
      text: (request) => {
        const icor = sourceNumber(request, 'ICOR');
        const cipoml = sourceNumber(request, 'CIPOML');
        return `## A\n${ICOR_SENTENCE(icor)}\n\n## B\n${CIPOML_SENTENCE(cipoml)}\n\n## Comparison\nICOR and CIPOML both condemn the Taliban [${icor}][${cipoml}].`;
      },
    });
    const result = await h.comparer.compare({ topic: 'the Taliban', organisations: ['ICOR', 'CIPOML'] });
    assert.equal(result.mode, 'llm');
    assert.deepEqual(result.sections.map((s) => s.kind), ['llm', 'llm']);
    assert.equal(result.sections[0]!.text, ICOR_SENTENCE(1));
    assert.equal(result.sections[1]!.text, CIPOML_SENTENCE(2));
    assert.equal(result.closing, 'ICOR and CIPOML both condemn the Taliban [1][2].');
    assert.equal(result.dropped, 0);
    assertCited(result);
    const prompt = h.model.requests[0]!.messages.map((m) => m.content).join('\n');
    assert.match(prompt, /A: ICOR — sources \[1\]/);
    assert.match(prompt, /B: CIPOML — sources \[\d+\]/);
  });
});

test('GIVEN a model WHEN a section sentence cites another organisation’s source THEN it is dropped and that section is its verbatim sentences', async () => {
  await withCompareHarness(async (h) => {
    h.model.enqueue({
      text: (request) => {
        const icor = sourceNumber(request, 'ICOR');
        const cipoml = sourceNumber(request, 'CIPOML');
        return `## A\n${CIPOML_SENTENCE(cipoml)}\n\n## B\n${CIPOML_SENTENCE(cipoml)}\n\n## Comparison\nICOR and CIPOML both condemn the Taliban [${icor}][${cipoml}].`;
      },
    });
    const result = await h.comparer.compare({ topic: 'the Taliban', organisations: ['ICOR', 'CIPOML'] });
    assert.equal(result.sections[0]!.kind, 'verbatim', 'ICOR’s section could not use CIPOML’s source');
    assert.doesNotMatch(result.sections[0]!.text, /armed and organised/);
    assert.equal(result.sections[1]!.kind, 'llm');
    assert.equal(result.dropped, 1);
    assertCited(result);
  });
});

test('GIVEN a model WHEN the closing sentence names both but cites only one side THEN it is dropped', async () => {
  await withCompareHarness(async (h) => {
    h.model.enqueue({
      text: (request) => {
        const icor = sourceNumber(request, 'ICOR');
        const cipoml = sourceNumber(request, 'CIPOML');
        return `## A\n${ICOR_SENTENCE(icor)}\n\n## B\n${CIPOML_SENTENCE(cipoml)}\n\n## Comparison\nICOR and CIPOML both condemn the Taliban [${icor}].`;
      },
    });
    const result = await h.comparer.compare({ topic: 'the Taliban', organisations: ['ICOR', 'CIPOML'] });
    assert.equal(result.mode, 'llm');
    assert.equal(result.closing, undefined);
    assert.equal(result.dropped, 1);
  });
});

test('GIVEN a model WHEN a section misquotes its source THEN the misquote is dropped and the other sentence kept', async () => {
  await withCompareHarness(async (h) => {
    h.model.enqueue({
      text: (request) => {
        const icor = sourceNumber(request, 'ICOR');
        const cipoml = sourceNumber(request, 'CIPOML');
        return `## A\nICOR says "the Taliban are our friends" [${icor}]. ${ICOR_SENTENCE(icor)}\n\n## B\n${CIPOML_SENTENCE(cipoml)}`;
      },
    });
    const result = await h.comparer.compare({ topic: 'the Taliban', organisations: ['ICOR', 'CIPOML'] });
    assert.equal(result.sections[0]!.text, ICOR_SENTENCE(1));
    assert.equal(result.dropped, 1);
  });
});

test('GIVEN a model WHEN it says a section’s sources do not cover the topic THEN that section says no statement by it covers this', async () => {
  await withCompareHarness(async (h) => {
    h.model.enqueue({ text: (request) => `## A\n${ICOR_SENTENCE(sourceNumber(request, 'ICOR'))}\n\n## B\nNOT_IN_SOURCES` });
    const result = await h.comparer.compare({ topic: 'the Taliban', organisations: ['ICOR', 'CIPOML'] });
    assert.equal(result.sections[1]!.kind, 'none');
    assert.match(result.sections[1]!.text, /^No statement by CIPOML in the corpus covers this\.\nSearched for "taliban" \(organisation CIPOML\): [1-9]\d* matching passages?\. None of them is on the topic\.$/);
  });
});

test('GIVEN a model that fails THEN every section is verbatim and the result says why', async () => {
  await withCompareHarness(async (h) => {
    h.model.enqueue({ status: 500 });
    const result = await h.comparer.compare({ topic: 'the Taliban', organisations: ['ICOR', 'CIPOML'] });
    assert.equal(result.mode, 'fallback');
    assert.ok(result.fallbackReason);
    assert.deepEqual(result.sections.map((s) => s.kind), ['verbatim', 'verbatim']);
    assertCited(result);
  });
});

test('GIVEN a topic none of them spoke on THEN every section says so, and the note says nothing is cited', async () => {
  await withCompareHarness({ withModel: false }, async (h) => {
    const result = await h.comparer.compare({ topic: 'quantum chromodynamics', organisations: ['ICOR', 'JAKNA'] });
    assert.deepEqual(result.sections.map((s) => s.kind), ['none', 'none']);
    assert.deepEqual(result.sources, []);
    assert.equal(comparisonNote(result), 'No statement of theirs in the corpus covers this; each section says what was searched.');
  });
});

test('GIVEN no model and a Russian topic on the English corpus THEN each section with nothing says it was searched in Russian only, as /ask does', async () => {
  await withCompareHarness({ withModel: false }, async (h) => {
    const result = await h.comparer.compare({ topic: 'Война и беженцы из Афганистана', organisations: ['ICOR', 'JAKNA'] });
    assert.deepEqual(result.sections.map((s) => s.kind), ['none', 'none']);
    for (const section of result.sections) assert.match(section.text, /\nSearched in Russian only; the statements are in English\.$/);
    // An English topic found nothing too, but its language is the statements': no note.
    const english = await h.comparer.compare({ topic: 'quantum chromodynamics', organisations: ['ICOR', 'JAKNA'] });
    for (const section of english.sections) assert.doesNotMatch(section.text, /Searched in/);
  });
});
