/** A statement's descriptive fields, as shown beside a citation or search hit. */
export interface StatementMetadata {
  title: string;
  /** Organisation or signatories; '' when unknown. */
  organisation: string;
  /** ISO 8601 as precise as known (YYYY, YYYY-MM, YYYY-MM-DD), or null. */
  date: string | null;
  /** ISO 639-1 code, or null. */
  language: string | null;
  url: string | null;
}

/** A statement as stored, without its text. */
export interface StatementSummary extends StatementMetadata {
  id: number;
  slug: string;
  externalId: string | null;
  source: string;
}

export interface Statement extends StatementSummary {
  text: string;
  passageCount: number;
  ingestedAt: string;
}

/** A piece of a statement's cleaned text: `statement.text.slice(start, end) === text`. */
export interface PassageSpan {
  ordinal: number;
  start: number;
  end: number;
  text: string;
}

export interface Passage extends PassageSpan {
  id: number;
  statementId: number;
}

/** What ingestion hands to the store: a cleaned, described, split statement. */
export interface StatementInput extends StatementMetadata {
  /** Where it came from; unique. Re-ingesting the same source replaces the statement. */
  source: string;
  externalId: string | null;
  text: string;
  passages: PassageSpan[];
  /** Hash of the raw input and metadata; an unchanged hash means nothing to do. */
  contentHash: string;
  /** Other names the organisation goes by, as the input declares them. */
  aliases?: string[];
  /** The signatories it lists (none when absent or empty). */
  signatories?: SignatoryInput[];
}

/** One entry of a statement's list of signatories: `statement.text.slice(start, end)` is the entry as written. */
export interface SignatoryInput {
  /** 0-based position among the statement's signatories. */
  ordinal: number;
  /** The heading of the part of the list it is in ("Subsequent signatories"), or null when the list has none. */
  group: string | null;
  name: string;
  abbreviation: string | null;
  /** As the list states it, apart from the name; null when it doesn't. */
  country: string | null;
  /** What a person signs for, or the network an organisation names ("LCFI"); null when none. */
  affiliation: string | null;
  kind: 'organisation' | 'person';
  start: number;
  end: number;
}
