import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanText } from '../../src/corpus/clean.js';
import { findDates, normaliseDate } from '../../src/corpus/dates.js';
import { inferMetadata, type InferredMetadata } from '../../src/corpus/metadata.js';
import { SEEDS, seedBody } from './seeds.js';

// What the heuristics read from each seed's scraped text alone (no front matter).
const seeds: { seed: keyof typeof SEEDS; expected: InferredMetadata }[] = [
  {
    seed: 'jakna',
    expected: {
      title: 'Message from the New Communism Movement of Afghanistan (JAKNA) to the Ukrainian People in the Line of Fire of an Imperialist Invasion and War!',
      organisation: 'New Communism Movement of Afghanistan (JAKNA)',
      date: '2022-03-14',
      language: 'en',
    },
  },
  {
    seed: 'icor',
    expected: {
      title: 'No to any imperialist or expansionist intervention! The workers and women, the people of Afghanistan can only liberate themselves!',
      organisation: 'ICOR',
      date: '2021-09-10',
      language: 'en',
    },
  },
  // Names no organisation; "as of July 10th, 2021" dates it to the month, not the day.
  { seed: 'anarchists', expected: { title: 'Help us in Our Struggle', organisation: '', date: '2021-07', language: 'en' } },
  // No date anywhere in the text: none is made up.
  {
    seed: 'cipoml',
    expected: {
      title: 'A drama is taking place in Afghanistan for the workers and the people',
      organisation: 'International Conference of Marxist\u2013Leninist Parties and Organizations, Coordination Committee',
      date: null,
      language: 'en',
    },
  },
  {
    seed: 'comrades',
    expected: {
      title: 'Appeal to all the working people, workers\u2019 movements, the communist movement, and all progressive humankind!',
      organisation:
        'Iskra Group: Askar Aysin (Kazakhstan); Botagoz Datkhabaeva (Kazakhstan); Alexandr Naydenko (Russia); Anti imperialist front \u2013 Belarus; MadaarSorkh \u2013 Iranian communist collective; United International Anti-Imperialist Anti-Fascist Front; Bulgarian Slavic movement; Public organization \u201cOPLOT Bulgaria\u201d; and 7 more',
      date: null,
      language: 'en',
    },
  },
];

for (const { seed, expected } of seeds) {
  test(`GIVEN the ${seed} seed without front matter THEN its title, organisation, date and language are read from the text`, () => {
    assert.deepEqual(inferMetadata(cleanText(seedBody(SEEDS[seed]))), expected);
  });
}

const unSpeeches: { name: string; text: string; expected: Partial<InferredMetadata> }[] = [
  {
    name: 'a UN speech opening with a salutation and ending with thanks',
    text: 'Mr. President,\n\nI congratulate you on your election. The United Nations was born from a combination of the essential needs of nations for stability and security.\n\nThank you.',
    expected: { title: '', organisation: '', date: null, language: 'en' },
  },
  {
    name: 'a UN speech that mentions 11 September 2001 in passing',
    text: 'Since the attacks of 11 September 2001 the world has changed. We, the members of this Assembly, must respond together and with resolve to the threat of terrorism in all its forms.',
    expected: { organisation: '', date: null },
  },
];
for (const { name, text, expected } of unSpeeches) {
  test(`GIVEN ${name} THEN nothing is invented`, () => {
    const inferred = inferMetadata(text);
    for (const [key, value] of Object.entries(expected)) assert.equal(inferred[key as keyof InferredMetadata], value, key);
  });
}

test('GIVEN a byline "<Org> Statement, <date>" THEN organisation and day come from it', () => {
  const inferred = inferMetadata('Solidarity with the people of Ukraine\n\nMLPD Statement, 24 February 2022\n\nThe MLPD condemns the invasion.');
  assert.equal(inferred.organisation, 'MLPD');
  assert.equal(inferred.date, '2022-02-24');
});

const dates: [string, string | undefined][] = [
  ['10 September 2021', '2021-09-10'],
  ['March 14, 2022', '2022-03-14'],
  ['July 10th, 2021', '2021-07-10'],
  ['2021-09-10', '2021-09-10'],
  ['2021-07', '2021-07'],
  ['1995', '1995'],
  ['2021-02-30', undefined],
  ['31 April 2021', undefined],
  ['next spring', undefined],
];
for (const [written, iso] of dates) {
  test(`GIVEN the date "${written}" THEN ${iso ?? 'no date'}`, () => assert.equal(normaliseDate(written), iso));
}

test('GIVEN a sentence with several dates THEN each is found once, in order', () => {
  assert.deepEqual(
    findDates('ICOR Resolution, 10 September 2021 (after 11 September 2001), as of September 2021').map((date) => date.iso),
    ['2021-09-10', '2001-09-11', '2021-09'],
  );
});

// A statement's language is read from its text when no front matter or manifest gives it.
const languages: [string, string, string | null][] = [
  ['English', 'The ICOR supports the revolutionary and democratic parties and organizations in Afghanistan, which now conduct the struggle for liberation under most difficult conditions.', 'en'],
  ['French', 'Le peuple afghan a besoin de l’aide internationale pour reconstruire le pays. Nous sommes solidaires de la lutte des femmes et des travailleurs qui sont dans une situation difficile.', 'fr'],
  ['Spanish', 'El pueblo afgano necesita ayuda internacional para reconstruir el país. Estamos con la lucha de las mujeres y de los trabajadores que se encuentran en una situación difícil por la guerra.', 'es'],
  ['German', 'Das afghanische Volk braucht internationale Hilfe, um das Land wieder aufzubauen. Wir sind solidarisch mit dem Kampf der Frauen und der Arbeiter, die sich in einer schwierigen Lage befinden.', 'de'],
  ['Russian', 'Мы, группа товарищей из Беларуси, Казахстана, Украины и России, обращаемся к вам: мы должны не допустить войну! Нет войне, которую готовят западные империалисты, и это не наша война.', 'ru'],
  ['Ukrainian', 'Ми, робітники Харкова і Львова, звертаємося до вас: зупиніть війну! Ця війна ведеться не в інтересах народу, а в інтересах олігархів обох країн.', 'uk'],
  ['Persian', 'ما تجاوز ارتش روسیه به اوکراین را محکوم می‌کنیم. این جنگ بر دوش کارگران هر دو کشور پیش می‌رود.', 'fa'],
  ['Pashto', 'موږ پر اوکراین د روسیې د پوځ یرغل په کلکه غندو. دا جګړه د دواړو هېوادونو د کارګرانو پر اوږو روانه ده.', 'ps'],
  ['Arabic', 'ندين بأشد العبارات غزو الجيش الروسي لأوكرانيا. هذه الحرب تخاض على حساب عمال البلدين.', 'ar'],
  ['Turkish', 'Rus ordusunun Ukrayna’yı işgalini en güçlü şekilde kınıyoruz. Bu savaş iki ülkenin işçilerinin sırtından yürütülüyor.', 'tr'],
  // The old function-word lists needed 20 words; three plain English ones say enough.
  ['a short English slogan', 'Down with Taliban!', 'en'],
  ['names and a year only', 'Taliban, NATO, Kabul 2021', null],
];
for (const [name, text, expected] of languages) {
  test(`GIVEN ${name} text without metadata THEN language ${expected ?? 'unknown'}`, () => assert.equal(inferMetadata(text).language, expected));
}
