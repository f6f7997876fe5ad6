import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSeedDatabaseFile } from '../search/seed-db.js';
import { runCli } from './run-cli.js';
import { Database } from '../../src/store/database.js';
import { migrate, readMigrations } from '../../src/store/migrate.js';
import { runScript, tempDatabase } from './start-helpers.js';

const database = useSeedDatabaseFile();

test('GIVEN npm run signatories with a title THEN the statement cited, then every signatory under its group heading', async () => {
  const { code, stdout } = await runCli('src/cli/signatories.ts', ['No to any imperialist', '--db', database.path]);
  assert.equal(code, 0);
  assert.match(stdout, /^Signatories of “No to any imperialist or expansionist intervention! .*” — ICOR, 2021-09-10  \(\/statement no-to-any-imperialist[^)]*\)\n36 signatories\n\nSignatories \(as of 15 September 2021, further signatories possible\):\n  1\. PCPCI — Parti Communiste/);
  assert.match(stdout, /\n\nSubsequent signatories:\n  35\. NPCH \(ML\) — Nouveau Parti Communiste Haϊtien/);
  assert.match(stdout, /\n\nAdditional Signatories \(Non-ICOR\):\n  36\. Trotz Alledem! · Deutschland\n$/);
});

test('GIVEN npm run signatories --json THEN the statement and its rows: name, abbreviation, country, affiliation, kind, group, offsets, passage', async () => {
  const { code, stdout } = await runCli('src/cli/signatories.ts', ['Appeal to all the working people', '--json', '--db', database.path]);
  assert.equal(code, 0);
  const found = JSON.parse(stdout);
  assert.equal(found.statement.title, 'Appeal to all the working people: we must prevent the war!');
  assert.equal(found.signatories.length, 15);
  const { passageId, start, end, ...first } = found.signatories[0];
  assert.deepEqual(first, { ordinal: 0, group: null, name: 'Askar Aysin', abbreviation: null, country: 'Kazakhstan', affiliation: 'Iskra Group', kind: 'person' });
  assert.ok(Number.isInteger(passageId) && end > start);
});

test('GIVEN npm run signatories for a statement without a list, or none at all THEN it says so', async () => {
  const none = await runCli('src/cli/signatories.ts', ['Help us in Our Struggle', '--db', database.path]);
  assert.equal(none.code, 0);
  assert.match(none.stdout, /^No list of signatories was found in “Help us in Our Struggle” — Anarchists of Afghanistan, 2021-07/);
  const missing = await runCli('src/cli/signatories.ts', ['zzzz qqqq', '--db', database.path]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /No statement matches "zzzz qqqq"/);
  const usage = await runCli('src/cli/signatories.ts', ['--db', database.path]);
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /Which statement\?/);
});

test('GIVEN npm run signed with an abbreviation in lower case THEN the statements it signed and its co-signers; --json carries the same', async () => {
  const { code, stdout } = await runCli('src/cli/signed.ts', ['mlpd', '--db', database.path]);
  assert.equal(code, 0);
  assert.match(stdout, /^Signed by Marxistisch-Leninistische Partei Deutschlands \(Marxist-Leninist Party of Germany\): 1 statement\n\n1\. “No to any imperialist .*” — ICOR, 2021-09-10  \(\/statement [^)]+\)\n   listed as MLPD — Marxistisch-Leninistische/);
  assert.match(stdout, /\n\nCo-signs most often with:\n  BDP — Bloque Democratico Popular \(Popular Democratic Bloc\) \(1 statement together\)/);

  const json = JSON.parse((await runCli('src/cli/signed.ts', ['Liga Comunista', '--json', '--db', database.path])).stdout);
  assert.equal(json.total, 1);
  assert.equal(json.statements[0].signatory.country, 'Brazil');
  assert.equal(json.coSigners.length, 10);
  const nobody = await runCli('src/cli/signed.ts', ['Taliban', '--db', database.path]);
  assert.match(nobody.stdout, /No list of signatories in the corpus has “Taliban” in it/);
});

test('GIVEN npm run signed with a name typed without its accents, or in capitals THEN the organisation as the list spells it', async () => {
  for (const typed of ["Parti Communiste Proletarien de Cote d'Ivoire", 'UNION PROLÉTARIENNE MARXISTE-LÉNINISTE', 'organizacion apoyante']) {
    const { code, stdout } = await runCli('src/cli/signed.ts', [typed, '--db', database.path]);
    assert.equal(code, 0);
    assert.match(stdout, /^Signed by (Parti Communiste Proletarien de Côte d'Ivoire|Union Prolétarienne Marxiste-Léniniste|Organización Apoyante del Partido Comunista de México) .*: 1 statement\n/, typed);
  }
});

test('GIVEN npm run signed past its last page THEN it says which page is the last and how to see it, not a list with nothing in it', async () => {
  const { code, stdout } = await runCli('src/cli/signed.ts', ['mlpd', '--offset', '10', '--db', database.path]);
  assert.equal(code, 0);
  assert.match(stdout, /^Signed by Marxistisch-Leninistische Partei Deutschlands \(Marxist-Leninist Party of Germany\): 1 statement\n\nThere is no page 2: the last is 1 — npm run signed -- "mlpd" --offset 0\n\nCo-signs most often with:/);
});

test('GIVEN /signatories and /signed in the terminal session THEN the same lists, paged, with how to see the next page', async () => {
  const run = runScript('src/cli/start.ts', { DATABASE_PATH: database.path, LOG_LEVEL: 'warn' });
  run.child.stdin.end(['/signatories No to any imperialist', '/signatories No to any imperialist page:3', '/signatories Message from JAKNA', '/signed "Liga Comunista"', '/signed', 'Who signed the appeal to all the working people?', '/help', ''].join('\n'));
  assert.equal(await run.exited, 0, run.stderr());
  const out = run.stdout();
  assert.match(out, /> \/signatories No to any imperialist\n\nSignatories of “No to any imperialist[^\n]*\n36 signatories · page 1 of 3 — next: \/signatories no-to-any-[^ ]+ page:2\n\nSignatories \(as of 15 September 2021, further signatories possible\):\n  1\. PCPCI/);
  assert.match(out, /> \/signatories No to any imperialist page:3\n\n[^\n]*\n36 signatories · page 3 of 3\n\nSignatories \(as of[^\n]*\n  31\. PCP \(independiente\)/);
  assert.match(out, /> \/signatories Message from JAKNA\n\nNo list of signatories was found in “Message from JAKNA/);
  assert.match(out, /> \/signed "Liga Comunista"\n\nSigned by Liga Comunista: 1 statement\n\n1\. “Appeal to all the working people: we must prevent the war!”/);
  assert.match(out, /> \/signed\n\nWhich organisation\?/);
  assert.match(out, /> Who signed the appeal to all the working people\?\n\n12 organisations and 3 people signed “Appeal to all the working people: we must prevent the war!”, as its list of signatories gives them \[1\]:\n1\. Askar Aysin · Kazakhstan · of Iskra Group\n[\s\S]*\nSources:\n\[1\] Appeal to all the working people/);
  assert.match(out, /\/signatories <id, slug or title> page:2 {3}who signed a statement/);
});

test('GIVEN a database from before signatories (schema 7) THEN npm run signed says how to bring it up to date without adding the bundled corpus to it', async () => {
  const path = tempDatabase();
  const old = await Database.open(path);
  await migrate(old, readMigrations().filter((migration) => migration.version <= 7));
  await old.close();
  const { code, stdout, stderr } = await runCli('src/cli/signed.ts', ['MLPD', '--db', path]);
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.match(stderr, /is at schema version 7, this code needs \d+\. Bring it up to date by ingesting into it what it was built from \(unchanged statements are skipped\): npm run ingest -- --db \S+ <its folders>, or npm run ingest:ungdc -- --db \S+ for the UN General Debate Corpus; or open it once with npm start -- --db \S+\.\n$/);
  assert.doesNotMatch(stderr, /Run: npm run ingest -- --db \S+$/m, 'a bare ingest would add corpus/ to it');
});

test('GIVEN a database whose statements were stored before signatories were read THEN npm start reads them before the session begins', async () => {
  const path = tempDatabase();
  const first = runScript('src/cli/start.ts', { DATABASE_PATH: path, LOG_LEVEL: 'warn' });
  first.child.stdin.end('');
  assert.equal(await first.exited, 0, first.stderr());
  // As a database migrated from schema 7 is: statements there, no rows, the rules never run.
  const db = await Database.open(path);
  await db.run('DELETE FROM signatories');
  await db.run(`UPDATE corpus_meta SET value = '0' WHERE key = 'signatories_version'`);
  await db.close();

  const second = runScript('src/cli/start.ts', { DATABASE_PATH: path, LOG_LEVEL: 'warn' });
  second.child.stdin.end(['/signatories No to any imperialist', ''].join('\n'));
  assert.equal(await second.exited, 0, second.stderr());
  assert.match(second.stdout(), /> \/signatories No to any imperialist\n\nSignatories of “No to any imperialist[^\n]*\n36 signatories · page 1 of 3/);
});

test('GIVEN npm run ask "Who signed …?" --json THEN the answer from the rows, mode signatories, citing the statement', async () => {
  const { code, stdout } = await runCli('src/cli/ask.ts', ['Who signed the ICOR resolution on Afghanistan?', '--json', '--db', database.path]);
  assert.equal(code, 0);
  const answer = JSON.parse(stdout.trim().split('\n').at(-1)!);
  assert.equal(answer.mode, 'signatories');
  assert.match(answer.text, /^36 organisations signed “No to any imperialist/);
  assert.equal(answer.sources[0].organisation, 'ICOR');
});
