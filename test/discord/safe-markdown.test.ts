import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boldMarked, escapeHeaderText, escapeMarkdownText, escapeWithBold, fitRendered, plainLink, plainTextOf, safeUrl } from '../../src/discord/safe-markdown.js';
import { HIGHLIGHT_CLOSE as C, HIGHLIGHT_OPEN as O } from '../../src/search/highlight.js';
import { discordDisplay } from './discord-display.js';

/** [name, hostile text from a statement or a model, what Discord would make of it unescaped]. */
const HOSTILE: [string, string, string | undefined][] = [
  ['a masked link', 'see [click](https://evil.example/phish)', 'masked-link'],
  ['a masked link with an angle-bracket target', '[docs](<https://evil.example/x>) here', 'masked-link'],
  ['nested markdown', '***_~~x~~_***', 'bold'],
  ['a code fence', '```js\nalert(1)\n```', 'code-block'],
  ['inline code', 'run `rm -rf /` now', 'code'],
  ['a spoiler', 'the ||secret|| part', 'spoiler'],
  ['underline', '__under__ it', 'underline'],
  ['a heading', '# Heading', 'heading'],
  ['a smaller heading after a line', 'first line\n### Heading', 'heading'],
  ['subtext', '-# small print', 'subtext'],
  ['a quote of the rest', '>>> all of the rest', 'block-quote-rest'],
  ['a block quote', '> quoted', 'block-quote'],
  ['a bulleted list', '- one\n  * two\n+ three', 'list'],
  ['a numbered list', '1. first\n12. twelfth', 'list'],
  ['@everyone', 'hello @everyone', 'everyone'],
  ['@here', 'hello @here!', 'everyone'],
  ['a user mention', 'ask <@123>', 'user-mention'],
  ['a nickname mention', 'ask <@!123>', 'user-mention'],
  ['a role mention', 'ping <@&123>', 'role-mention'],
  ['a channel mention', 'go to <#123>', 'channel-mention'],
  ['a slash-command mention', 'use </cmd:123>', 'command-mention'],
  ['a timestamp', 'since <t:1700000000:R>', 'timestamp'],
  ['a custom emoji', 'nice <:pepe:123>', 'custom-emoji'],
  ['an animated emoji', 'nice <a:x:1>', 'custom-emoji'],
  ['an emoji shortcode', 'flag :flag_us: up', 'emoji-shortcode'],
  ['guild navigation', 'see <id:customize>', 'guild-navigation'],
  ['a bare URL', 'read https://evil.example/bare now', 'url'],
  ['an autolink', 'read <https://evil.example/auto>', 'autolink'],
  ['backslashes already in the text', 'C:\\path\\to \\*not bold\\* and a trailing \\', undefined],
  ['times and ratios', 'at 10:30:45, 3:1 against', undefined],
  ['everything in one line', '**b** _i_ [x](https://a.example) <@1> @everyone <t:1:R> <:e:2> https://b.example ||s|| `c`', 'bold'],
];

for (const [name, text, kind] of HOSTILE) {
  test(`GIVEN ${name} THEN Discord shows its characters escaped, and nothing of it is live`, () => {
    if (kind) assert.ok(discordDisplay(text).live.includes(kind), `the model sees ${kind} in the raw text: ${JSON.stringify(discordDisplay(text).live)}`);
    const escaped = escapeMarkdownText(text);
    assert.deepEqual(discordDisplay(escaped), { text, live: [] }, escaped);
    assert.equal(plainTextOf(escaped), text, 'escaping is undone exactly');
  });

  test(`GIVEN ${name} in an embed title THEN it shows literally there too`, () => {
    const escaped = escapeHeaderText(text);
    assert.deepEqual(discordDisplay(escaped, 'header'), { text, live: [] }, escaped);
  });
}

test('GIVEN text that renders nothing in a title THEN the title escapes none of it (no stray backslashes)', () => {
  assert.equal(escapeHeaderText('# Appeal - 1. @everyone [x](y) #1'), '# Appeal - 1. @everyone [x](y) #1');
});

test('GIVEN highlight markers THEN the whole text is escaped once and only the marked spans are bold', () => {
  const snippet = `see [click ${O}quokka${C}](https://evil.example/${O}phish${C}) *now*`;
  const rendered = escapeWithBold(snippet);
  assert.equal(rendered, 'see [click **quokka**]\\(https\\://evil.example/**phish**) \\*now\\*');
  assert.deepEqual(discordDisplay(rendered), { text: 'see [click quokka](https://evil.example/phish) *now*', live: ['bold', 'bold'] });
});

test('GIVEN adjacent, empty and unpaired markers THEN the bold still parses as bold', () => {
  assert.equal(boldMarked(`${O}a${C}${O}b${C} ${O}${C}c ${C}d`), '**ab** c d');
  assert.deepEqual(discordDisplay(escapeWithBold(`${O}*${C}*`)), { text: '**', live: ['bold'] });
  assert.deepEqual(discordDisplay(escapeWithBold(`x\\${O}y\\${C}z`)), { text: 'x\\y\\z', live: ['bold'] });
});

test('GIVEN rendered text with escapes and bold THEN plainTextOf gives back the plain text', () => {
  assert.equal(plainTextOf(escapeWithBold(`${O}ICOR${C}, 2021 [1]:\n> see [x](https://e.example) \\o/`)), 'ICOR, 2021 [1]:\n> see [x](https://e.example) \\o/');
});

test('GIVEN text whose escaped form is too long THEN the plain text is cut, never an escape', () => {
  const text = '*'.repeat(30);
  const fitted = fitRendered(text, 21, escapeMarkdownText);
  assert.ok(fitted.length <= 21);
  assert.deepEqual(discordDisplay(fitted).live, []);
  assert.equal(discordDisplay(fitted).text, `${'*'.repeat(9)}…`);
});

const URLS: [string, string | null | undefined, string | undefined][] = [
  ['a plain https URL', 'https://icor.info/2021/no-to-intervention', 'https://icor.info/2021/no-to-intervention'],
  ['a URL that would close the link early', 'https://evil.example/a>b c?q=<x>', 'https://evil.example/a%3Eb%20c?q=%3Cx%3E'],
  ['a javascript: URL', 'javascript:alert(1)', undefined],
  ['a relative path', '/statements/1', undefined],
  ['nothing', null, undefined],
  ['a page of query string', `https://e.example/?${'q'.repeat(600)}`, undefined],
];

for (const [name, url, expected] of URLS) {
  test(`GIVEN ${name} as a statement URL THEN the link target is ${expected ?? 'none'}`, () => {
    assert.equal(safeUrl(url), expected);
    assert.equal(plainLink(url), expected ? `<${expected}>` : '');
    if (expected) assert.deepEqual(discordDisplay(plainLink(url)).live, ['autolink']);
  });
}
