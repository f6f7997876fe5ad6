import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { APIAllowedMentions } from 'discord-api-types/v10';
import { commandListProblems } from './commands.js';
import { FIXTURE_IDS, USERS } from './fixtures.js';
import { resolveMentions } from './messages.js';
import { isEmptyMessage, messageBodyProblems } from './validate.js';

const users = new Map(Object.values(USERS).map((user) => [user.id, user]));
const ROLES = [FIXTURE_IDS.moderatorsRole];
const BOB = `<@${FIXTURE_IDS.bob}>`;
const MODS = `<@&${FIXTURE_IDS.moderatorsRole}>`;

const mentionCases: { name: string; content: string; allowed: APIAllowedMentions | undefined; pinged: string[]; roles: string[]; everyone: boolean }[] = [
  { name: 'no allowed_mentions parses everything', content: `${BOB} ${MODS} @everyone`, allowed: undefined, pinged: [FIXTURE_IDS.bob], roles: [FIXTURE_IDS.moderatorsRole], everyone: true },
  { name: 'parse: [] pings nobody', content: `${BOB} ${MODS} @here`, allowed: { parse: [] }, pinged: [], roles: [], everyone: false },
  { name: 'parse users only', content: `${BOB} ${MODS} @everyone`, allowed: { parse: ['users' as never] }, pinged: [FIXTURE_IDS.bob], roles: [], everyone: false },
  { name: 'an allow-listed user', content: `${BOB} <@!${FIXTURE_IDS.alice}>`, allowed: { users: [FIXTURE_IDS.alice] }, pinged: [FIXTURE_IDS.alice], roles: [], everyone: false },
  { name: 'an unknown user id is no mention', content: '<@1234567890123456789>', allowed: undefined, pinged: [], roles: [], everyone: false },
];

for (const { name, content, allowed, pinged, roles, everyone } of mentionCases) {
  test(`GIVEN ${name} THEN the message pings what Discord would`, () => {
    const resolved = resolveMentions(content, allowed, (id) => users.get(id), ROLES);
    assert.deepEqual(resolved.mentions.map((user) => user.id).sort(), pinged.sort());
    assert.deepEqual(resolved.mention_roles, roles);
    assert.equal(resolved.mention_everyone, everyone);
  });
}

const row = (...components: unknown[]) => ({ type: 1, components });
const button = (custom_id: string, label = 'Go') => ({ type: 2, style: 1, custom_id, label });

const bodyCases: { name: string; body: Record<string, unknown>; problem: RegExp | undefined }[] = [
  { name: '2,000 characters of content', body: { content: 'x'.repeat(2000) }, problem: undefined },
  { name: '2,001 characters of content', body: { content: 'x'.repeat(2001) }, problem: /content: Must be 2000 or fewer/ },
  { name: 'a 4,097-character embed description', body: { embeds: [{ description: 'd'.repeat(4097) }] }, problem: /embeds\.0\.description/ },
  { name: '26 embed fields', body: { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: 'n', value: 'v' })) }] }, problem: /embeds\.0\.fields: Must be 25/ },
  { name: 'an empty field value', body: { embeds: [{ fields: [{ name: 'n', value: '' }] }] }, problem: /embeds\.0\.fields\.0\.value: This field is required/ },
  { name: '6,001 characters across embeds', body: { embeds: [{ description: 'd'.repeat(4000) }, { description: 'd'.repeat(2001) }] }, problem: /Embed size exceeds maximum size of 6000/ },
  { name: 'an 81-character button label', body: { components: [row(button('a', 'l'.repeat(81)))] }, problem: /components\.0\.components\.0\.label/ },
  { name: 'a 101-character custom id', body: { components: [row(button('c'.repeat(101)))] }, problem: /custom_id: Must be 100/ },
  { name: 'a custom id used twice', body: { components: [row(button('same'), button('same'))] }, problem: /cannot be duplicated/ },
  { name: 'six action rows', body: { components: Array.from({ length: 6 }, (_, i) => row(button(`b${i}`))) }, problem: /components: Must be 5/ },
  { name: 'six buttons in a row', body: { components: [row(...Array.from({ length: 6 }, (_, i) => button(`b${i}`)))] }, problem: /between 1 and 5/ },
  { name: 'parse users and a users list', body: { content: 'x', allowed_mentions: { parse: ['users'], users: [FIXTURE_IDS.bob] } }, problem: /mutually exclusive/ },
];

for (const { name, body, problem } of bodyCases) {
  test(`GIVEN a message with ${name} THEN Discord ${problem ? 'refuses' : 'accepts'} it`, () => {
    const found = messageBodyProblems(body).map((p) => `${p.path.join('.')}: ${p.message}`).join('\n');
    if (problem) assert.match(found, problem);
    else assert.equal(found, '');
  });
}

test('GIVEN a body with nothing to show THEN it is empty, unless the edited message keeps something', () => {
  assert.equal(isEmptyMessage({ content: '' }), true);
  assert.equal(isEmptyMessage({ components: [] }, { content: 'kept' }), false);
  assert.equal(isEmptyMessage({ content: '' }, { content: 'kept' }), true);
  assert.equal(isEmptyMessage({}, undefined, 1), false, 'an uploaded file is something to show');
});

const commandCases: { name: string; body: unknown[]; problem: RegExp | undefined }[] = [
  { name: 'a valid command', body: [{ name: 'ask', description: 'Ask', options: [{ name: 'question', description: 'q', type: 3, required: true }] }], problem: undefined },
  { name: 'an upper-case name', body: [{ name: 'Ask', description: 'Ask' }], problem: /Command name is invalid/ },
  { name: 'a required option after an optional one', body: [{ name: 'ask', description: 'Ask', options: [{ name: 'a', description: 'a', type: 3 }, { name: 'b', description: 'b', type: 3, required: true }] }], problem: /Required options must be placed before/ },
  { name: 'choices with autocomplete', body: [{ name: 'ask', description: 'Ask', options: [{ name: 'a', description: 'a', type: 3, autocomplete: true, choices: [{ name: 'x', value: 'x' }] }] }], problem: /Autocomplete cannot be enabled/ },
  { name: 'two commands of one name', body: [{ name: 'ask', description: 'Ask' }, { name: 'ask', description: 'Again' }], problem: /must be unique/ },
  { name: 'a context menu with a description', body: [{ name: 'Ask the corpus', type: 3, description: 'no' }], problem: /cannot have a description/ },
  { name: 'a context menu with spaces and capitals', body: [{ name: 'Ask the corpus', type: 3 }], problem: undefined },
];

for (const { name, body, problem } of commandCases) {
  test(`GIVEN commands with ${name} THEN Discord ${problem ? 'refuses' : 'accepts'} them`, () => {
    const found = commandListProblems(body).map((p) => p.message).join('\n');
    if (problem) assert.match(found, problem);
    else assert.equal(found, '');
  });
}
