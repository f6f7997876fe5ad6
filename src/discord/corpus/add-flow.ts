import type { ChatInputCommandInteraction } from 'discord.js';
import type { AddedStatement } from '../../corpus/admin/corpus-admin.js';
import { readTypedMetadata, type TypedMetadata } from '../../corpus/admin/metadata-input.js';
import { BYTES_PER_MB, checkUpload } from '../../corpus/admin/upload-check.js';
import { UserFacingError } from '../../errors.js';
import type { BotContext } from '../context.js';
import { InteractionResponder } from '../respond.js';
import { escapeMarkdownText, fitRendered } from '../safe-markdown.js';
import { corpusAdminOf, refuseUnlessCorpusAdmin } from './guard.js';
import { corpusActor } from './permission.js';
import { renderIntake } from './render-intake.js';

/**
 * `/corpus add url:… | file:…` — fetch or download, ingest, and show what was
 * understood. Everything that can be checked without the network (who asks,
 * one source, the overrides, the attachment's type and size) is checked before
 * the reply is deferred; anything that fails later replaces "thinking…" with a
 * private message saying why. Nothing is dropped without a word.
 */
export async function addToCorpus(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void> {
  if (await refuseUnlessCorpusAdmin(interaction, context)) return;
  const admin = corpusAdminOf(context);
  const url = interaction.options.getString('url')?.trim() || null;
  const file = interaction.options.getAttachment('file');
  if ((url === null) === (file === null)) throw new UserFacingError('corpus_add_source', 'Give /corpus add one source: either `url` (a web page) or `file` (an attachment), not both and not neither.');
  const given: TypedMetadata = {};
  for (const field of ['title', 'organisation', 'date'] as const) {
    const value = interaction.options.getString(field);
    if (value) given[field] = value;
  }
  readTypedMetadata(given);
  if (file) checkUpload({ filename: file.name, size: file.size, contentType: file.contentType }, context.config.CORPUS_MAX_UPLOAD_MB * BYTES_PER_MB);

  const responder = InteractionResponder.for(interaction, { ephemeral: false, now: context.now });
  await responder.defer();
  const actor = corpusActor(interaction);
  let added: AddedStatement[];
  if (file) added = await admin.addUpload({ filename: file.name, url: file.url, size: file.size, contentType: file.contentType }, given, actor, context.signal);
  else added = await admin.addUrl(url!, given, actor, context.signal);
  const from = file?.name ?? url!;
  if (added.length === 0) throw new UserFacingError('nothing_added', `Nothing was added from ${fitRendered(from, 300, escapeMarkdownText)}: no statement could be read from it.`);
  context.log.info({ from, userId: actor.id, statements: added.map((s) => ({ id: s.statementId, status: s.status })) }, 'corpus add');
  await responder.send(renderIntake(added, from));
}
