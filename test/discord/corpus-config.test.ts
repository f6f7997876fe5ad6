import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../../src/config.js';
import { UserFacingError } from '../../src/errors.js';

test('GIVEN CORPUS_ADMIN_USER_IDS with spaces THEN it is a list of user ids; unset, an empty list', () => {
  assert.deepEqual(loadConfig({ CORPUS_ADMIN_USER_IDS: ' 1010000000000000011, 1010000000000000012 ,' }).CORPUS_ADMIN_USER_IDS, ['1010000000000000011', '1010000000000000012']);
  assert.deepEqual(loadConfig({}).CORPUS_ADMIN_USER_IDS, []);
  assert.deepEqual([loadConfig({}).CORPUS_MAX_UPLOAD_MB, loadConfig({}).CORPUS_REFRESH_MINUTES, loadConfig({ CORPUS_REFRESH_MINUTES: '0' }).CORPUS_REFRESH_MINUTES], [10, 360, 0]);
});

test('GIVEN a user name instead of an id in CORPUS_ADMIN_USER_IDS THEN start refuses, naming the variable and not echoing the value', () => {
  assert.throws(
    () => loadConfig({ CORPUS_ADMIN_USER_IDS: '1010000000000000011,alice' }),
    (error: unknown) => error instanceof UserFacingError && /CORPUS_ADMIN_USER_IDS.*: must be user ids \(17-20 digits\) separated by commas/.test(error.message) && !error.message.includes('alice'),
  );
});
