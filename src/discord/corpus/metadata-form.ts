import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData, type APITextInputComponent, type ButtonInteraction, type ModalSubmitInteraction } from 'discord.js';
import type { TypedMetadata } from '../../corpus/admin/metadata-input.js';
import { UserFacingError } from '../../errors.js';
import { METADATA_FIELDS, type FieldChange, type MetadataField } from '../../store/statement-admin.js';
import type { StatementMetadata } from '../../store/records.js';
import type { BotContext } from '../context.js';
import { encodeButtonId } from '../custom-id.js';
import { textPayload } from '../payload.js';
import { InteractionResponder } from '../respond.js';
import { escapeMarkdownText, fitRendered } from '../safe-markdown.js';
import { corpusAdminOf, refuseUnlessCorpusAdmin } from './guard.js';
import { corpusActor } from './permission.js';

/** Each field of the form: its label (≤ 45 characters), longest value, and a hint of the format. */
const INPUTS: Record<MetadataField, { label: string; maxLength: number; placeholder?: string }> = {
  title: { label: 'Title', maxLength: 2_000 },
  organisation: { label: 'Organisation or signatories (empty: unknown)', maxLength: 2_000 },
  date: { label: 'Date (YYYY, YYYY-MM or YYYY-MM-DD)', maxLength: 40, placeholder: '2021-09-10' },
  language: { label: 'Language code (e.g. en, fr, de)', maxLength: 10, placeholder: 'en' },
  url: { label: 'Source URL', maxLength: 2_000, placeholder: 'https://…' },
};

/** The form, prefilled with what the statement has; its custom id names the statement, so it needs no stored state. */
export function metadataForm(statementId: number, current: StatementMetadata): APIModalInteractionResponseCallbackData {
  return {
    custom_id: encodeButtonId({ action: 'corpus-edit', key: String(statementId), arg: 'form' }),
    title: 'Correct metadata',
    components: METADATA_FIELDS.map((field) => {
      const { label, maxLength, placeholder } = INPUTS[field];
      const value = (current[field] ?? '').slice(0, maxLength);
      const input: APITextInputComponent = {
        type: ComponentType.TextInput,
        custom_id: field,
        label,
        style: TextInputStyle.Short,
        required: field === 'title',
        max_length: maxLength,
        ...(value ? { value } : {}),
        ...(placeholder ? { placeholder } : {}),
      };
      return { type: ComponentType.ActionRow, components: [input] };
    }),
  };
}

/** "Correct metadata" under what /corpus add understood: the form, for administrators only (checked again here). */
export async function openMetadataForm(interaction: ButtonInteraction, context: BotContext, statementId: number): Promise<void> {
  if (await refuseUnlessCorpusAdmin(interaction, context)) return;
  const statement = await context.retriever.getStatement(statementId);
  if (!statement) throw new UserFacingError('no_statement', 'That statement is no longer in the corpus.');
  await interaction.showModal(metadataForm(statementId, statement));
}

/** The form sent back: checked, applied, recorded, and what changed told to the person who sent it. */
export async function submitMetadataForm(interaction: ModalSubmitInteraction, context: BotContext, statementId: number): Promise<void> {
  if (await refuseUnlessCorpusAdmin(interaction, context)) return;
  const admin = corpusAdminOf(context);
  const responder = InteractionResponder.for(interaction, { ephemeral: true, now: context.now });
  responder.armDeadline();
  const typed = Object.fromEntries(METADATA_FIELDS.map((field) => [field, interaction.fields.getTextInputValue(field)])) as Required<TypedMetadata>;
  const { title, changes } = await admin.correct(statementId, typed, corpusActor(interaction));
  context.log.info({ statementId, userId: interaction.user.id, fields: changes.map((c) => c.field) }, 'statement metadata corrected');
  await responder.send(textPayload(describeCorrection(title, changes)));
}

const MAX_VALUE_SHOWN_CHARS = 150;

/** "Corrected “Title”: date 2021 → 2021-09-10; …" — escaped, within one message. */
export function describeCorrection(title: string, changes: readonly FieldChange[]): string {
  const name = fitRendered(title || 'Untitled statement', 200, escapeMarkdownText);
  if (changes.length === 0) return `Nothing changed: “${name}” already had those values.`;
  // At most 200 + 5 × ~320 characters: within one message (MAX_CONTENT_CHARS) whatever the values.
  const value = (text: string | null): string => (text ? fitRendered(text, MAX_VALUE_SHOWN_CHARS, escapeMarkdownText) : '(none)');
  return [`Corrected “${name}” (recorded; see /corpus status):`, ...changes.map((c) => `• ${c.field}: ${value(c.old)} → ${value(c.new)}`)].join('\n');
}
