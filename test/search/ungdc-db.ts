/**
 * A small UN-like database for the evaluation-set tests: speeches with the UN
 * corpus's external ids (ISO_session_year), organisations as the ingest names
 * them, years and texts that share some topics and not others.
 */
import type { Database } from '../../src/store/database.js';
import { openForWriting } from '../../src/store/migrate.js';
import { saveStatement } from '../../src/store/statement-writes.js';
import { statementFrom } from './seed-db.js';

export interface SyntheticSpeech {
  externalId: string;
  organisation: string;
  text: string;
}

export const SYNTHETIC_SPEECHES: SyntheticSpeech[] = [
  {
    externalId: 'IRN_39_1984',
    organisation: 'Iran',
    text: `The Iranian delegation comes to this Assembly from Tehran with a message of resistance.
We condemn the policy of apartheid. The regime of apartheid in South Africa is a crime, and the struggle against apartheid is our struggle.
The people of Tehran and of every Iranian city have suffered from the imposed war; the Iranian nation will defend itself. The streets of Tehran are full of mourners.
The imposed war has cost the lives of our youth. The aggressor began the imposed war and must be named.`,
  },
  {
    externalId: 'IRN_40_1985',
    organisation: 'Iran',
    text: `From Tehran, the Iranian Government again calls on the Security Council to act.
Millions of refugees have come to our country. The refugees from Afghanistan need food and shelter, and the refugees deserve the help of the international community.
The arms race and nuclear weapons threaten every nation. The stockpiles of nuclear weapons grow, and the use of chemical weapons against our cities continues.
Chemical weapons were used against Iranian civilians in Tehran and elsewhere.`,
  },
  {
    externalId: 'RUS_40_1985',
    organisation: 'Union of Soviet Socialist Republics',
    text: `The Soviet Union proposes a programme of general and complete disarmament.
The Soviet delegation believes that nuclear weapons must be eliminated by the end of the century. The testing of nuclear weapons should stop, and a freeze on nuclear weapons is the first step.
Disarmament is the task of our time: without disarmament there can be no security, and the cause of disarmament unites the peoples of Europe.
The militarization of outer space must be prevented. The arms race in outer space would make disarmament impossible.`,
  },
  {
    externalId: 'RUS_50_1995',
    organisation: 'Russian Federation',
    text: `Russia, the successor of the Soviet Union, supports the indefinite extension of the Treaty.
The reduction of nuclear weapons continues. The Russian Federation has dismantled thousands of nuclear weapons, and the control of nuclear weapons remains a priority of Moscow.
Peacekeeping in the former Yugoslavia needs the support of all members. The operations of peacekeeping have grown, and the costs of peacekeeping must be shared.
Disarmament and peacekeeping go together, and Moscow supports disarmament in every region.`,
  },
  {
    externalId: 'TUR_39_1984',
    organisation: 'Turkey',
    text: `The Turkish delegation greets the President of the Assembly.
The system of apartheid is an affront to humanity. Turkey has always opposed apartheid, and sanctions against apartheid are justified.
The debt burden of developing countries weighs on the world economy. The debt burden must be eased, and the debt burden of the poorest States deserves attention.
Trade barriers harm the developing countries. The removal of trade barriers is in the interest of all.`,
  },
  {
    externalId: 'TUR_45_1990',
    organisation: 'Turkey',
    text: `Turkey welcomes the end of the division of Europe.
The invasion of Kuwait has created a crisis in the Gulf. The crisis in the Gulf threatens the region, and the consequences of the crisis in the Gulf reach our borders.
Hundreds of thousands of refugees crossed into our territory. The refugees were given shelter, and the refugees need the help of all Members.
The economic embargo has cost our economy dearly. The embargo is respected by Turkey.`,
  },
  {
    externalId: 'CYP_45_1990',
    organisation: 'Cyprus',
    text: `The Cypriot people have lived with occupation for sixteen years.
Cyprus remains divided. The refugees of Cyprus cannot return to their homes; the rights of the refugees are denied, and the refugees wait.
The crisis in the Gulf shows that aggression must not pay. The crisis in the Gulf and the occupation of Cyprus are the same question, and the crisis in the Gulf will be resolved by law.
Cyprus asks the Security Council to implement its resolutions on Cyprus, and thanks the force of peacekeeping on the island.`,
  },
  {
    externalId: 'BRA_39_1984',
    organisation: 'Brazil',
    text: `Brazil speaks first in this debate, as is the tradition.
The debt burden of Latin America has become unbearable. The debt burden and the interest rates reduce our growth, and the debt burden must be renegotiated.
Brazil rejects apartheid. The practice of apartheid violates the Charter, and apartheid must end.
General disarmament would free resources for development, and disarmament is in the interest of the developing world.`,
  },
  {
    externalId: 'NGA_39_1984',
    organisation: 'Nigeria',
    text: `Nigeria stands with the peoples of southern Africa.
The evil of apartheid must be eradicated. The apartheid regime occupies Namibia, and apartheid is a threat to peace.
Commodity prices have fallen. The fall in commodity prices and the debt burden of Africa have brought hardship, and commodity prices must be stabilized.
The debt burden of Africa requires a conference.`,
  },
  {
    externalId: 'COG_53_1998',
    organisation: 'Congo',
    text: `The Congolese people have known war.
The civil war destroyed our capital. After the civil war, reconstruction begins, and the wounds of the civil war must heal.
The debt burden of our country prevents reconstruction. The reconstruction of schools and hospitals needs partners.`,
  },
  {
    externalId: 'COD_53_1998',
    organisation: 'Democratic Republic of the Congo',
    text: `The Congolese Government denounces the aggression against our country.
The civil war was imposed from outside. Foreign troops fuel the civil war, and the civil war threatens the region.
The aggression by neighbouring States violates our sovereignty. The aggression must be condemned by the Council.
We ask for peacekeeping. The deployment of peacekeeping forces would save lives.`,
  },
  {
    externalId: 'FJI_74_2019',
    organisation: 'Fiji',
    text: `Fiji speaks for the islands of the Pacific.
Climate change is the greatest threat to our survival. The effects of climate change are felt in every village, and climate change is not a distant prospect.
Rising seas take our land. The rising seas and the storms force villages to move; rising seas do not wait.
The ocean sustains us. The health of the ocean is our health.
Our satellites watch the ocean from outer space, and outer space must stay peaceful.`,
  },
  {
    externalId: 'MDV_74_2019',
    organisation: 'Maldives',
    text: `The Maldives is a nation of islands.
Climate change threatens our existence. The impact of climate change on small islands is severe, and climate change must be fought now.
Coral reefs are dying. The coral reefs protect our islands, and the loss of coral reefs would be the loss of our home.
The ocean is our life. Protection of the ocean needs the help of all.`,
  },
  {
    externalId: 'IRN_74_2019',
    organisation: 'Iran',
    text: `The Iranian nation has resisted sanctions for forty years.
The sanctions are economic terrorism. The sanctions target medicine and food, and the sanctions must be lifted.
Climate change affects our region too. The drought and climate change have dried our lakes, and climate change requires cooperation.
The security of the Persian Gulf belongs to the countries of the region. The Persian Gulf must be free of foreign forces.`,
  },
];

/** `ISO_session_year` → "Statement by the delegation of Iran, UN General Debate, 39th session (1984)". */
function titleOf(speech: SyntheticSpeech): string {
  const [, session, year] = speech.externalId.split('_');
  return `Statement by the delegation of ${speech.organisation}, UN General Debate, ${session}th session (${year})`;
}

/** The synthetic speeches in a fresh database (in memory, or on disk at `path`). */
export async function syntheticUngdcDatabase(path = ':memory:'): Promise<Database> {
  const db = await openForWriting(path);
  for (const speech of SYNTHETIC_SPEECHES) {
    const year = speech.externalId.slice(-4);
    await saveStatement(db, statementFrom(`ungdc:${speech.externalId}.txt`, speech.text, { externalId: speech.externalId, title: titleOf(speech), organisation: speech.organisation, date: year }));
  }
  return db;
}
