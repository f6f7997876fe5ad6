import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { UserFacingError } from '../../src/errors.js';
import { defaultUserAgent, settingsOf, webFetcherOptionsFromConfig } from '../../src/web/options.js';

describe('web fetcher options', () => {
  test('GIVEN WEB_ALLOW_HOSTS, WEB_CONTACT and limits in the environment THEN the fetcher gets them', () => {
    const options = webFetcherOptionsFromConfig(
      loadConfig({ WEB_ALLOW_HOSTS: 'wiki.internal, 10.20.0.0/16 ,,127.0.0.1', WEB_CONTACT: 'https://example.org/bot', WEB_TIMEOUT_MS: '5000', WEB_MAX_BYTES: '1048576' }),
    );
    assert.deepEqual(options.allowHosts, ['wiki.internal', '10.20.0.0/16', '127.0.0.1']);
    assert.equal(options.userAgent, 'StatementCorpusBot/0.1 (+https://example.org/bot)');
    assert.equal(options.timeoutMs, 5000);
    assert.equal(options.maxBytes, 1048576);
  });

  test('GIVEN nothing configured THEN nothing private is allowed and the User-Agent still names the bot', () => {
    const options = webFetcherOptionsFromConfig(loadConfig({}));
    assert.deepEqual(options.allowHosts, []);
    assert.equal(options.userAgent, defaultUserAgent());
    assert.match(options.userAgent!, /^StatementCorpusBot\/0\.1 \(.+\)$/);
  });

  test('GIVEN WEB_USER_AGENT THEN it replaces the User-Agent and robots.txt is read for its product name', () => {
    const settings = settingsOf(webFetcherOptionsFromConfig(loadConfig({ WEB_USER_AGENT: 'ResearchBot/2.0 (+mailto:a@example.org)' })));
    assert.equal(settings.userAgent, 'ResearchBot/2.0 (+mailto:a@example.org)');
    assert.equal(settings.robotsAgent, 'ResearchBot');
  });

  test('GIVEN no options THEN the polite defaults apply', () => {
    const settings = settingsOf({});
    assert.equal(settings.perHostIntervalMs, 1000);
    assert.equal(settings.maxRedirects, 5);
    assert.equal(settings.maxBytes, 20 * 1024 * 1024);
    assert.equal(settings.robotsAgent, 'StatementCorpusBot');
  });
});

test('GIVEN WEB_ALLOW_HOSTS entries the policy can\'t read ("*", a URL, a bad CIDR prefix, 300.1.1.1) THEN start refuses naming each, instead of ignoring them; hostnames, wildcards, IPs and CIDRs are taken', () => {
  assert.throws(
    () => loadConfig({ WEB_ALLOW_HOSTS: '*, http://wiki.internal, 10.0.0.0/99, 300.1.1.1, wiki.internal' }),
    (error: unknown) =>
      error instanceof UserFacingError &&
      ['"*"', '"http://wiki.internal"', '"10.0.0.0/99"', '"300.1.1.1"'].every((entry) => error.message.includes(`${entry} is not a hostname (*.example.org for subdomains), IP address or CIDR range such as 10.20.0.0/16`)) &&
      !error.message.includes('"wiki.internal"'),
  );
  assert.deepEqual(loadConfig({ WEB_ALLOW_HOSTS: 'wiki.internal, *.example.org,10.20.0.0/16, 127.0.0.1, ::1, fe80::/10, intranet_host.' }).WEB_ALLOW_HOSTS, ['wiki.internal', '*.example.org', '10.20.0.0/16', '127.0.0.1', '::1', 'fe80::/10', 'intranet_host.']);
});
