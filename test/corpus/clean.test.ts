import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanText } from '../../src/corpus/clean.js';
import { SEEDS, seedBody } from './seeds.js';

// Fragments of real inputs: the bundled seed statements as scraped, and UN
// General Debate speeches as the corpus ships them (byte-order marks, bare CRs,
// form feeds, PDF hard wraps, running heads).

const UN_BOM_AND_BARE_CR =
  '\ufeffMr. President, it is my high honour to address you today both as the Chairman of the South Pacific Forum and as President of my country, the Federated States of Micronesia, which was admitted only a few days ago to membership in this body.\rFirst of all, Mr. President, for the South Pacific Forum and for my country, I wish to refer to the great sense of anticipation brought forth by your election to head this, the forty-sixth session of the General Assembly.';
const UN_FORM_FEED =
  'Each of those problems demands urgent attention. \nBut they are also symptoms of a broader problem: \nthe failure of our international system to keep pace \nwith an interconnected world. We, collectively, have \nnot invested adequately in the public health capacity \nof developing countries. Too often, we have failed \nto enforce international norms when it has been \n\n\n\f\ninconvenient to do so. And we have not confronted \nforcefully enough the intolerance, sectarianism and \nhopelessness that feeds violent extremism in too many \nparts of the globe.';
const UN_HARD_WRAP_WITH_PAGE_NUMBER =
  'On the eve of the\nfiftieth anniversary of the United Nations, the\nrepresentatives of the world\u2019s nations are gathered here\nwith hearts full of hope for a better future, as well as for\nthe cause of the peace and prosperity of mankind, in an\natmosphere of great enthusiasm and animation.\nThe Afghan nation, in spite of the immense\ndifficulties it has encountered, shares that optimism with\nmany of the nations represented here, as well as\nconfidence in its ability to overcome those challenges.\nWar and conflict always bring with them miseries\nand devastation. The last 17 years have taught our\nchildren only to differentiate the various sounds of guns,\nrockets, tanks and mortars, rather than teaching them\nliteracy or providing them with basic nutrition, security\nand peace of mind.\nWe turn to this world family, as an institution\ndedicated to the cause of humanity, the self-determination\nof nations, human rights and democracy, to pronounce\n6\n\n\nitself opposed to the forces aiming to create a bloodbath in\nan already devastated Afghanistan.\nWhen I return to my homeland \u2014 the home of 1.7\nmillion martyr graves, tens of millions of unexploded land-\nmines, 2 million disabled people, hundreds of thousands of\norphans and widows \u2014 I am expected to be carrying\nanswers as to why this world, which claims to be\ncommitted to human rights and justice, has remained a';
const UN_JOB_NUMBER_MID_SENTENCE =
  'Islands, such as Guanaja, Utila and Roat\u00e1n. \n However, today, all of those advances in our \neconomy and in the fight against poverty are being put \nin jeopardy by the crisis and the international scale of \nthe financial fraud that has been brought about by the \nbig multinationals in the world. The serious events that \ntoday have dragged us into a food and energy crisis \nwith high fuel prices, and the collapse of the financial \nsystems, particularly here in the United States of \n  \n \n08-51839 2 \n \nAmerica, have shown that what I and others Presidents \nare saying today are historic and irrefutable truths. \n For example, in our countries, particularly in \nHonduras, poverty and inequality are continuing to \ngrow more marked in our societies.';
const UN_RUNNING_HEAD =
  'Another example of the misuse of this international\nOrganization is the embargo imposed on Libya without any\nlegal and justified cause to permit the actions taken against\nthat country. Libya has already responded to Security\nCouncil resolution 731 (1992) and shown sufficient\nflexibility to settle its differences with the Western States, a\nmatter that would justify the lifting of the embargo imposed\non it.\n36 General Assembly - Forty-eighth session\nThe agenda items before this session include important\nissues reflecting the accelerated pace of events I mentioned\nat the beginning of my statement.';
const UN_OCR_SOFT_HYPHEN_AND_NUMBERED_PARAGRAPH =
  'On behalf of the Aus\u00actralian Government, Sir, I \ncongratulate you on your election to the \npresidency of the thirty seventh sessions of the \nGeneral Assembly. It gives me particular pleasure \nto pay a tribute to the Secretary-General, who \nhas shown great imagination and integrity in his \nfirst year in office.\n98.\tNo one can ignore the somber mood of the \nAssembly as it faces the critical issues of the \nday, particularly the terrible events of three \nweeks ago in Lebanon.';

const UN_INDENTED_PARAGRAPHS =
  'Excellency Sheikha Haya Rashed Al-Khalifa, for the \neffective and efficient manner in which she conducted \nthe business of the sixty-first session. May I also take \nthis opportunity to pledge my delegation\u2019s support to \nthe new Secretary-General, His Excellency Mr. Ban \nKi-moon, in his efforts and approach in charting out a \nvision for the Organization that will respond to the \nneeds and aspirations of the twenty-first century. \n International peace and security constitute the \nbedrock of the Organization. We have come a long way \nsince 1945 in securing peace and security in many \nparts of the world. However, a lot remains to be \naccomplished in order to have a conflict-free world.';

const cases: { name: string; raw: string; expected: string }[] = [
  {
    name: 'GIVEN a UN speech with a byte-order mark and bare CR line ends THEN two clean paragraphs',
    raw: UN_BOM_AND_BARE_CR,
    expected:
      'Mr. President, it is my high honour to address you today both as the Chairman of the South Pacific Forum and as President of my country, the Federated States of Micronesia, which was admitted only a few days ago to membership in this body.\n\nFirst of all, Mr. President, for the South Pacific Forum and for my country, I wish to refer to the great sense of anticipation brought forth by your election to head this, the forty-sixth session of the General Assembly.',
  },
  {
    name: 'GIVEN a form feed in mid-sentence THEN the sentence is mended across the page break',
    raw: UN_FORM_FEED,
    expected:
      'Each of those problems demands urgent attention. But they are also symptoms of a broader problem: the failure of our international system to keep pace with an interconnected world. We, collectively, have not invested adequately in the public health capacity of developing countries. Too often, we have failed to enforce international norms when it has been inconvenient to do so. And we have not confronted forcefully enough the intolerance, sectarianism and hopelessness that feeds violent extremism in too many parts of the globe.',
  },
  {
    name: 'GIVEN a running head between two paragraphs THEN it goes and the paragraphs stay apart',
    raw: UN_RUNNING_HEAD,
    expected:
      'Another example of the misuse of this international Organization is the embargo imposed on Libya without any legal and justified cause to permit the actions taken against that country. Libya has already responded to Security Council resolution 731 (1992) and shown sufficient flexibility to settle its differences with the Western States, a matter that would justify the lifting of the embargo imposed on it.\n\nThe agenda items before this session include important issues reflecting the accelerated pace of events I mentioned at the beginning of my statement.',
  },
  {
    name: 'GIVEN OCR soft hyphens (¬) and a numbered paragraph THEN words are whole and the number starts a paragraph',
    raw: UN_OCR_SOFT_HYPHEN_AND_NUMBERED_PARAGRAPH,
    expected:
      'On behalf of the Australian Government, Sir, I congratulate you on your election to the presidency of the thirty seventh sessions of the General Assembly. It gives me particular pleasure to pay a tribute to the Secretary-General, who has shown great imagination and integrity in his first year in office.\n\n98. No one can ignore the somber mood of the Assembly as it faces the critical issues of the day, particularly the terrible events of three weeks ago in Lebanon.',
  },
  {
    name: 'GIVEN a hard-wrapped UN speech whose paragraphs are marked by indenting THEN a full line ending a sentence still ends the paragraph',
    raw: UN_INDENTED_PARAGRAPHS,
    expected:
      'Excellency Sheikha Haya Rashed Al-Khalifa, for the effective and efficient manner in which she conducted the business of the sixty-first session. May I also take this opportunity to pledge my delegation\u2019s support to the new Secretary-General, His Excellency Mr. Ban Ki-moon, in his efforts and approach in charting out a vision for the Organization that will respond to the needs and aspirations of the twenty-first century.\n\nInternational peace and security constitute the bedrock of the Organization. We have come a long way since 1945 in securing peace and security in many parts of the world. However, a lot remains to be accomplished in order to have a conflict-free world.',
  },
  { name: 'GIVEN CRLF line ends and three blank lines THEN one blank line', raw: 'Down with Taliban!\r\n\r\n\r\n\r\nLong live international solidarity!\r\n', expected: 'Down with Taliban!\n\nLong live international solidarity!' },
  { name: 'GIVEN no-break spaces after sentences (seed 000) THEN single plain spaces', raw: 'the enemy of mankind.\u00a0 Do you think any of our lives mean anything to them?', expected: 'the enemy of mankind. Do you think any of our lives mean anything to them?' },
  { name: 'GIVEN decomposed accents THEN NFC', raw: 'Parti Communiste Proletarien de Co\u0302te d\u2019Ivoire', expected: 'Parti Communiste Proletarien de C\u00f4te d\u2019Ivoire' },
  { name: 'GIVEN control characters, including the search highlight markers THEN they are gone', raw: 'No to any \u0002imperialist\u0003 intervention!\u0007\u0000', expected: 'No to any imperialist intervention!' },
  { name: 'GIVEN zero-width characters and soft hyphens THEN words are whole', raw: 'anti\u00adimperialist \u200bunited front\ufeff', expected: 'antiimperialist united front' },
  { name: 'GIVEN zero-width non-joiners in Persian THEN they stay (they are spelling); between Latin letters they go', raw: 'ما حمله را محکوم می\u200cکنیم و خواستار آتش\u200cبس هستیم. anti\u200cwar', expected: 'ما حمله را محکوم می\u200cکنیم و خواستار آتش\u200cبس هستیم. antiwar' },
  { name: 'GIVEN Windows-1252 mojibake from the UN corpus THEN the quotes come back', raw: 'the \u00e2\u20ac\u0153zero victim\u00e2\u20ac doctrine and El Ni\u00c3\u00b1o', expected: 'the \u201czero victim\u201d doctrine and El Ni\u00f1o' },
  { name: 'GIVEN real accented words THEN nothing is "repaired"', raw: 'S\u00e3o Tom\u00e9, d\u00e9b\u00e2cle, papier-m\u00e2ch\u00e9', expected: 'S\u00e3o Tom\u00e9, d\u00e9b\u00e2cle, papier-m\u00e2ch\u00e9' },
  {
    name: 'GIVEN a UN language note and speaker label THEN only the speech remains',
    raw: 'President Bachelet Jeria (spoke in Spanish): I bring greetings from Chile.\n(spoke in English)\nWe believe in multilateralism.',
    expected: 'I bring greetings from Chile.\n\nWe believe in multilateralism.',
  },
];

for (const { name, raw, expected } of cases) {
  test(name, () => assert.equal(cleanText(raw), expected));
}

test('GIVEN a hard-wrapped UN speech with a page number inside a sentence THEN paragraphs are re-joined and real hyphens kept', () => {
  const cleaned = cleanText(UN_HARD_WRAP_WITH_PAGE_NUMBER);
  const paragraphs = cleaned.split('\n\n');
  assert.equal(paragraphs[0], 'On the eve of the fiftieth anniversary of the United Nations, the representatives of the world\u2019s nations are gathered here with hearts full of hope for a better future, as well as for the cause of the peace and prosperity of mankind, in an atmosphere of great enthusiasm and animation.');
  assert.ok(cleaned.includes('human rights and democracy, to pronounce itself opposed to the forces'), 'page number 6 removed, sentence joined');
  assert.ok(cleaned.includes('tens of millions of unexploded land-mines, 2 million'), 'a real compound keeps its hyphen');
  assert.ok(!/\n(?!\n)/.test(cleaned.replace(/\n\n/g, '')), 'no single line breaks left inside paragraphs');
});

test('GIVEN a UN job number and page break in mid-sentence THEN "United States of America" is whole again', () => {
  const cleaned = cleanText(UN_JOB_NUMBER_MID_SENTENCE);
  assert.ok(cleaned.includes('particularly here in the United States of America, have shown'));
  assert.ok(!cleaned.includes('08-51839'));
  assert.ok(cleaned.startsWith('Islands, such as Guanaja, Utila and Roat\u00e1n.\n\nHowever, today,'));
});

const hyphenation: { name: string; raw: string; expected: string }[] = [
  { name: 'a syllable break the text spells whole elsewhere', raw: wrapped('the principles of inter-\nnational law', 'respect for international law'), expected: 'the principles of international law' },
  { name: 'a real compound', raw: wrapped('the anti-\nimperialist united front', 'the united front'), expected: 'the anti-imperialist united front' },
  { name: 'a suffix that is no word', raw: wrapped('the economic develop-\nment of Africa', 'of Africa'), expected: 'the economic development of Africa' },
  { name: 'a capital after the break', raw: wrapped('the Secretary-\nGeneral of the United Nations', 'of the United Nations'), expected: 'the Secretary-General of the United Nations' },
  { name: 'a compound the text writes with its hyphen', raw: wrapped('good-\nneighbourly relations', 'our good-neighbourly policy'), expected: 'good-neighbourly relations' },
];
for (const { name, raw, expected } of hyphenation) {
  test(`GIVEN a line-end hyphen in ${name} THEN "${expected}"`, () => {
    assert.ok(cleanText(raw).includes(expected), cleanText(raw));
  });
}

/** A hard-wrapped paragraph (eight lines at a ~50-character column) with `fragment` inside and `elsewhere` later. */
function wrapped(fragment: string, elsewhere: string): string {
  return [
    'We have come to this Assembly once more to reaffirm',
    'the commitment of our people to the Charter and to',
    `${fragment} which the founders wrote down`,
    'in San Francisco, and to say that our Government will',
    'continue to work with all Member States for peace and',
    `for ${elsewhere} in every region of the world and in`,
    'particular in our own region, where the need for them',
    'is felt more strongly than ever before in our history.',
  ].join('\n');
}

test('GIVEN the JAKNA statement as scraped THEN chrome, photo captions, the editors\u2019 note and the donation appeal are gone', () => {
  const cleaned = cleanText(seedBody(SEEDS.jakna));
  assert.ok(cleaned.startsWith('Message from the New Communism Movement of Afghanistan (JAKNA) to the Ukrainian People'));
  assert.ok(cleaned.endsWith('The New Communism Movement of Afghanistan (JAKNA) March 14, 2022'), 'the statement ends at its signature');
  for (const gone of ['Skip to main content', 'Photo: AP', 'Soviet-made missile launchers parade', 'Local children look at', 'Editors', 'DONATE', 'Bob Avakian Interviews', 'Your donations']) {
    assert.ok(!cleaned.includes(gone), `"${gone}" removed`);
  }
  assert.ok(cleaned.includes('Dear Ukrainians! We, the people of Afghanistan share your grief'), 'the text around the captions stays');
});

test('GIVEN the ICOR resolution as scraped THEN site chrome is gone and the signatories stay', () => {
  const cleaned = cleanText(seedBody(SEEDS.icor));
  for (const gone of ['Skip to content', 'Personal tools', 'You are here', 'Document Actions']) assert.ok(!cleaned.includes(gone), `"${gone}" removed`);
  assert.ok(cleaned.startsWith('No to any imperialist or expansionist intervention!'));
  assert.ok(cleaned.includes('\n\nICOR Resolution, 10 September 2021\n\n'));
  assert.ok(cleaned.endsWith('Additional Signatories (Non-ICOR):\nTrotz Alledem! Deutschland'), 'a list keeps its line breaks');
});

test('GIVEN a paragraph-per-line statement (CIPOML) THEN each line is a paragraph and the signature block stays together', () => {
  const cleaned = cleanText(seedBody(SEEDS.cipoml));
  assert.ok(cleaned.startsWith('A drama is taking place in Afghanistan for the workers and the people.\n\nThe Taliban have militarily occupied'));
  assert.ok(cleaned.endsWith('International Conference of Marxist\u2013Leninist Parties and Organizations\nCoordination Committee'));
});

test('GIVEN a statement whose own text asks for help THEN nothing is cut as an appeal', () => {
  const raw = seedBody(SEEDS.anarchists);
  const cleaned = cleanText(raw);
  assert.ok(cleaned.startsWith('Help us in Our Struggle\n\n'));
  assert.ok(cleaned.endsWith('If you know a good path for our comrades to leave Afghanistan, please contact us.'));
});

test('GIVEN clean text THEN cleaning it again changes nothing', () => {
  for (const raw of [UN_BOM_AND_BARE_CR, UN_FORM_FEED, UN_HARD_WRAP_WITH_PAGE_NUMBER, UN_JOB_NUMBER_MID_SENTENCE, seedBody(SEEDS.jakna), seedBody(SEEDS.comrades)]) {
    const once = cleanText(raw);
    assert.equal(cleanText(once), once);
  }
});
