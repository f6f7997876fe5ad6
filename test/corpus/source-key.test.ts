import assert from 'node:assert/strict';
import { mkdir, mkdtemp, realpath, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { folderScope, isWithin, rootKey, sourceIn } from '../../src/corpus/source-key.js';

let scratch: string;
let project: string;

before(async () => {
  scratch = await realpath(await mkdtemp(join(tmpdir(), 'source-key-')));
  project = join(scratch, 'project');
  await mkdir(join(project, 'corpus', 'ukraine'), { recursive: true });
  await mkdir(join(scratch, 'elsewhere'));
  // The project reached through a link, as from a symlinked home folder.
  await symlink(project, join(scratch, 'project-link'));
});
after(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const rootCases: { name: string; root: () => string; projectDir?: () => string; rootName?: string; key: string | (() => string) }[] = [
  { name: 'a folder inside the project', root: () => join(project, 'corpus'), key: 'corpus' },
  { name: 'a subfolder inside the project', root: () => join(project, 'corpus', 'ukraine'), key: 'corpus/ukraine' },
  { name: 'the project folder itself', root: () => project, key: '' },
  { name: 'a folder outside the project', root: () => join(scratch, 'elsewhere'), key: () => join(scratch, 'elsewhere') },
  { name: 'a folder reached through a link to the project', root: () => join(scratch, 'project-link', 'corpus'), key: 'corpus' },
  { name: 'the corpus, with the project named through a link', root: () => join(project, 'corpus'), projectDir: () => join(scratch, 'project-link'), key: 'corpus' },
  { name: 'a named root', root: () => join(scratch, 'elsewhere'), rootName: 'ungdc', key: 'ungdc:' },
];
for (const { name, root, projectDir, rootName, key } of rootCases) {
  test(`GIVEN ${name} THEN its sources begin "${typeof key === 'string' ? key : '<absolute path>'}"`, async () => {
    assert.equal(await rootKey(root(), { projectDir: projectDir?.() ?? project, name: rootName }), typeof key === 'string' ? key : key());
  });
}

test('GIVEN a root key THEN a file under it has one source, and --prune scopes take in exactly what is under a folder', () => {
  assert.equal(sourceIn('corpus', 'ukraine/appeal.md'), 'corpus/ukraine/appeal.md');
  assert.equal(sourceIn('', 'appeal.md'), 'appeal.md');
  assert.equal(sourceIn('/data/appeals', 'appeal.md'), '/data/appeals/appeal.md');
  assert.equal(sourceIn('ungdc:', 'Session 50 - 1995/AFG_50_1995.txt'), 'ungdc:Session 50 - 1995/AFG_50_1995.txt');

  const corpus = folderScope('corpus', '');
  assert.ok(isWithin('corpus/ukraine/appeal.md', corpus));
  assert.ok(!isWithin('corpus-old/appeal.md', corpus), 'a folder whose name begins the same is another folder');
  assert.ok(isWithin('corpus/ukraine/appeal.md', folderScope('corpus', 'ukraine')));
  assert.ok(!isWithin('corpus/appeal.md', folderScope('corpus', 'ukraine')));
  const wholeProject = folderScope('', '');
  assert.ok(isWithin('corpus/appeal.md', wholeProject));
  assert.ok(!isWithin('/data/appeals/appeal.md', wholeProject), 'a folder outside the project is not in it');
  assert.ok(!isWithin('ungdc:Session 50 - 1995/AFG_50_1995.txt', wholeProject));
  assert.ok(!isWithin('unknown-root:appeal.md', wholeProject), 'statements from before 0006 are never pruned');
  assert.ok(isWithin('ungdc:Session 50 - 1995/AFG_50_1995.txt', folderScope('ungdc:', '')));
});

test('GIVEN a root name that could pass for a path, or the one kept for old statements THEN it is refused', async () => {
  await assert.rejects(rootKey(scratch, { name: 'Session 50' }));
  await assert.rejects(rootKey(scratch, { name: 'unknown-root' }));
});
