/**
 * Verbs that attribute a position to someone: "ICOR says …", "JAKNA condemns
 * …", "the Taliban claimed …". Grouped by what they attribute, so "X appeals
 * for peace" is not supported by a source in which X only "proclaimed" a
 * slogan. Material verbs ("supported", "rejected") are left out on purpose:
 * "the U.S. has supported the Taliban" says what the U.S. did, not what it
 * says, and reading it as a position would misjudge faithful sentences.
 */
export type VerbFamily = 'assert' | 'call' | 'condemn' | 'warn' | 'praise';

const FAMILIES: Record<VerbFamily, string[]> = {
  assert: [
    // Not "state(s)": far more often a noun ("an Islamic State", "member states") than a verb.
    'say', 'says', 'said', 'saying', 'stated', 'declare', 'declares', 'declared', 'proclaim', 'proclaims', 'proclaimed', 'write', 'writes', 'wrote',
    'announce', 'announces', 'announced', 'claim', 'claims', 'claimed', 'assert', 'asserts', 'asserted', 'insist', 'insists', 'insisted', 'maintain', 'maintains',
    'maintained', 'argue', 'argues', 'argued', 'stress', 'stresses', 'stressed', 'emphasise', 'emphasises', 'emphasised', 'emphasize', 'emphasizes', 'emphasized',
    'believe', 'believes', 'believed', 'describe', 'describes', 'described', 'recall', 'recalls', 'recalled', 'note', 'notes', 'noted', 'holds', 'contends', 'affirms',
    'tell', 'tells', 'told', 'quoted', 'quotes', 'admit', 'admits', 'admitted', 'admitting', 'acknowledge', 'acknowledges', 'acknowledged', 'concede', 'concedes',
    'conceded', 'confess', 'confesses', 'confessed', 'deny', 'denies', 'denied', 'promise', 'promises', 'promised', 'pledge', 'pledges', 'pledged', 'vow', 'vows',
    'vowed', 'suggest', 'suggests', 'suggested', 'explain', 'explains', 'explained', 'reports', 'reported', 'announcing', 'claiming', 'arguing', 'insisting',
  ],
  call: ['call', 'calls', 'called', 'urge', 'urges', 'urged', 'appeal', 'appeals', 'appealed', 'demand', 'demands', 'demanded', 'ask', 'asks', 'asked', 'advise', 'advises', 'advised', 'calling', 'urging', 'demanding'],
  condemn: ['condemn', 'condemns', 'condemned', 'denounce', 'denounces', 'denounced', 'criticise', 'criticises', 'criticised', 'criticize', 'criticizes', 'criticized', 'accuse', 'accuses', 'accused', 'blame', 'blames', 'blamed'],
  warn: ['warn', 'warns', 'warned', 'predict', 'predicts', 'predicted'],
  praise: ['praise', 'praises', 'praised', 'welcome', 'welcomes', 'welcomed', 'hail', 'hails', 'hailed'],
};

const FAMILY_OF = new Map<string, VerbFamily>(Object.entries(FAMILIES).flatMap(([family, forms]) => forms.map((form) => [form, family as VerbFamily] as const)));

/** "was announced", "is described": a passive verb's subject is what was said, not who said it ("X is quoted as saying" excepted). */
export const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being']);
/** Passive verbs whose subject is the speaker after all. */
export const SPEAKING_PASSIVES: ReadonlySet<string> = new Set(['quoted', 'cited']);

/** Verbs that say who made the statement: "written by X", "issued by X". */
export const AUTHORSHIP_VERBS: ReadonlySet<string> = new Set(['written', 'issued', 'authored', 'published', 'released', 'adopted', 'drafted', 'penned']);

/** The family of an attributing verb (folded), or undefined for any other word. */
export function verbFamily(folded: string): VerbFamily | undefined {
  return FAMILY_OF.get(folded);
}

/**
 * Words that stand for the cited statement itself, not for a speaker: "the
 * resolution says", "the appeal calls", "they write".
 */
export const SELF_REFERENCES: ReadonlySet<string> = new Set(
  'resolution statement statements appeal message declaration text document letter authors author signatories signatory organisation organization it they he she we their its'.split(' '),
);
/** Pronouns: the subject is found, and it is the statement's author. */
export const PRONOUNS: ReadonlySet<string> = new Set('it they he she we'.split(' '));

/** Reporting words carry no content of their own: a summary says "ICOR argues" where its source never does. */
export function isReportingWord(folded: string): boolean {
  return FAMILY_OF.has(folded) || REPORTING_EXTRA.has(folded);
}

/**
 * Framing ("according", "points out", "expects"), provenance ("dated",
 * "signed by"), the statement's structure ("it closes with the slogans", "the
 * title itself says", "appears among the signatories") and light verbs ("take
 * control", "comes from"): about the statement, or too common to say anything.
 */
const REPORTING_EXTRA = new Set(
  `according view views point points pointed out adds added also sees see considers consider thinks think regards regard calling describing saying writing noting
  both together already dated issued published signed adopted released titled entitled written
  ends ending closes closing opens opening begins beginning concludes conclusion title slogan slogans heading paragraph section line lines list listed passage
  phrase words wording invokes invoking mentions mentioned refers referring appears among includes including itself plainly bluntly explicitly readers
  reader expects expect expected predicts predict predicted
  take takes took taken taking make makes made making give gives gave given get gets got go goes went gone come comes came coming put puts keep keeps kept
  let lets seem seems seemed become becomes became`.split(/\s+/),
);
