import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import { MAX_TOPIC_CHARS } from '../src/answer/compare/comparer.js';
import { MAX_COMPARED } from '../src/answer/compare/organisations.js';
import { organisationChoices, respondWithChoices } from '../src/discord/autocomplete.js';
import type { Command } from '../src/discord/command.js';
import { runCompare } from '../src/discord/compare-flow.js';
import { interactionSurface } from '../src/discord/interaction-surface.js';
import { organisationOption, fromOption, toOption } from './filter-options.js';

/** organisation1 … organisation5: optional, since the topic may name them ("Iran and Iraq on the war"); 2–5 are checked once understood. */
const ORGANISATION_OPTIONS = Array.from({ length: MAX_COMPARED }, (_, i) => `organisation${i + 1}`);

const builder = new SlashCommandBuilder()
  .setName('compare')
  .setDescription('Compare what two to five organisations said on a topic, each cited.')
  .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
  .addStringOption((option) => option.setName('topic').setDescription('What to compare them on, e.g. nuclear disarmament (or: Iran and Iraq on the war)').setRequired(true).setMinLength(1).setMaxLength(MAX_TOPIC_CHARS));
for (const name of ORGANISATION_OPTIONS) {
  builder.addStringOption((option) => organisationOption(option, name, 'An organisation to compare'));
}
builder
  .addStringOption(fromOption)
  .addStringOption(toOption)
  .addBooleanOption((option) => option.setName('private').setDescription('Only you see the comparison'));

export default {
  data: builder.toJSON(),

  async execute(interaction, context) {
    if (!interaction.isChatInputCommand()) return;
    const input = {
      topic: interaction.options.getString('topic', true),
      organisations: ORGANISATION_OPTIONS.map((name) => interaction.options.getString(name)),
      from: interaction.options.getString('from'),
      to: interaction.options.getString('to'),
    };
    const ephemeral = interaction.options.getBoolean('private') ?? false;
    await runCompare(context, input, interactionSurface(interaction, context, { ephemeral }), { language: interaction.locale });
  },

  async autocomplete(interaction, context) {
    await respondWithChoices(interaction, context, () => organisationChoices(context, interaction.options.getFocused()));
  },
} satisfies Command;
