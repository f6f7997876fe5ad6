import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractSignatories } from '../../src/corpus/signatories.js';
import { parseSignatoryEntry } from '../../src/corpus/signatory-entry.js';
import { cleanText } from '../../src/corpus/clean.js';
import { SEEDS, seedBody } from './seeds.js';

/** [abbreviation, name, country] of each entry, as a reader of the list would write them down. */
type Expected = [string | null, string, string | null];

const ICOR_FIRST = 'Signatories (as of 15 September 2021, further signatories possible)';
const ICOR_EXPECTED: Expected[] = [
  ['PCPCI', "Parti Communiste Proletarien de Côte d'Ivoire (Proletarian Communist Party of Ivory Coast)", null],
  ['ORC', 'Organisation Révolutionnaire du Congo (Revolutionary Organization of Congo)', 'Democratic Republic of the Congo'],
  ['UPC-Manidem', 'Union des Populations du Cameroun - Manifeste National pour l’Instauration de la Démocratie (Union of Populations of Cameroon - National Manifesto for the Establishment of Democracy)', null],
  ['MMLPL', 'Moroccan Marxist-Leninist Proletarian Line', null],
  ['CPSA (ML)', 'Communist Party of South Africa (Marxist-Leninist)', null],
  ['PCT', 'Parti Comuniste du Togo (Communist Party of Togo)', null],
  ['PPDS', 'Parti Patriotique Démocratique Socialiste (Patriotic Democratic Socialist Party)', 'Tunisia'],
  ['MLOA', 'Marxist-Leninist Organization of Afghanistan', null],
  ['CPB', 'Communist Party of Bangladesh', null],
  ['CPI (ML) Red Star', 'Communist Party of India (Marxist-Leninist) Red Star', null],
  ['Ranjbaran', 'Hezb-e Ranjbaran-e Iran (Proletarian Party of Iran)', null],
  ['NCP (Mashal)', 'Nepal Communist Party (Mashal)', null],
  ['PPRF', 'Patriotic Peoples Republican Front of Nepal', null],
  ['NDMLP', 'New-Democratic Marxist-Leninist Party', 'Sri Lanka'],
  ['CPA/ML', 'Communist Party of Australia (Marxist-Leninist)', null],
  ['PR-ByH', 'Partija Rada - ByH (Party of Labor - Bosnia and Herzegovina)', null],
  ['MLPD', 'Marxistisch-Leninistische Partei Deutschlands (Marxist-Leninist Party of Germany)', null],
  ['UC', 'Unité Communiste (Communist United)', 'France'],
  ['UPML', 'Union Prolétarienne Marxiste-Léniniste (Marxist-Leninist Proletarian Union)', 'France'],
  ['BP (NK-T)', 'Bolşevik Parti (Kuzey Kürdistan-Türkiye) (Bolshevik Party (North Kurdistan-Turkey))', null],
  ['KOL', 'Kommunistische Organisation Luxemburg (Communist Organization of Luxemburg)', null],
  ['RM', 'Rode Morgen (Red Dawn)', 'Netherlands'],
  ['UMLP', 'União Marxista-Leninista Portuguesa (Portuguese Marxist-Leninist Union)', null],
  ['MLGS', 'Marxistisch-Leninistische Gruppe Schweiz (Marxist-Leninist Group of Switzerland)', null],
  ['TKP-ML', 'Türkiye Komünist Partisi – Marksist-Leninist (Communist Party of Turkey – Marxist-Leninist)', null],
  ['MLKP', 'Marksist Leninist Komünist Parti Türkiye / Kürdistan (Marxist Leninist Communist Party Turkey / Kurdistan)', null],
  ['KSRD', 'Koordinazionnyj Sowjet Rabotschewo Dvizhenija (Coordination Council of the Workers Class Movement)', 'Ukraine'],
  ['UoC', 'Union of Cypriots', 'Cyprus'],
  ['PCC-M', 'Partido Comunista de Colombia – Maoista (Communist Party of Colombia - Maoist)', null],
  ['OAPCM', 'Organización Apoyante del Partido Comunista de México (Supporting Organization of the Communist Party of Mexico)', null],
  ['PCP (independiente)', 'Partido Comunista Paraguayo (independiente) (Paraguayan Communist Party (independent))', null],
  ['PC (ML)', 'Partido Comunista (Marxista Leninista) (Communist Party (Marxist-Leninist))', 'Dominican Republic'],
  ['PCR-U', 'Partido Comunista Revolucionario del Uruguay (Revolutionary Communist Party of Uruguay)', null],
  ['BDP', 'Bloque Democratico Popular (Popular Democratic Bloc)', 'Peru'],
  ['NPCH (ML)', 'Nouveau Parti Communiste Haϊtien (Marxiste-Léniniste) (New Communist Party of Haiti (Marxist-Leninist))', null],
  [null, 'Trotz Alledem!', 'Deutschland'],
];

/** The appeal's fifteen: [name, country, affiliation, kind]. */
const APPEAL_EXPECTED: [string, string | null, string | null, 'person' | 'organisation'][] = [
  ['Askar Aysin', 'Kazakhstan', 'Iskra Group', 'person'],
  ['Botagoz Datkhabaeva', 'Kazakhstan', null, 'person'],
  ['Alexandr Naydenko', 'Russia', null, 'person'],
  ['Anti imperialist front', 'Belarus', null, 'organisation'],
  ['MadaarSorkh – Iranian communist collective', null, null, 'organisation'],
  ['United International Anti-Imperialist Anti-Fascist Front', null, null, 'organisation'],
  ['Bulgarian Slavic movement', null, null, 'organisation'],
  ['Public organization “OPLOT Bulgaria”', null, null, 'organisation'],
  ['Laboratory of the Future', null, null, 'organisation'],
  ['Patriotic public association “Fatherland”', 'Belarus', null, 'organisation'],
  ['Public Association “For Democracy, Social Progress and Justice”', 'Belarus', null, 'organisation'],
  ['Consistent Democrats', 'Great Britain', 'LCFI', 'organisation'],
  ['Liga Comunista', 'Brazil', 'LCFI', 'organisation'],
  ['Tendencia Militante Bolchevique', 'Argentina', 'LCFI', 'organisation'],
  ['Socialist Workers League', 'United States', 'LCFI', 'organisation'],
];

test('GIVEN the ICOR resolution THEN its 36 signatories are read entry by entry, in their three groups', () => {
  const text = cleanText(seedBody(SEEDS.icor));
  const found = extractSignatories(text);
  assert.deepEqual(
    found.map((s) => [s.abbreviation, s.name, s.country]),
    ICOR_EXPECTED,
  );
  assert.deepEqual(found.map((s) => s.ordinal), ICOR_EXPECTED.map((_, index) => index));
  assert.deepEqual(
    found.map((s) => s.group),
    [...Array<string>(34).fill(ICOR_FIRST), 'Subsequent signatories', 'Additional Signatories (Non-ICOR)'],
  );
  assert.ok(found.every((s) => s.kind === 'organisation' && s.affiliation === null));
  assert.equal(text.slice(found[9]!.start, found[9]!.end), 'CPI (ML) Red Star Communist Party of India (Marxist-Leninist) Red Star', 'offsets point at the entry as written');
});

test('GIVEN the appeal against war THEN its fifteen signatories are read, people and organisations, with the countries in brackets', () => {
  const text = cleanText(seedBody(SEEDS.comrades));
  const found = extractSignatories(text);
  assert.deepEqual(
    found.map((s) => [s.name, s.country, s.affiliation, s.kind]),
    APPEAL_EXPECTED,
  );
  assert.ok(found.every((s) => s.group === null && s.abbreviation === null), 'the list has no heading and gives no abbreviations');
  assert.equal(text.slice(found[1]!.start, found[1]!.end), 'Botagoz Datkhabaeva (Kazakhstan),');
});

for (const name of [SEEDS.jakna, SEEDS.anarchists, SEEDS.cipoml]) {
  test(`GIVEN ${name}, which lists no signatories THEN none are read`, () => {
    assert.deepEqual(extractSignatories(cleanText(seedBody(name))), []);
  });
}

const NOT_LISTS: [string, string][] = [
  ['a numbered list of demands', 'We demand:\n\n1. Withdraw all troops from Afghanistan.\n2. Open the borders to refugees.\n3. Stop all deportations now.\n'],
  ['prose naming organisations', 'The MLPD, the CPB and the Union of Cypriots joined the protest, as did the Socialist Workers League (United States).\n\nSolidarity!'],
  [
    'a sentence about signatories, then demands',
    'We call on all signatories of the treaty to act:\n\n• stop the bombing of civilians;\n• open the corridors;\n• release the prisoners of war.',
  ],
  ['a list in the middle of the text after a mention', 'The signatories agree on the following:\n\n• Peace\n• Bread\n• Land\n\nThis is the end of our statement, and it is prose.'],
  ['a signatory heading followed by prose', 'Signatories:\n\nWe will publish the list of signatories once the consultation of our member parties is over, in the coming weeks.'],
];

for (const [what, text] of NOT_LISTS) {
  test(`GIVEN ${what} THEN no signatories are invented`, () => {
    assert.deepEqual(extractSignatories(text), []);
  });
}

test('GIVEN a "Signed by:" heading with one organisation a line THEN each line is an entry, up to the prose after it', () => {
  const text = 'Stop the war!\n\nSigned by:\nRevolutionary Youth League, Kenya\nMarxist Workers Group (MWG)\n\nWe invite others to join this call before the conference on 3 May.';
  assert.deepEqual(
    extractSignatories(text).map((s) => [s.group, s.name, s.country]),
    [
      ['Signed by', 'Revolutionary Youth League', 'Kenya'],
      ['Signed by', 'Marxist Workers Group (MWG)', null],
    ],
  );
});

const ENTRIES: [string, { name: string; abbreviation?: string; country?: string; kind?: 'person' | 'organisation' }][] = [
  ['Jane Doe (Ireland)', { name: 'Jane Doe', country: 'Ireland', kind: 'person' }],
  ['Partido Obrero, Argentina', { name: 'Partido Obrero', country: 'Argentina' }],
  ['Revolutionary Front of Nepal', { name: 'Revolutionary Front of Nepal' }],
  ['KPD Kommunistische Partei Deutschlands', { name: 'Kommunistische Partei Deutschlands', abbreviation: 'KPD' }],
];
for (const [entry, expected] of ENTRIES) {
  test(`GIVEN the entry "${entry}" THEN it reads as ${JSON.stringify(expected)}`, () => {
    const parsed = parseSignatoryEntry(entry)!;
    assert.deepEqual(
      { name: parsed.name, abbreviation: parsed.abbreviation, country: parsed.country, kind: parsed.kind },
      { abbreviation: null, country: null, kind: 'organisation', ...expected },
    );
  });
}

test('GIVEN "Signed by:" with its list on the same line THEN each entry is read, a dash or comma country kept with its entry', () => {
  const text = 'Stop the war!\n\nSigned by: Party of Labour (PL), Revolutionary Youth Movement, Union of Cypriots – Cyprus, Communist Party of Turkey, Germany.';
  const found = extractSignatories(text);
  assert.deepEqual(
    found.map((s) => [s.group, s.name, s.country, s.kind]),
    [
      ['Signed by', 'Party of Labour (PL)', null, 'organisation'],
      ['Signed by', 'Revolutionary Youth Movement', null, 'organisation'],
      ['Signed by', 'Union of Cypriots', 'Cyprus', 'organisation'],
      ['Signed by', 'Communist Party of Turkey', 'Germany', 'organisation'],
    ],
  );
  assert.deepEqual(found.map((s) => s.ordinal), [0, 1, 2, 3]);
  assert.equal(text.slice(found[3]!.start, found[3]!.end), 'Communist Party of Turkey, Germany', 'offsets point at the entry as written, without the closing full stop');
});

test('GIVEN "Signatories:" with entries separated by semicolons THEN commas inside an entry and brackets are not split', () => {
  const text = 'Peace now.\n\nSignatories: Marxist Workers Group (MWG, founded 1999); Revolutionary Youth League, Kenya; John Smith, Professor, University of Leeds';
  assert.deepEqual(
    extractSignatories(text).map((s) => [s.name, s.country, s.affiliation, s.kind]),
    [
      ['Marxist Workers Group (MWG, founded 1999)', null, null, 'organisation'],
      ['Revolutionary Youth League', 'Kenya', null, 'organisation'],
      ['John Smith', null, 'Professor, University of Leeds', 'person'],
    ],
  );
});

test('GIVEN a signatory heading, then its list as one paragraph THEN the paragraph is split into entries, and the prose after it is left', () => {
  const text = 'Peace now.\n\nSignatories:\nCommunist Party of Austria, Marxist Workers Group (MWG), Revolutionary Youth League, Kenya.\n\nMore organisations will join in the coming weeks.';
  assert.deepEqual(
    extractSignatories(text).map((s) => [s.group, s.name, s.country]),
    [
      ['Signatories', 'Communist Party of Austria', null],
      ['Signatories', 'Marxist Workers Group (MWG)', null],
      ['Signatories', 'Revolutionary Youth League', 'Kenya'],
    ],
  );
});

test('GIVEN an inline list wrapped over lines after its commas THEN it is read as one list, up to the blank line', () => {
  const sameLine = 'Peace now.\n\nSigned by: Communist Party of Austria, Marxist Workers Group (MWG),\nRevolutionary Youth League, Kenya.\n\nJoin us.';
  const paragraph = 'Peace now.\n\nSignatories:\nParty of Labour,\nRed Youth Collective,\nSocialist League, Malta.\n\nJoin us.';
  assert.deepEqual(
    extractSignatories(sameLine).map((s) => [s.name, s.country]),
    [
      ['Communist Party of Austria', null],
      ['Marxist Workers Group (MWG)', null],
      ['Revolutionary Youth League', 'Kenya'],
    ],
  );
  assert.deepEqual(
    extractSignatories(paragraph).map((s) => [s.name, s.country]),
    [
      ['Party of Labour', null],
      ['Red Youth Collective', null],
      ['Socialist League', 'Malta'],
    ],
  );
});

test('GIVEN an inline list of people with their roles, split on commas THEN each role and affiliation stays with its person', () => {
  const text = 'Signed by: John Smith, Professor, University of Leeds, Jane Doe (Member of Parliament, Ireland), Socialist Workers League';
  assert.deepEqual(
    extractSignatories(text).map((s) => [s.name, s.country, s.affiliation, s.kind]),
    [
      ['John Smith', null, 'Professor, University of Leeds', 'person'],
      ['Jane Doe', 'Ireland', 'Member of Parliament', 'person'],
      ['Socialist Workers League', null, null, 'organisation'],
    ],
  );
});

const NOT_INLINE_LISTS: [string, string][] = [
  ['a running sentence about who signed', 'The statement was signed by many parties, including the MLPD, the CPB and the Union of Cypriots.\n\nSolidarity!'],
  ['"Signed by:" followed by a clause', 'Signed by: many parties, including the MLPD, the CPB and the Union of Cypriots.'],
  ['"Signatories:" followed by a sentence', 'Signatories: We will publish the list later, once the member parties have agreed on it.'],
  ['"Signatories:" followed by a sentence naming organisations', 'Signatories: The MLPD, the CPB and the Union of Cypriots joined the protest, as did others.'],
  ['a count of signatures', 'Signatures: 1,200 so far, and counting.'],
  ['a place and date of signing', 'Signed: Berlin, 15 September 2021'],
  ['a single organisation after "Signed by:"', 'Signed by: Central Committee of the MLPD'],
  ['a signatory heading followed by one sentence with commas', 'Signatories:\n\nThe list, which grows every day, will be published here soon.'],
  ['a UN speech speaking of "the signatories:"', 'The success of the peace plan stemmed from the double commitment of the signatories: to cease hostilities, and to address their root causes.'],
];

for (const [what, text] of NOT_INLINE_LISTS) {
  test(`GIVEN ${what} THEN no signatories are invented`, () => {
    assert.deepEqual(extractSignatories(text), []);
  });
}

const PEOPLE: [string, { name: string; country: string | null; affiliation: string | null; kind: 'person' | 'organisation' }][] = [
  ['John Smith, Professor, University of Leeds', { name: 'John Smith', country: null, affiliation: 'Professor, University of Leeds', kind: 'person' }],
  ['Jane Doe (Member of Parliament, Ireland)', { name: 'Jane Doe', country: 'Ireland', affiliation: 'Member of Parliament', kind: 'person' }],
  ['Jane Doe, MP (Ireland)', { name: 'Jane Doe', country: 'Ireland', affiliation: 'MP', kind: 'person' }],
  ['Ana María López, Diputada, Congreso de Colombia, Colombia', { name: 'Ana María López', country: 'Colombia', affiliation: 'Diputada, Congreso de Colombia', kind: 'person' }],
  // Not a person's name (an organisation word), or no role after it: read as before.
  ['Red Dawn Collective, Editor Board', { name: 'Red Dawn Collective, Editor Board', country: null, affiliation: null, kind: 'organisation' }],
  ['John Smith, University of Leeds', { name: 'John Smith, University of Leeds', country: null, affiliation: null, kind: 'organisation' }],
  ['Workers Party (Member of ICOR, Ireland)', { name: 'Workers Party (Member of ICOR, Ireland)', country: null, affiliation: null, kind: 'organisation' }],
];
for (const [entry, expected] of PEOPLE) {
  test(`GIVEN the entry "${entry}" THEN it reads as a ${expected.kind}${expected.affiliation ? ` with "${expected.affiliation}"` : ''}`, () => {
    const parsed = parseSignatoryEntry(entry)!;
    assert.deepEqual({ name: parsed.name, country: parsed.country, affiliation: parsed.affiliation, kind: parsed.kind }, expected);
  });
}
