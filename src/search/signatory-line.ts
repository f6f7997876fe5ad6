import type { Signatory, SignatoryCount } from './retriever.js';

/**
 * One signatory in plain text, as every surface lists it (each escapes it its
 * way): "MLPD — Marxistisch-Leninistische Partei Deutschlands (…)",
 * "Askar Aysin · Kazakhstan · of Iskra Group", "Liga Comunista · Brazil · LCFI".
 */
export function signatoryLine(signatory: Pick<Signatory, 'name' | 'abbreviation' | 'country' | 'affiliation' | 'kind'>): string {
  const name = signatory.abbreviation ? `${signatory.abbreviation} — ${signatory.name}` : signatory.name;
  const affiliation = signatory.affiliation && (signatory.kind === 'person' ? `of ${signatory.affiliation}` : signatory.affiliation);
  return [name, signatory.country, affiliation].filter(Boolean).join(' · ');
}

/** A co-signer in plain text: "MLPD — Marxistisch-… (2 statements together)". */
export function coSignerLine(co: SignatoryCount): string {
  return `${coSignerName(co)} ${togetherCount(co)}`;
}

/** "MLPD — Marxistisch-Leninistische Partei Deutschlands (…)": a co-signer's name (a surface may cut it, never the count). */
export function coSignerName(co: SignatoryCount): string {
  return co.abbreviation ? `${co.abbreviation} — ${co.name}` : co.name;
}

/** "(2 statements together)". */
export function togetherCount(co: SignatoryCount): string {
  return `(${co.statements} statement${co.statements === 1 ? '' : 's'} together)`;
}
