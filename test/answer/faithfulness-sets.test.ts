import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { judgeAll, readLabelledSet, SETS, type Judged } from '../../bench/faithfulness.js';

/**
 * The hand-labelled sentences of bench/faithfulness-set-*.jsonl through the
 * real grounder: a change that lets more unfaithful sentences through, or
 * starts dropping faithful ones, fails here before it reaches
 * docs/benchmarks.md. The bounds leave a margin over the measured figures
 * (see docs/benchmarks.md); the target for unfaithful sentences is 0.
 */
const MIN_FAITHFUL_KEPT = 0.9;
const MAX_UNFAITHFUL_SHOWN_PER_SET = 0.17;
const MAX_UNFAITHFUL_SHOWN_OVERALL = 0.1;

const shownUnfaithful = (judged: readonly Judged[]) => judged.filter((j) => j.label === 'unfaithful' && (j.kind === 'link' ? j.linkShown : j.shown)).length;
const all: Judged[] = [];

for (const set of SETS) {
  test(`GIVEN labelled set ${set.name} THEN at least 90% of its faithful sentences are kept, at most 17% of its unfaithful ones shown, and no link no cited source carries`, async () => {
    const judged = await judgeAll(readLabelledSet(fileURLToPath(new URL(`../../bench/${set.file}`, import.meta.url))));
    all.push(...judged);
    const faithful = judged.filter((j) => j.label === 'faithful');
    const unfaithful = judged.filter((j) => j.label === 'unfaithful');
    assert.ok(faithful.length >= 50 && unfaithful.length >= 50, 'a set large enough to mean something');
    const kept = faithful.filter((j) => j.shown).length / faithful.length;
    assert.ok(kept >= MIN_FAITHFUL_KEPT, `faithful kept ${(kept * 100).toFixed(1)}%`);
    assert.ok(shownUnfaithful(judged) / unfaithful.length <= MAX_UNFAITHFUL_SHOWN_PER_SET, `unfaithful shown ${shownUnfaithful(judged)}/${unfaithful.length}`);
    for (const link of unfaithful.filter((j) => j.kind === 'link')) assert.ok(!link.linkShown, `${link.id}: its link is never shown`);
  });
}

test('GIVEN every labelled set together THEN at most 10% of the unfaithful sentences are shown', () => {
  const unfaithful = all.filter((j) => j.label === 'unfaithful').length;
  assert.ok(unfaithful >= 200, 'the sets above ran');
  assert.ok(shownUnfaithful(all) / unfaithful <= MAX_UNFAITHFUL_SHOWN_OVERALL, `unfaithful shown ${shownUnfaithful(all)}/${unfaithful}`);
});
