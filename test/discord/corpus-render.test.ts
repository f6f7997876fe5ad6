import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AddedStatement, CorpusStatus } from '../../src/corpus/admin/corpus-admin.js';
import type { FieldSource } from '../../src/store/provenance.js';
import { describeCorrection } from '../../src/discord/corpus/metadata-form.js';
import { MAX_STATEMENTS_SHOWN, renderIntake } from '../../src/discord/corpus/render-intake.js';
import { renderCorpusStatus } from '../../src/discord/corpus/render-status.js';
import { MAX_CONTENT_CHARS, MAX_CUSTOM_ID_CHARS, MAX_EMBED_CHARS_PER_MESSAGE, MAX_EMBED_TITLE_CHARS, MAX_FIELD_VALUE_CHARS } from '../../src/discord/limits.js';
import { embedLength, type MessagePayload } from '../../src/discord/payload.js';
import { HOSTILE_MENTION_SENTENCE, HOSTILE_ORGANISATION, HOSTILE_TITLE, HOSTILE_URL, HOSTILE_URL_SHOWN } from '../fixtures/hostile-statement.js';
import { assertNothingLiveBut, linksIn } from './shown-safely.js';

/** A statement as long and as hostile as metadata gets: every field thousands of characters of live Markdown. */
function hostileAdded(statementId: number): AddedStatement {
  return {
    status: 'added',
    statementId,
    slug: 'quokka-sanctuary-'.repeat(10),
    title: HOSTILE_TITLE.repeat(20),
    organisation: HOSTILE_ORGANISATION.repeat(40),
    date: '2024-02-02',
    language: 'en',
    url: HOSTILE_URL,
    passages: 12,
    // Not a source intake gives, but the renderer must not trust even these to be plain.
    fields: { title: 'page', organisation: '**admin** @everyone' as FieldSource, date: 'inferred', language: 'inferred', url: 'page' },
  };
}

function assertWithinLimits(payload: MessagePayload): void {
  assert.ok(payload.content.length <= MAX_CONTENT_CHARS);
  assert.ok(payload.embeds.reduce((sum, embed) => sum + embedLength(embed), 0) <= MAX_EMBED_CHARS_PER_MESSAGE, 'one message holds every embed');
  for (const embed of payload.embeds) {
    assert.ok((embed.title?.length ?? 0) <= MAX_EMBED_TITLE_CHARS);
    for (const field of embed.fields ?? []) assert.ok(field.value.length <= MAX_FIELD_VALUE_CHARS, `${field.name}: ${field.value.length}`);
  }
  for (const row of payload.components) for (const button of row.components) assert.ok(('custom_id' in button ? button.custom_id.length : 0) <= MAX_CUSTOM_ID_CHARS);
}

test('GIVEN a JSONL file of seven hostile statements THEN the reply shows five within Discord\'s limits, says how many more, and nothing in it is live but the bot\'s italics and plain links', () => {
  const added = Array.from({ length: 7 }, (_, i) => hostileAdded(100_000 + i));
  const payload = renderIntake(added, 'quokkas_*.jsonl');
  assertWithinLimits(payload);
  assert.equal(payload.embeds.length, MAX_STATEMENTS_SHOWN);
  assert.equal(payload.components[0]?.components.length, MAX_STATEMENTS_SHOWN, 'one "Correct metadata" button per statement shown');
  assert.match(payload.content, /^7 statements from quokkas\\_\\\*\.jsonl: 7 added\. The first 5 are shown/);
  for (const embed of payload.embeds) assertNothingLiveBut({ ...payload, embeds: [embed], components: [] }, ['italic', 'autolink']);
  assert.ok(linksIn(payload).every((link) => link === HOSTILE_URL_SHOWN));
});

test('GIVEN a status with many long, hostile changes and failures THEN each list stops within its field and nothing is live but timestamps, bold and links', () => {
  const status: CorpusStatus = {
    statements: 1234,
    passages: 56789,
    corpusVersion: 42,
    lastIngestAt: '2026-12-01T10:00:00.000Z',
    lastRefresh: { finishedAt: '2026-12-01T11:00:00.000Z', sources: 3, added: 2, changed: 1, unchanged: 40, failed: 2 },
    failing: Array.from({ length: 20 }, (_, i) => ({ url: `${HOSTILE_URL}/${i}`, reason: HOSTILE_MENTION_SENTENCE.repeat(3), lastCheckedAt: '2026-12-01T11:00:00.000Z', failures: i + 1 })),
    changes: Array.from({ length: 10 }, (_, i) => ({ at: '2026-12-01T12:00:00.000Z', actor: { id: '1', name: '@everyone **alice**' }, action: 'edit' as const, statementId: i, statementTitle: HOSTILE_TITLE, field: 'organisation', oldValue: HOSTILE_ORGANISATION.repeat(5), newValue: HOSTILE_MENTION_SENTENCE })),
  };
  const payload = renderCorpusStatus(status);
  assertWithinLimits(payload);
  assertNothingLiveBut(payload, ['timestamp', 'bold', 'autolink']);
});

test('GIVEN a correction of every field with the longest values THEN the reply fits one message and shows the values escaped', () => {
  const long = HOSTILE_MENTION_SENTENCE.repeat(20);
  const text = describeCorrection(HOSTILE_TITLE.repeat(10), ['title', 'organisation', 'date', 'language', 'url'].map((field) => ({ field: field as 'title', old: long, new: long })));
  assert.ok(text.length <= MAX_CONTENT_CHARS, String(text.length));
  assertNothingLiveBut({ content: text }, []);
});
