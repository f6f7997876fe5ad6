/**
 * Who spoke, by ISO code and year, for states whose name changed. The
 * dataset's speakers.csv names countries inconsistently ("USA", "United States",
 * "Swistzerland") and sometimes anachronistically (a 1985 Soviet speech under
 * "Russian Federation"), and it has no row for some speeches. Attributing a
 * Soviet speech to the Russian Federation would misattribute it, so these
 * periods are written out here from the UN's own membership records; every
 * other code uses the name speakers.csv gives it most often.
 */
interface NamePeriod {
  /** Last year (inclusive) this name applies; undefined = to date. */
  until?: number;
  name: string;
}

export const COUNTRY_NAMES_BY_PERIOD: Record<string, NamePeriod[]> = {
  // The USSR spoke until its last session (46th, September 1991).
  RUS: [{ until: 1991, name: 'Union of Soviet Socialist Republics' }, { name: 'Russian Federation' }],
  BLR: [{ until: 1990, name: 'Byelorussian Soviet Socialist Republic' }, { name: 'Belarus' }],
  UKR: [{ until: 1990, name: 'Ukrainian Soviet Socialist Republic' }, { name: 'Ukraine' }],
  EGY: [{ until: 1957, name: 'Egypt' }, { until: 1970, name: 'United Arab Republic' }, { name: 'Egypt' }],
  COD: [{ until: 1971, name: 'Democratic Republic of the Congo' }, { until: 1996, name: 'Zaire' }, { name: 'Democratic Republic of the Congo' }],
  MMR: [{ until: 1988, name: 'Burma' }, { name: 'Myanmar' }],
  BFA: [{ until: 1983, name: 'Upper Volta' }, { name: 'Burkina Faso' }],
  BEN: [{ until: 1974, name: 'Dahomey' }, { name: 'Benin' }],
  LKA: [{ until: 1971, name: 'Ceylon' }, { name: 'Sri Lanka' }],
  KHM: [{ until: 1969, name: 'Cambodia' }, { until: 1975, name: 'Khmer Republic' }, { until: 1989, name: 'Democratic Kampuchea' }, { name: 'Cambodia' }],
  ZAF: [{ until: 1960, name: 'Union of South Africa' }, { name: 'South Africa' }],
  MYS: [{ until: 1962, name: 'Federation of Malaya' }, { name: 'Malaysia' }],
  CIV: [{ until: 1984, name: 'Ivory Coast' }, { name: "Côte d'Ivoire" }],
  YUG: [{ until: 2002, name: 'Yugoslavia' }, { name: 'Serbia and Montenegro' }],
  DEU: [{ until: 1990, name: 'Federal Republic of Germany' }, { name: 'Germany' }],
  DDR: [{ name: 'German Democratic Republic' }],
  CSK: [{ name: 'Czechoslovakia' }],
  YMD: [{ name: 'Democratic Yemen' }],
  SWZ: [{ until: 2017, name: 'Swaziland' }, { name: 'Eswatini' }],
  MKD: [{ until: 2018, name: 'The former Yugoslav Republic of Macedonia' }, { name: 'North Macedonia' }],
  CPV: [{ until: 2012, name: 'Cape Verde' }, { name: 'Cabo Verde' }],
  TZA: [{ name: 'United Republic of Tanzania' }],
  USA: [{ name: 'United States of America' }],
};

export function countryNameFor(iso: string, year: number): string | undefined {
  return COUNTRY_NAMES_BY_PERIOD[iso]?.find((period) => period.until === undefined || year <= period.until)?.name;
}
