/**
 * English stop words: function words that carry no topic. They are dropped from
 * plain-language queries because OR-ing "the" into an FTS5 query makes it match
 * (and score) nearly every passage, which costs time and buries the topic words.
 * The list is NLTK's English list (the common reference set) minus "no"/"not"/
 * "against", which can matter in statements ("no to war"), plus question and
 * request words people type to a bot ("tell me what … says about …").
 * All entries are lower case without diacritics, as tokens are compared folded.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself
   it its itself they them their theirs themselves what which who whom whose this that these those am is are was were be
   been being have has had having do does did doing a an the and but if or because as until while of at by for with
   about between into through during before after above below to from up down in out on off over under again further
   then once here there when where why how all any both each few more most other some such nor only own same so
   than too very s t can will just don should now d ll m o re ve y ain aren couldn didn doesn hadn hasn haven isn ma
   mightn mustn needn shan shouldn wasn weren won wouldn
   tell say says said please show give find know anything something would could may might shall also`.split(/\s+/).filter(Boolean),
);

export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}
