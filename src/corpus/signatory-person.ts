import { isCountryName } from './country-names.js';

/**
 * Words that make a name an organisation's, folded ("Liga Comunista" is no
 * person, though it is two capitalised words). In the languages signatory
 * lists are written in.
 */
const ORGANISATION_WORDS = new Set(
  `party parti partei partido partito partija partisi front frente fronte union unite uniao league liga lega group gruppe groupe grupo gruppo
   movement movimiento mouvement bewegung movimento organisation organization organizacion organisatie organizzazione association asociacion
   committee comite comitato council conseil consejo conference collective colectivo kollektiv federation federacion alliance alianza bloc bloque block
   tendency tendencia tendance democrats communists communist comunista communiste kommunistische socialist socialista socialiste sozialistische
   workers trabajadores travailleurs arbeiter labour labor network netzwerk red rede centre center centro institute instituto club society sociedad
   foundation fundacion youth juventud women mujeres students estudiantes coalition platform plataforma initiative initiative circle circulo
   section seccion cell brigade brigada army armee congress congreso assembly asamblea press editorial magazine journal newspaper laboratory`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words that open what a person is, folded: "Professor, University of X",
 * "(Member of Parliament, Ireland)", "Former Mayor of …". Only these make a
 * name followed by more text a person's; anything else keeps the entry as it
 * was read before (an organisation).
 */
const ROLE_WORDS = new Set(
  `professor prof lecturer reader researcher scholar historian economist sociologist philosopher scientist doctor dr physician lawyer attorney
   advocate barrister judge journalist writer author poet novelist artist musician filmmaker editor publisher translator activist campaigner
   organiser organizer unionist trade-unionist member mp mep mla senator deputy councillor councilor mayor minister ambassador president
   vice-president chair chairman chairwoman chairperson co-chair secretary general-secretary director founder co-founder coordinator
   spokesperson spokesman spokeswoman leader representative delegate candidate teacher priest bishop rabbi imam pastor nurse engineer
   former ex vice honorary emeritus senior associate assistant executive retired veteran
   profesor profesora professeur professore abgeordneter abgeordnete diputado diputada deputato depute deputee senador senadora secretario
   secretaria secretaire segretario presidente presidenta alcalde maire sindaco periodista journaliste giornalista escritor ecrivain avocat abogado abogada`
    .split(/\s+/)
    .filter(Boolean),
);

const NAME_WORD = /^(?:\p{Lu}[\p{Ll}'’-]+|\p{Lu}\.)$/u;

/** Two to four capitalised words, none an organisation's: "Botagoz Datkhabaeva", "Alexandr Naydenko". */
export function isPersonName(text: string, maxWords = 4): boolean {
  const words = text.trim().split(/\s+/u);
  return words.length >= 2 && words.length <= maxWords && words.every((word) => NAME_WORD.test(word) && !ORGANISATION_WORDS.has(fold(word)));
}

/** Whether a word opens a role: "Professor", "MP", "Former". */
export function isRoleWord(word: string): boolean {
  return ROLE_WORDS.has(fold(word.replace(/[.,:;]+$/u, '')));
}

/** A person's name, then what they are: the name a person's (two or three words), the rest opening with a role. */
export interface PersonWithRole {
  name: string;
  affiliation: string;
  country: string | null;
}

/**
 * "John Smith, Professor, University of X" or "Jane Doe (Member of
 * Parliament, Ireland)": a name of two or three capitalised words, none an
 * organisation's, then — after a comma, or in brackets — a role and what it is
 * at. A country closing the brackets is the entry's country. Undefined for any other shape, so the entry is read as before.
 */
export function readPersonWithRole(text: string): PersonWithRole | undefined {
  const shape = /^([^,()]+?),\s+(.+)$/u.exec(text) ?? /^([^,()]+?)\s*\((.+)\)$/u.exec(text);
  if (!shape || !isPersonName(shape[1]!, 3)) return undefined;
  let affiliation = shape[2]!.trim();
  if (!isRoleWord(affiliation.split(/\s+/u)[0]!)) return undefined;
  let country: string | null = null;
  const place = /^(.*\S),\s*([^,]+)$/u.exec(affiliation);
  if (text.endsWith(')') && place && isCountryName(place[2]!)) [affiliation, country] = [place[1]!, place[2]!.trim()];
  return { name: shape[1]!.trim(), affiliation, country };
}

function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{Mark}/gu, '').toLowerCase();
}
