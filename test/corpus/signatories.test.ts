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
