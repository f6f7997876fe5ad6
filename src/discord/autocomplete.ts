import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from 'discord.js';
import type { BotContext } from './context.js';
import { MAX_AUTOCOMPLETE_CHOICES, MAX_CHOICE_NAME_CHARS, MAX_CHOICE_VALUE_CHARS, truncate } from './limits.js';

/**
 * Organisations matching what is typed, largest first: "ICOR (12 statements)".
 * A name longer than Discord's 100-character value is cut; the organisation
 * filter matches by prefix, so the cut name still finds it.
 */
export async function organisationChoices(context: BotContext, typed: string): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const organisations = await context.retriever.suggestOrganisations(typed, MAX_AUTOCOMPLETE_CHOICES);
  return organisations.map(({ organisation, statements }) => ({
    name: truncate(`${organisation} (${statements} statement${statements === 1 ? '' : 's'})`, MAX_CHOICE_NAME_CHARS),
    value: organisation.slice(0, MAX_CHOICE_VALUE_CHARS),
  }));
}

/** Statements by title or organisation: "Title — Organisation, date", the value its id. */
export async function statementChoices(context: BotContext, typed: string): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const statements = await context.retriever.suggestStatements(typed, MAX_AUTOCOMPLETE_CHOICES);
  return statements.map((statement) => {
    const about = ` — ${statement.organisation || 'unknown'}, ${statement.date ?? 'undated'}`;
    return { name: `${truncate(statement.title || statement.slug, MAX_CHOICE_NAME_CHARS - about.length)}${about}`.slice(0, MAX_CHOICE_NAME_CHARS), value: String(statement.id) };
  });
}

/**
 * Signatories matching what is typed, most statements first: "MLPD — Marxistisch-… (1 statement)".
 * The value is the abbreviation when there is one (short, and /signed matches it), else the name
 * (cut at 100 characters, which /signed matches as a prefix).
 */
export async function signatoryChoices(context: BotContext, typed: string): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const signatories = await context.retriever.suggestSignatories(typed, MAX_AUTOCOMPLETE_CHOICES);
  return signatories.map(({ name, abbreviation, statements }) => {
    const count = ` (${statements} statement${statements === 1 ? '' : 's'})`;
    return { name: `${truncate(abbreviation ? `${abbreviation} — ${name}` : name, MAX_CHOICE_NAME_CHARS - count.length)}${count}`, value: (abbreviation ?? name).slice(0, MAX_CHOICE_VALUE_CHARS) };
  });
}

/**
 * Answer an autocomplete request. It can't carry an error message, so a
 * failure is logged and answered with no choices (the user can still type).
 */
export async function respondWithChoices(interaction: AutocompleteInteraction, context: BotContext, choices: () => Promise<ApplicationCommandOptionChoiceData<string>[]>): Promise<void> {
  let found: ApplicationCommandOptionChoiceData<string>[] = [];
  try {
    found = await choices();
  } catch (error) {
    context.log.error({ err: error, command: interaction.commandName }, 'autocomplete failed');
  }
  await interaction.respond(found.slice(0, MAX_AUTOCOMPLETE_CHOICES));
}
