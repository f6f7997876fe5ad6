import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isUserFacingError } from '../../src/errors.js';
import { createCorpusRetriever } from '../../src/search/corpus-retriever.js';
import { createFtsRetriever } from '../../src/search/fts-retriever.js';
import type { Retriever, TimelinePeriod } from '../../src/search/retriever.js';
import { everyPeriod } from '../../src/search/timeline.js';
import { topicQuery } from '../../src/search/timeline-query.js';
import { quotedPeriods, sentenceNaming } from '../../src/search/timeline-quotes.js';
import type { Database } from '../../src/store/database.js';
import { seedDatabase, statementFrom } from './seed-db.js';

let db: Database;
let retriever: Retriever;
const SPEECHES = [
  { date: '1975', organisation: 'Ghana', text: 'We condemn apartheid. Apartheid is a crime against humanity, and apartheid must end.' },
  { date: '1975', organisation: 'Kenya', text: 'The problems of development are many.\nThe climate of the talks was good, but the change we need is slow.' },
  { date: '1977', organisation: 'Ghana', text: 'The struggle against apartheid in South Africa goes on.' },
  { date: '1977', organisation: 'India', text: 'The regime of apartheid must be isolated. Sanctions are needed.' },
  { date: '1977', organisation: 'Kenya', text: 'Our farmers suffer from climate change already.' },
  { date: '1979', organisation: 'India', text: 'Peace and development go together.' },
];

before(async () => {
  ({ db } = await seedDatabase(SPEECHES.map((speech, i) => statementFrom(`speech-${i}.md`, speech.text, { title: `Speech ${i}`, organisation: speech.organisation, date: speech.date }))));
  retriever = createFtsRetriever(db);
});
after(async () => db.close());

test('GIVEN a topic over years THEN each year counts the statements mentioning it once each, beside all its statements, empty years filled', async () => {
  const timeline = await retriever.timeline('apartheid', { from: '1970', to: '1980' });
  assert.equal(timeline.granularity, 'year');
  assert.deepEqual(timeline.periods, [
    { period: '1975', matching: 1, statements: 2 },
    { period: '1976', matching: 0, statements: 0 },
    { period: '1977', matching: 2, statements: 3 },
    { period: '1978', matching: 0, statements: 0 },
    { period: '1979', matching: 0, statements: 1 },
  ]);
  assert.equal(timeline.matching, 3);
  assert.equal(timeline.unplaced, 0);
});

test('GIVEN an organisation THEN only its statements are counted, as its own curve', async () => {
  const timeline = await retriever.timeline('apartheid', { organisationPrefix: 'ghana' });
  assert.deepEqual(timeline.periods.map((p) => [p.period, p.matching, p.statements]), [['1975', 1, 1], ['1976', 0, 0], ['1977', 1, 1]]);
});

test('GIVEN words unquoted THEN they must occur close together; GIVEN a "quoted phrase" THEN exactly that phrase', async () => {
  const near = await retriever.timeline('climate change', { from: '1970', to: '1980' });
  assert.equal(near.matching, 1, 'not the speech where "climate" and "change" are ten words apart');
  assert.equal(near.quotes[0]?.sentence, 'Our farmers suffer from climate change already.');
  const phrase = await retriever.timeline('"change already"', { from: '1970', to: '1980' });
  assert.equal(phrase.matching, 1);
  assert.equal((await retriever.timeline('"already change"', { from: '1970', to: '1980' })).matching, 0);
});

test('GIVEN a short span dated to the month THEN per month; a statement dated only by year or not at all is counted apart', async () => {
  const timeline = await retriever.timeline('Taliban', { from: '2021', to: '2023' });
  assert.equal(timeline.granularity, 'month');
  assert.equal(timeline.periods[0]?.period, '2021-07');
  assert.equal(timeline.periods.at(-1)?.period, '2022-03');
  assert.equal(timeline.periods.length, 9, 'every month from July 2021 to March 2022');
  assert.equal(timeline.unplaced, 1, 'the statement dated 2021 has no month');
  const all = await retriever.timeline('Taliban');
  assert.equal(all.granularity, 'year', 'the seeds with the 1970s speeches span fifty years');
});

test('GIVEN a timeline THEN the first period and the peak each have a verbatim sentence naming the topic, cited', async () => {
  const timeline = await retriever.timeline('apartheid', { from: '1970', to: '1980' });
  assert.deepEqual(timeline.quotes.map((quote) => [quote.period, quote.reason]), [['1975', 'first'], ['1977', 'peak']]);
  for (const quote of timeline.quotes) {
    const statement = await retriever.getStatement(quote.statement.id);
    assert.ok(statement!.text.includes(quote.sentence), 'verbatim');
    assert.match(quote.sentence, /apartheid/i);
    assert.ok(quote.passageId !== undefined);
  }
  assert.equal(timeline.quotes[0]!.sentence, 'We condemn apartheid.');
  assert.equal(timeline.quotes[0]!.statement.organisation, 'Ghana');
});

test('GIVEN understanding and a topic naming who or when THEN they become filters, the rest is the topic, and the result says so', async () => {
  const understanding = createCorpusRetriever(db);
  const period = await understanding.timeline('apartheid in 1977', { understand: true });
  assert.equal(period.topic, 'apartheid');
  assert.deepEqual(period.periods, [{ period: '1977', matching: 2, statements: 3 }]);
  assert.equal(period.understood?.use, 'filter');
  const speaker = await understanding.timeline('Ghana on apartheid', { understand: true });
  assert.equal(speaker.topic, 'apartheid');
  assert.equal(speaker.matching, 2);
  assert.ok(speaker.quotes.every((quote) => quote.statement.organisation === 'Ghana'));
  const delegation = await understanding.timeline('the Indian delegation on apartheid', { understand: true });
  assert.equal(delegation.topic, 'apartheid', 'no "the" left of "the Indian delegation"');
  assert.equal(delegation.matching, 1);
  const explicit = await understanding.timeline('apartheid in 1977', { understand: true, from: '1975', to: '1975' });
  assert.equal(explicit.understood?.use, 'overridden');
  assert.deepEqual(explicit.periods.map((p) => p.period), ['1975']);
  await assert.rejects(understanding.timeline('in 1977', { understand: true }), (error) => isUserFacingError(error) && /no topic to count/.test(error.message));
});

test('GIVEN a topic with nothing searchable THEN a message says what to type', async () => {
  await assert.rejects(retriever.timeline('?!'), (error) => isUserFacingError(error) && /nothing to count/.test(error.message));
});

test('GIVEN a topic nobody mentions THEN no mentions, no quotes, the periods still there', async () => {
  const timeline = await retriever.timeline('zeppelin', { from: '1970', to: '1980' });
  assert.equal(timeline.matching, 0);
  assert.deepEqual(timeline.quotes, []);
  assert.equal(timeline.periods.length, 5);
});

const topics: { typed: string; match: string | null }[] = [
  { typed: 'apartheid', match: 'text : "apartheid"' },
  { typed: 'climate change', match: 'text : NEAR("climate" "change", 5)' },
  { typed: 'the "climate change" of Africa', match: 'text : NEAR("climate change" "africa", 5)' },
  { typed: 'NEAR(war peace) OR title:*', match: 'text : NEAR("near" "war" "peace" "title", 5)' },
  { typed: 'an "unbalanced quote', match: 'text : NEAR("unbalanced" "quote", 5)' },
  { typed: '"" ?!', match: null },
];
for (const { typed, match } of topics) {
  test(`GIVEN the topic ${JSON.stringify(typed)} THEN the count matches ${match ?? 'nothing'}`, () => {
    assert.equal(topicQuery(typed)?.match ?? null, match);
  });
}

test('GIVEN periods THEN the first mention and the highest peaks apart from it are quoted, oldest first', () => {
  const periods = (counts: number[]): TimelinePeriod[] => counts.map((matching, i) => ({ period: String(2000 + i), matching, statements: 10 }));
  assert.deepEqual(quotedPeriods(periods([0, 1, 2, 9, 3, 0])), [{ period: '2001', reason: 'first' }, { period: '2003', reason: 'peak' }, { period: '2004', reason: 'peak' }]);
  assert.deepEqual(quotedPeriods(periods([0, 0])), []);
  // Sixteen years: peaks two years apart at least, so 2011 (next to 2010) gives way to 2005.
  assert.deepEqual(quotedPeriods(periods([1, 0, 0, 0, 0, 6, 0, 0, 0, 0, 9, 8, 0, 0, 0, 0])).map((p) => p.period), ['2000', '2005', '2010']);
});

test('GIVEN a long sentence THEN the quote is cut around the topic with "…", the rest verbatim', () => {
  const text = `${'Words before the point, '.repeat(20)}and apartheid stands condemned${', words after it'.repeat(20)}.`;
  const found = sentenceNaming(text, topicQuery('apartheid')!.parts)!;
  assert.match(found.sentence, /^….*apartheid stands condemned.*…$/);
  assert.ok(text.includes(found.sentence.slice(1, -1)));
  assert.ok(found.sentence.length <= 362);
});

test('GIVEN year or month periods THEN every period between the first and the last', () => {
  assert.deepEqual(everyPeriod(['1999', '1997'], 'year'), ['1997', '1998', '1999']);
  assert.deepEqual(everyPeriod(['2021-11', '2022-02'], 'month'), ['2021-11', '2021-12', '2022-01', '2022-02']);
});
