import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { respondWithChoices, statementChoices } from '../src/discord/autocomplete.js';
import type { Command } from '../src/discord/command.js';
import { addToCorpus } from '../src/discord/corpus/add-flow.js';
import { CORPUS_ADMIN_PERMISSION } from '../src/discord/corpus/permission.js';
import { askToRemove } from '../src/discord/corpus/remove-flow.js';
import { showCorpusStatus } from '../src/discord/corpus/status-flow.js';

/** Who may use it is checked in code too (src/discord/corpus/permission.ts): server settings can offer it to anyone. */
export default {
  data: new SlashCommandBuilder()
    .setName('corpus')
    .setDescription('Grow the corpus: add a web page or a file, remove a statement, see its state (server managers).')
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setDefaultMemberPermissions(CORPUS_ADMIN_PERMISSION)
    .addSubcommand((sub) =>
      sub
        .setName('add')
        .setDescription('Add a statement from a web page or an attached file (txt, md, html, pdf, jsonl).')
        .addStringOption((option) => option.setName('url').setDescription('A web page or document with the statement').setMaxLength(2000))
        .addAttachmentOption((option) => option.setName('file').setDescription('A .txt, .md, .html, .pdf or .jsonl file'))
        .addStringOption((option) => option.setName('title').setDescription('The title, if what is found is wrong').setMaxLength(500))
        .addStringOption((option) => option.setName('organisation').setDescription('Who issued or signed it, if what is found is wrong').setMaxLength(500))
        .addStringOption((option) => option.setName('date').setDescription('When: YYYY, YYYY-MM or YYYY-MM-DD, if what is found is wrong').setMaxLength(40)),
    )
    .addSubcommand((sub) =>
      sub
        .setName('remove')
        .setDescription('Remove a statement from the corpus (asks to confirm).')
        .addStringOption((option) => option.setName('statement').setDescription('Start typing a title or organisation').setRequired(true).setAutocomplete(true).setMinLength(1).setMaxLength(200)),
    )
    .addSubcommand((sub) => sub.setName('status').setDescription('Size, last ingest and refresh, failing sources, recent changes.'))
    .toJSON(),

  async execute(interaction, context) {
    if (!interaction.isChatInputCommand()) return;
    const subcommand = interaction.options.getSubcommand();
    if (subcommand === 'add') return addToCorpus(interaction, context);
    if (subcommand === 'remove') return askToRemove(interaction, context);
    return showCorpusStatus(interaction, context);
  },

  async autocomplete(interaction, context) {
    // Titles are no secret (/statement offers them to everyone); the removal itself is checked.
    await respondWithChoices(interaction, context, () => statementChoices(context, interaction.options.getFocused()));
  },
} satisfies Command;
