/**
 * Names and demonyms of states that no longer exist, which the world-countries
 * data (today's countries) doesn't know but the UN General Debate Corpus
 * speaks as: "the Soviet position", "the East German delegation". Data, not
 * rules: each entry is an organisation name as ingested (src/corpus/ungdc-countries.ts)
 * and what people call it. A corpus can declare more aliases itself (front
 * matter or manifest `aliases`).
 */
export interface HistoricalState {
  names: string[];
  demonyms: string[];
  /**
   * The country (ISO 3166 alpha-3) whose UN seat it held, when the state is that
   * country under an earlier name: "Burma" and "Myanmar" are one speaker, so a
   * question naming either finds both, and the period picks the right name.
   */
  seat?: string;
}

export const HISTORICAL_NAMES: Record<string, HistoricalState> = {
  // The Russian Federation continues the USSR's membership of the UN.
  'Union of Soviet Socialist Republics': { names: ['USSR', 'Soviet Union'], demonyms: ['Soviet'], seat: 'RUS' },
  'Byelorussian Soviet Socialist Republic': { names: ['Byelorussian SSR', 'Byelorussia', 'Belorussia'], demonyms: ['Byelorussian', 'Belorussian'], seat: 'BLR' },
  'Ukrainian Soviet Socialist Republic': { names: ['Ukrainian SSR'], demonyms: ['Ukrainian'], seat: 'UKR' },
  'German Democratic Republic': { names: ['GDR', 'East Germany'], demonyms: ['East German'] },
  'Federal Republic of Germany': { names: ['West Germany', 'FRG'], demonyms: ['West German'], seat: 'DEU' },
  Czechoslovakia: { names: ['Czechoslovak Socialist Republic', 'Czech and Slovak Federative Republic'], demonyms: ['Czechoslovak', 'Czechoslovakian'] },
  Yugoslavia: { names: ['Socialist Federal Republic of Yugoslavia', 'Federal Republic of Yugoslavia'], demonyms: ['Yugoslav', 'Yugoslavian'] },
  'Serbia and Montenegro': { names: [], demonyms: [] },
  'Democratic Yemen': { names: ['South Yemen', "People's Democratic Republic of Yemen"], demonyms: ['South Yemeni'] },
  'United Arab Republic': { names: ['UAR'], demonyms: [] },
  Zaire: { names: ['Republic of Zaire'], demonyms: ['Zairean', 'Zairian'], seat: 'COD' },
  Burma: { names: ['Union of Burma'], demonyms: ['Burmese'], seat: 'MMR' },
  'Upper Volta': { names: ['Republic of Upper Volta'], demonyms: ['Upper Voltan'], seat: 'BFA' },
  Dahomey: { names: ['Republic of Dahomey'], demonyms: ['Dahomean', 'Dahomeyan'], seat: 'BEN' },
  Ceylon: { names: ['Dominion of Ceylon'], demonyms: ['Ceylonese'], seat: 'LKA' },
  'Khmer Republic': { names: [], demonyms: ['Cambodian', 'Khmer'], seat: 'KHM' },
  'Democratic Kampuchea': { names: ['Kampuchea'], demonyms: ['Cambodian', 'Kampuchean'], seat: 'KHM' },
  'Union of South Africa': { names: [], demonyms: ['South African'], seat: 'ZAF' },
  'Federation of Malaya': { names: ['Malaya'], demonyms: ['Malayan'], seat: 'MYS' },
  'European Union': { names: ['EU'], demonyms: [] },
  'Holy See': { names: ['Vatican', 'Vatican City'], demonyms: [] },
};
