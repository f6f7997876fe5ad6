import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OrganisationDirectory, derivedAliases } from '../../src/search/understand/organisations.js';
import { findPeriod } from '../../src/search/understand/periods.js';
import { understandQuestion } from '../../src/search/understand/understand.js';

const ICOR = 'ICOR (International Coordination of Revolutionary Parties and Organizations)';
const CIPOML = 'International Conference of Marxist-Leninist Parties and Organizations (CIPOML), Coordination Committee';
const JAKNA = 'New Communism Movement of Afghanistan (JAKNA)';
/** The bundled corpus's organisations and UN speakers as the UN corpus files them, historical names included. */
const ORGANISATIONS = [
  ICOR, CIPOML, JAKNA, 'Afghan anarchists', 'Comrades from Belarus, Kazakhstan, Ukraine and Russia',
  'Iran', 'Iraq', 'France', 'Turkey', 'Cyprus', 'Georgia', 'Russian Federation', 'Union of Soviet Socialist Republics', 'Congo', 'Democratic Republic of the Congo', 'Zaire',
  'Guinea', 'Guinea-Bissau', 'Equatorial Guinea', 'Niger', 'Nigeria', 'Burma', 'Myanmar', 'Germany', 'Federal Republic of Germany', 'German Democratic Republic',
  'United States of America', 'United Kingdom', 'Cuba', 'Kuwait', 'Poland', "Côte d'Ivoire", 'Republic of Korea', 'North Korea',
];
const directory = OrganisationDirectory.build([...ORGANISATIONS.map((name) => ({ name })), { name: 'Quokka Front', aliases: ['QF', 'the Quokkas'] }]);
const NOW = new Date('2026-12-02T12:00:00Z');

function understood(question: string) {
  const u = understandQuestion(question, directory, NOW);
  return { speakers: u.speakers, topics: u.topics.flatMap((t) => t.organisations), period: u.period && { from: u.period.from, to: u.period.to }, keywords: u.keywords };
}

describe('who is speaking and who is spoken about', () => {
  const cases: [string, string[], string[]][] = [
    ['What did ICOR say about the Taliban?', [ICOR], []],
    ['what does icor say about nato', [ICOR], []],
    ['What did Iran say about Iraq in 1984?', ['Iran'], ['Iraq']],
    ['What do the statements say about Iran?', [], ['Iran']],
    ['Who condemned Iran?', [], ['Iran']],
    ['Did Iran condemn Iraq?', ['Iran'], ['Iraq']],
    ['What do ICOR and CIPOML say about NATO?', [ICOR, CIPOML], []],
    ['Iran and the Soviet Union on disarmament', ['Iran', 'Union of Soviet Socialist Republics'], []],
    ['the Soviet Union and the United States on disarmament', ['Union of Soviet Socialist Republics', 'United States of America'], []],
    ['How did the French delegation talk about nuclear testing?', ['France'], []],
    ['What was the Soviet position on disarmament?', ['Union of Soviet Socialist Republics'], []],
    ["In 1984, what was Iran's view of the war?", ['Iran'], []],
    ['Iran on the war with Iraq', ['Iran'], ['Iraq']],
    ['statements by Cuba on the embargo', ['Cuba'], []],
    ['according to JAKNA, who is the enemy?', [JAKNA], []],
    ["What did Iraq's invasion of Kuwait mean?", [], ['Iraq', 'Kuwait']],
    ['What did the Afghan anarchists buy with the money?', [], ['Afghan anarchists']],
    ['What did the Quokkas say?', ['Quokka Front'], []],
    ['Was sagte der Iran über den Irak?', ['Iran'], ['Iraq']],
    ['Что сказал Иран о войне?', ['Iran'], []],
  ];
  for (const [question, speakers, topics] of cases) {
    test(`GIVEN "${question}" THEN the speakers are ${JSON.stringify(speakers)} and the topics ${JSON.stringify(topics)}`, () => {
      const u = understood(question);
      assert.deepEqual(u.speakers.sort(), [...speakers].sort());
      assert.deepEqual(u.topics.sort(), [...topics].sort());
    });
  }
});

describe('names that look alike', () => {
  const cases: [string, string[]][] = [
    ['What did Georgia say?', ['Georgia']],
    ['What did Congo say?', ['Congo']],
    ['What did the Democratic Republic of the Congo say?', ['Democratic Republic of the Congo']],
    ['What did the Congolese delegation say?', ['Congo', 'Democratic Republic of the Congo']],
    ['What did Guinea say?', ['Guinea']],
    ['What did Guinea-Bissau say?', ['Guinea-Bissau']],
    ['What did Equatorial Guinea say?', ['Equatorial Guinea']],
    ['What did Niger say?', ['Niger']],
    ['What did Nigeria say?', ['Nigeria']],
    ['What did the Nigerien delegation say?', ['Niger']],
    ['What did Burma say?', ['Burma']],
    ['What did Burma say in 2005?', ['Burma', 'Myanmar']],
    ['What did the Democratic Republic of the Congo say in 1985?', ['Democratic Republic of the Congo', 'Zaire']],
    ['What did the Soviet Union say about Afghanistan in 1995?', ['Russian Federation', 'Union of Soviet Socialist Republics']],
    ['What did the Ivory Coast say?', ["Côte d'Ivoire"]],
    ['What did the US say?', ['United States of America']],
    ['What did the UK say?', ['United Kingdom']],
    ['What did Korea say?', ['North Korea', 'Republic of Korea']],
    ['What did turkey say about cyprus?', ['Turkey']],
  ];
  for (const [question, speakers] of cases) {
    test(`GIVEN "${question}" THEN the speakers are ${JSON.stringify(speakers)}`, () => assert.deepEqual(understood(question).speakers.sort(), [...speakers].sort()));
  }

  test('GIVEN everyday words that are also names, written as words THEN no organisation', () => {
    assert.deepEqual(understood('How should I polish a speech about us for the Thanksgiving turkey?').speakers, []);
    assert.deepEqual(understood('How should I polish a speech about us for the Thanksgiving turkey?').topics, []);
  });

  test('GIVEN an organisation name THEN its abbreviations are aliases', () => {
    assert.deepEqual(derivedAliases(ICOR), ['ICOR', 'International Coordination of Revolutionary Parties and Organizations']);
    assert.deepEqual(derivedAliases(CIPOML), ['CIPOML', 'International Conference of Marxist-Leninist Parties and Organizations, Coordination Committee', 'International Conference of Marxist-Leninist Parties and Organizations']);
    assert.deepEqual(derivedAliases(JAKNA), ['JAKNA', 'New Communism Movement of Afghanistan']);
    assert.deepEqual(derivedAliases('Afghan anarchists'), []);
  });
});

describe('periods', () => {
  const cases: [string, { from?: string; to?: string } | undefined][] = [
    ['What did Iran say in 1984?', { from: '1984', to: '1984' }],
    ['What was said in March 2022?', { from: '2022-03', to: '2022-03' }],
    ['What was said on 14 March 2022?', { from: '2022-03-14', to: '2022-03-14' }],
    ['How was nuclear testing discussed in the 1990s?', { from: '1990', to: '1999' }],
    ['What has JAKNA said since 2022?', { from: '2022' }],
    ['What was said before 1990?', { to: '1989' }],
    ['What was said after 2001?', { from: '2002' }],
    ['What was said between 1990 and 1995?', { from: '1990', to: '1995' }],
    ['What was said from 2001 to 2003?', { from: '2001', to: '2003' }],
    ['What was said in 1990-95?', { from: '1990', to: '1995' }],
    ['What was said about apartheid last year?', { from: '2025', to: '2025' }],
    ['What was said this year?', { from: '2026', to: '2026' }],
    ['What was said in the last 5 years?', { from: '2021', to: '2026' }],
    ['Iran on the war, 1984', { from: '1984', to: '1984' }],
    ['How did Iran address the war in its 1984 speech?', { from: '1984', to: '1984' }],
    ['How many of the 1,000 refugees came back?', undefined],
    ['What does resolution 242 say?', undefined],
    ['What happened to 2000 refugees in the camps?', undefined],
    ['Were there 1984 deaths?', undefined],
    ['What will be said in 2090?', undefined],
    ['apartheid in 2021-13', undefined],
    ['What was said on 2021-02-30?', undefined],
    ['What was said in 2021-09-32?', undefined],
    ['What was said on 2021-09-10?', { from: '2021-09-10', to: '2021-09-10' }],
    ['apartheid in 2021-12', { from: '2021-12', to: '2021-12' }],
    ['What was said in 1990-1995?', { from: '1990', to: '1995' }],
    ['apartheid since 1990, not in 2021-13', { from: '1990' }],
  ];
  for (const [question, expected] of cases) {
    test(`GIVEN "${question}" THEN the period is ${JSON.stringify(expected)}`, () => {
      const period = findPeriod(question, NOW);
      assert.deepEqual(period && { ...(period.from ? { from: period.from } : {}), ...(period.to ? { to: period.to } : {}) }, expected);
    });
  }
});

describe('what is left to search for', () => {
  test('GIVEN a speaker and a year THEN neither is a keyword, nor the words that frame the question; a topic organisation is', () => {
    assert.equal(understood('What did Iran say about Iraq in 1984?').keywords, 'about Iraq');
    assert.equal(understood("What was the French delegation's view of nuclear testing in the 1990s?").keywords, 'of nuclear testing');
    assert.equal(understood('statements by Cuba on the embargo').keywords, 'by on the embargo');
    assert.equal(understood('the Soviet Union on disarmament').keywords, 'on disarmament');
    assert.equal(understood('Iran and the Soviet Union on disarmament').keywords, 'and on disarmament');
    assert.equal(understood('What do the statements say about Iran?').keywords, 'What do the statements say about Iran?');
  });

  test('GIVEN a malformed date THEN it is no period and stays in the keywords as written', () => {
    assert.deepEqual(understood('apartheid in 2021-13'), { speakers: [], topics: [], period: undefined, keywords: 'apartheid in 2021-13' });
    assert.equal(understood('What did ICOR say about the Taliban in 2021-13?').keywords, 'about the Taliban in 2021 13');
  });

  test('GIVEN a malformed date THEN its text is recorded as written, so the user can be told; a real date or a claim records none', () => {
    assert.deepEqual(understandQuestion('apartheid in 2021-13', directory, NOW).invalidDates, ['2021-13']);
    assert.deepEqual(understandQuestion('What did ICOR say on 2021-02-30 and 2021-02-30?', directory, NOW).invalidDates, ['2021-02-30']);
    const beside = understandQuestion('apartheid since 1990, not in 2021-13', directory, NOW);
    assert.deepEqual([beside.period?.from, beside.invalidDates], ['1990', ['2021-13']]);
    assert.equal(understandQuestion('apartheid in 2021-12', directory, NOW).invalidDates, undefined);
    assert.equal(understandQuestion('What was said in 1990-95?', directory, NOW).invalidDates, undefined);
    assert.equal(understandQuestion('Incidence of sepsis in the region has fallen steadily over the years 2021-13 of the survey', directory, NOW).invalidDates, undefined);
  });

  test('GIVEN a quoted phrase beside a speaker or a period THEN it stays a phrase, in its quotes, frame words and all', () => {
    assert.equal(understood('What did Iran say about "nuclear weapons" in 1984?').keywords, 'about "nuclear weapons"');
    assert.equal(understood('Iran and Iraq on “what is to be done”').keywords, 'and on “what is to be done”');
  });

  test('GIVEN hostile input THEN it is read without error and quickly', () => {
    const hostile = [
      'NEAR(ICOR "the" *) AND NOT OR title:x ^ - : " ( ) { } [ ] \u0000 \uFEFF 日本語 ईश्वर 🧨 '.repeat(150),
      'x'.repeat(10_000),
      'Iran '.repeat(2_000),
      '١٩٨٤ in ٢٠٢٠ ۱۹۸۴ Ирак Іран 2021-13-45 in 1899 since 0000',
    ];
    for (const question of hostile) {
      const started = performance.now();
      const u = understandQuestion(question, directory, NOW);
      assert.ok(performance.now() - started < 250, 'bounded time');
      assert.equal(typeof u.keywords, 'string');
    }
  });
});
