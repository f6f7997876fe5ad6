import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { porterStem } from '../../src/search/porter.js';
import { tokenize } from '../../src/search/tokenize.js';
import { mulberry32 } from '../../src/search/eval/metrics.js';
import { corpusStatistics, loadSpeeches, speechText } from '../../src/search/eval/ungdc-corpus.js';
import { adjectivesFor, aliasesOf, countryAliases, possessive, usedAliases, withArticle, type UngdcSpeech } from '../../src/search/eval/ungdc-names.js';
import { generateUngdcQuestions, questionHalf, type UngdcQuestion, type UngdcSource } from '../../src/search/eval/ungdc-questions.js';
import { renderTemplate, TEMPLATES } from '../../src/search/eval/ungdc-templates.js';
import { chooseTopic, topicCandidates, type CorpusStatistics } from '../../src/search/eval/ungdc-topics.js';
import type { Database } from '../../src/store/database.js';
import { syntheticUngdcDatabase } from './ungdc-db.js';

let db: Database;
let source: UngdcSource;
let questions: UngdcQuestion[];

before(async () => {
  db = await syntheticUngdcDatabase();
  source = { speeches: await loadSpeeches(db), text: (id) => speechText(db, id), stats: await corpusStatistics(db) };
  questions = await generateUngdcQuestions(source, { perCategory: 20 });
});
after(() => db.close());

const stems = (text: string) => tokenize(text).map((token) => porterStem(token.folded));

test('GIVEN the same database and seed THEN the same questions, in the same order; another seed gives another set', async () => {
  assert.ok(questions.length >= 25, `only ${questions.length} questions`);
  assert.deepEqual(await generateUngdcQuestions(source, { perCategory: 20 }), questions);
  const reseeded = await generateUngdcQuestions(source, { perCategory: 20, seed: 10 });
  assert.notDeepEqual(reseeded.map((question) => question.text), questions.map((question) => question.text));
});

test('GIVEN the synthetic corpus THEN every category has questions, each filled from its template and naming its year or decade as it should', () => {
  for (const category of ['country-topic-year', 'adjective-topic-year', 'country-topic', 'country-topic-decade', 'topic-year'] as const) {
    const own = questions.filter((question) => question.category === category);
    assert.ok(own.length > 0, `no ${category} question`);
    for (const question of own) {
      assert.ok(question.template.startsWith(`${category}/`));
      assert.ok(!/[{}]/.test(question.text), question.text);
      assert.equal(new RegExp(`\\b${question.speech.year}\\b`).test(question.text), category !== 'country-topic' && category !== 'country-topic-decade', question.text);
      if (category === 'country-topic-decade') assert.ok(question.text.includes(`${Math.floor(question.speech.year / 10) * 10}s`), question.text);
    }
  }
});

test('GIVEN a question THEN its topic is words its speech uses, next to each other', async () => {
  for (const question of questions) {
    const speech = stems(await speechText(db, question.speech.statementId)).join(' ');
    assert.ok(` ${speech} `.includes(` ${stems(question.topic).join(' ')} `), `"${question.topic}" is not in ${question.speech.externalId}`);
    assert.ok(question.text.toLowerCase().includes(question.topic.toLowerCase()), question.text);
  }
});

test('GIVEN a question THEN its topic names no name of its speech\'s country: not the name, the adjective, nor a word mostly that country\'s (Tehran)', () => {
  const namesOf: Record<string, string[]> = {
    Iran: ['iran', 'iranian', 'tehran'],
    Cyprus: ['cyprus', 'cypriot'],
    'Russian Federation': ['russia', 'russian', 'soviet', 'union', 'moscow'],
    Turkey: ['turkey', 'turkish'],
    Maldives: ['maldives', 'maldivian'],
  };
  for (const question of questions) {
    for (const name of namesOf[question.speech.organisation] ?? []) assert.ok(!stems(question.topic).includes(porterStem(name)), `${question.speech.externalId}: ${question.topic}`);
  }
  assert.ok(questions.some((question) => question.speech.organisation === 'Iran'), 'Iran has topics other than its names');
});

test('GIVEN a word only its own country uses (Tehran, in two Iranian speeches) THEN it is a candidate of the speech but never a topic', async () => {
  const iran1984 = source.speeches.find((speech) => speech.externalId === 'IRN_39_1984')!;
  assert.ok(topicCandidates(await speechText(db, iran1984.statementId), new Set()).words.some((candidate) => candidate.text === 'Tehran'));
  const text = await speechText(db, iran1984.statementId);
  const chosen = new Set<string>();
  for (let seed = 1; seed <= 60; seed++) chosen.add((await chooseTopic(text, { iso: 'IRN', excludedStems: new Set(), speeches: 3 }, source.stats, mulberry32(seed)))?.text ?? '');
  assert.ok(chosen.has('apartheid'), [...chosen].join(', '));
  assert.ok(!chosen.has('Tehran'), [...chosen].join(', '));
});

test('GIVEN questions THEN the half is fixed by the country code, and one country is never in both halves', () => {
  const halves = new Map<string, Set<string>>();
  for (const question of questions) {
    const iso = question.speech.externalId.split('_')[0]!;
    assert.equal(question.half, questionHalf(iso));
    halves.set(iso, (halves.get(iso) ?? new Set()).add(question.half));
  }
  for (const [iso, seen] of halves) assert.equal(seen.size, 1, iso);
  const codes = ['IRN', 'RUS', 'TUR', 'CYP', 'BRA', 'NGA', 'COG', 'COD', 'FJI', 'MDV', 'USA', 'GBR', 'FRA', 'CHN', 'IND', 'PAK'];
  assert.deepEqual(new Set(codes.map(questionHalf)), new Set(['development', 'held-back']));
  assert.equal(questionHalf('IRN'), questionHalf('IRN'));
});

test('GIVEN adjective questions THEN the adjective is the speaker\'s, and none is asked with an adjective two speakers share that year (Congolese, 1998)', () => {
  const adjective = questions.filter((question) => question.category === 'adjective-topic-year');
  assert.ok(adjective.length > 0);
  for (const question of adjective) assert.ok(!/Congolese/.test(question.text), question.text);
  const speech = (externalId: string, organisation: string): UngdcSpeech => ({ statementId: 0, externalId, iso: externalId.slice(0, 3), year: Number(externalId.slice(-4)), organisation, title: '' });
  const byYear = new Map([[1998, new Set(['Congo', 'Democratic Republic of the Congo'])], [1985, new Set(['Union of Soviet Socialist Republics', 'Iran'])]]);
  assert.deepEqual(adjectivesFor(speech('COG_53_1998', 'Congo'), byYear), []);
  assert.deepEqual(adjectivesFor(speech('RUS_40_1985', 'Union of Soviet Socialist Republics'), byYear), ['Soviet']);
  assert.deepEqual(adjectivesFor(speech('EU_66_2011', 'European Union'), byYear), []);
});

const SPEAKERS_CSV = `Year,Session,ISO Code,Country,Name of Person Speaking,Post
1983,38,RUS,USSR,A,Minister
1984,39,RUS,USSR,B,Minister
1985,40,RUS,USSR,C,Minister
1985,40,RUS,Russian Federation,C,Minister
1995,50,RUS,Russia,D,Minister
1996,51,RUS,Russia,E,Minister
1997,52,RUS,Russia,F,Minister
1984,39,LBY,Lybia,G,Minister
1985,40,LBY,Lybia,H,Minister
1986,41,LBY,Lybia,I,Minister
1984,39,IRN,"Iran, Islamic Republic of",J,President
1985,40,IRN,"Iran, Islamic Republic of",K,President
1986,41,IRN,"Iran, Islamic Republic of",L,President
`;

test('GIVEN speakers.csv THEN a country\'s other names are those it uses ≥ 3 times in the period of the corpus\'s name, only within the years it uses them, never an index form', () => {
  const speech = (externalId: string, organisation: string): UngdcSpeech => ({ statementId: 0, externalId, iso: externalId.slice(0, 3), year: Number(externalId.slice(-4)), organisation, title: '' });
  const speeches = [
    ...[1983, 1984, 1985, 1990].map((year) => speech(`RUS_${year - 1945}_${year}`, 'Union of Soviet Socialist Republics')),
    ...[1995, 1996, 1997, 2020].map((year) => speech(`RUS_${year - 1945}_${year}`, 'Russian Federation')),
    ...[1984, 1985, 1986].map((year) => speech(`LBY_${year - 1945}_${year}`, 'Libya')),
    ...[1984, 1985, 1986].map((year) => speech(`IRN_${year - 1945}_${year}`, 'Iran')),
  ];
  const aliases = countryAliases(SPEAKERS_CSV, speeches);
  assert.deepEqual(aliases.get('RUS|Union of Soviet Socialist Republics'), [{ name: 'USSR', from: 1983, to: 1985 }]);
  assert.deepEqual(aliases.get('RUS|Russian Federation'), [{ name: 'Russia', from: 1995, to: 1997 }]);
  assert.equal(aliases.get('IRN|Iran'), undefined);
  assert.deepEqual(aliasesOf(speeches[0]!, aliases), ['USSR']);
  assert.deepEqual(aliasesOf(speeches[3]!, aliases), [], 'no speakers.csv use of "USSR" as late as 1990');
  assert.deepEqual(aliasesOf(speeches[4]!, aliases), ['Russia']);
});

test('GIVEN other names THEN only those the speeches themselves use in ≥ 8 statements are kept (a typo of the table is not)', async () => {
  const stats: CorpusStatistics = { statements: 100, stemDocuments: async () => 0, countryDocuments: async () => 0, phraseDocuments: async (words) => (words.join(' ') === 'lybia' ? 2 : 40) };
  const kept = await usedAliases(new Map([['LBY|Libya', [{ name: 'Lybia', from: 1984, to: 1986 }]], ['RUS|Union of Soviet Socialist Republics', [{ name: 'USSR', from: 1983, to: 1985 }]]]), stats);
  assert.deepEqual([...kept.keys()], ['RUS|Union of Soviet Socialist Republics']);
});

for (const [name, expected] of [
  ['Iran', 'Iran'],
  ['United States of America', 'the United States of America'],
  ['Russian Federation', 'the Russian Federation'],
  ['USSR', 'the USSR'],
  ['Philippines', 'the Philippines'],
  ['Saint Vincent and the Grenadines', 'Saint Vincent and the Grenadines'],
  ['The former Yugoslav Republic of Macedonia', 'the former Yugoslav Republic of Macedonia'],
  ['Democratic Republic of the Congo', 'the Democratic Republic of the Congo'],
  ['Federated States of Micronesia', 'the Federated States of Micronesia'],
] as const) {
  test(`GIVEN "${name}" THEN it stands in a sentence as "${expected}"`, () => assert.equal(withArticle(name), expected));
}

test('GIVEN a name THEN its possessive', () => {
  assert.equal(possessive('Iran'), "Iran's");
  assert.equal(possessive('the Philippines'), "the Philippines'");
  assert.equal(possessive('the USA'), "the USA's");
});

for (const { text, words, phrases, not } of [
  { text: 'We condemn apartheid. The policy of apartheid is a crime, and the struggle against apartheid goes on.', words: ['apartheid'], phrases: [], not: ['policy'] },
  { text: 'The stockpiles of nuclear weapons grow. A ban on nuclear weapons is near; nuclear weapons must go, and nuclear weapons.', words: [], phrases: ['nuclear weapons'], not: ['nuclear', 'weapons'] },
  { text: 'We ask to consolidate peace. We must consolidate it; we will consolidate, and consolidate.', words: [], phrases: [], not: ['consolidate'] },
  { text: 'The war in Viet Nam. Peace in Viet Nam. The people of Viet Nam. Aid for Viet Nam.', words: [], phrases: ['Viet Nam'], not: ['Nam'] },
  { text: 'We signed the Paris Agreement. Under the Paris Agreement, the targets of the Paris Agreement bind us.', words: [], phrases: ['the Paris Agreement'], not: [] },
  { text: 'The NATO summit. In NATO, decisions of NATO, and for NATO.', words: ['NATO'], phrases: [], not: [] },
] as const) {
  test(`GIVEN "${text.slice(0, 40)}…" THEN the topic candidates are ${JSON.stringify([...words, ...phrases])}`, () => {
    const candidates = topicCandidates(text, new Set());
    for (const word of words) assert.ok(candidates.words.some((candidate) => candidate.text === word), `${word} in ${JSON.stringify(candidates.words)}`);
    for (const phrase of phrases) assert.ok(candidates.phrases.some((candidate) => candidate.text === phrase), `${phrase} in ${JSON.stringify(candidates.phrases)}`);
    for (const word of not) assert.ok(!candidates.words.some((candidate) => candidate.words[0] === word.toLowerCase()), `${word} is no topic`);
  });
}

test('GIVEN excluded stems THEN no candidate holds them', () => {
  const candidates = topicCandidates('The Iranian nation. Of the Iranian nation, for the Iranian nation and the Iranian nation.', new Set([porterStem('iranian')]));
  assert.deepEqual(candidates.phrases, []);
});

test('GIVEN a template THEN its slots are filled and the first letter capitalised; a missing slot is an error', () => {
  assert.equal(renderTemplate('{topic}: what did {country} tell the General Assembly in {year}?', { topic: 'apartheid', country: 'Iran', year: 1984 }), 'Apartheid: what did Iran tell the General Assembly in 1984?');
  assert.equal(renderTemplate("{country's} view of {topic} in the {decade}", { topic: 'refugees', country: 'the USSR', countryPossessive: "the USSR's", decade: 1980 }), "The USSR's view of refugees in the 1980s");
  assert.throws(() => renderTemplate('{adjective} statement on {topic}', { topic: 'x' }), /needs \{adjective\}/);
  assert.equal(new Set(TEMPLATES.map((template) => template.id)).size, TEMPLATES.length);
});
