import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useSeedRetriever } from './seed-db.js';

const seeded = useSeedRetriever();

test('GIVEN the ICOR resolution by id THEN its 36 signatories come in order, each with the passage holding its entry', async () => {
  const icor = (await seeded.retriever.search('imperialist intervention Afghanistan ICOR')).hits.find((hit) => hit.statement.organisation === 'ICOR')!.statement;
  const listed = (await seeded.retriever.signatories(icor.id))!;
  assert.equal(listed.statement.slug, icor.slug);
  assert.equal(listed.signatories.length, 36);
  assert.deepEqual(listed.signatories.slice(16, 17).map((s) => [s.abbreviation, s.name]), [['MLPD', 'Marxistisch-Leninistische Partei Deutschlands (Marxist-Leninist Party of Germany)']]);
  for (const signatory of listed.signatories) {
    const passage = await seeded.retriever.getPassageInContext(signatory.passageId!, 0);
    assert.ok(passage?.passage.text.includes(signatory.name.slice(0, 20)), `the passage of ${signatory.name} holds it`);
  }
});

test('GIVEN a statement without a list, or no statement THEN no signatories, or nothing', async () => {
  const jakna = (await seeded.retriever.search('JAKNA Ukrainian people')).hits[0]!.statement;
  assert.deepEqual((await seeded.retriever.signatories(jakna.slug))!.signatories, []);
  assert.equal(await seeded.retriever.signatories('no-such-statement'), undefined);
});

test('GIVEN an organisation by abbreviation in any case, or by name THEN the statements it signed, and who co-signs with it', async () => {
  const byAbbreviation = await seeded.retriever.signedBy('mlpd');
  assert.equal(byAbbreviation.total, 1);
  assert.equal(byAbbreviation.statements[0]!.statement.organisation, 'ICOR');
  assert.equal(byAbbreviation.statements[0]!.signatory.abbreviation, 'MLPD');
  assert.equal(byAbbreviation.coSigners.length, 10);
  assert.ok(byAbbreviation.coSigners.every((co) => co.statements === 1 && co.name !== byAbbreviation.statements[0]!.signatory.name));

  const byName = await seeded.retriever.signedBy('Liga Comunista');
  assert.deepEqual([byName.total, byName.names], [1, ['Liga Comunista']]);
  assert.equal(byName.statements[0]!.statement.title, 'Appeal to all the working people: we must prevent the war!');
  assert.equal(byName.coSigners.length, 10, 'its co-signers, though none of them gives an abbreviation');
  assert.ok(!byName.coSigners.some((co) => co.name === 'Liga Comunista'));
  assert.deepEqual((await seeded.retriever.signedBy('Taliban')).total, 0);
});

test('GIVEN what is typed into /signed THEN names or abbreviations starting with it come first, then names with a word starting with it', async () => {
  const suggested = await seeded.retriever.suggestSignatories('comm');
  assert.ok(suggested.length > 3);
  assert.ok(suggested[0]!.name.startsWith('Communist'));
  assert.ok(suggested.some((s) => s.name === 'Nepal Communist Party (Mashal)'));
  assert.deepEqual((await seeded.retriever.suggestSignatories('MLP')).map((s) => s.abbreviation), ['MLPD']);
});
