/**
 * Agenda step: turns raw agenda entries into frontmatter agenda items —
 * title, details, planned time, presenters and their organisations (ids).
 */
import { agendaTime, findTimes } from '../readers/dates.ts';
import { parseOrganisationMention } from '../../../src/lib/model/organisation-names.ts';
import { readPresenterText } from './mentions.ts';
import type { RawAgendaItem, RegistryLookup, RegistryNote } from '../model.ts';
import { squash } from '../readers/text.ts';
import { refuseOrganisation, refusePerson } from './gate.ts';

/** A frontmatter agenda item (ids resolved). */
export interface AgendaItemOut {
  number: string | null;
  title: string;
  details?: string;
  presenters: string[];
  organizations: string[];
  topics: string[];
  time?: string;
}

/** A person with the organisation they represented, as a protocol states it (OParl Membership). */
export interface MembershipOut {
  person: string;
  organization: string;
  role?: string;
}

/**
 * Column headers of agenda tables ("Sprecher*innen", "Zeit") that text
 * extraction glued onto the first row; the raw agenda stays in the MDX review
 * comment, so nothing is lost.
 */
const COLUMN_HEADER = /(?:^|\s)(?:Sprecher\*innen|Sprecher(?:in)?|Referent\*innen|Referent(?:in)?|Verantwortlich|Uhrzeit|Zeit)\s*,?\s*$/;

/** Removes a trailing agenda-table column header from a title or details text. */
function stripColumnHeader(text: string): string {
  return text.replace(COLUMN_HEADER, '').trim();
}

/**
 * A dash glued to the next word ("Begrüßung –Organisation", a lost space of the agenda table):
 * a spaced dash before a capital letter gets its space back. A dash before a lower-case word
 * stays as written ("Netzwerkbildung und –arbeit" is a suspended compound).
 * @example spaceGluedDash('Begrüßung –Organisation') // => 'Begrüßung – Organisation'
 */
export function spaceGluedDash(text: string): string {
  return text.replace(/(?<=\s)([–—])(?=\p{Lu})/gu, '$1 ');
}

/**
 * What a presenter column holds when nobody in particular presents: "Alle", "N. N.", "offen".
 * At the end of an agenda entry, where the presenter column was ("Themensammlung von allen
 * Alle"), it is no text of the title or details (the raw agenda in the review comment keeps it).
 */
const PRESENTER_PLACEHOLDER = /(?<!(?:^|\s)(?:für|an|mit|von|über|zu|bei|and))\s+(?:Alle|N\.\s?N\.|NN|offen|tbd)$/u;

/**
 * An agenda text without the presenter column's placeholder at its end.
 * @example withoutPlaceholder('Themensammlung von allen Alle') // => 'Themensammlung von allen'
 * @example withoutPlaceholder('Neues für Alle') // => 'Neues für Alle'
 */
export function withoutPlaceholder(text: string): string {
  return text.replace(PRESENTER_PLACEHOLDER, '');
}

/** Adds a membership unless the same person–organisation pair is there already. */
export function addMembership(list: MembershipOut[], person: string, organization: string, role?: string): void {
  if (list.some((m) => m.person === person && m.organization === organization)) return;
  list.push({ person, organization, ...(role && { role }) });
}

/** Removes the first occurrence of `part` from `text`. */
function cut(text: string, part: string): string {
  const i = text.indexOf(part);
  return i < 0 ? text : squash(text.slice(0, i) + ' ' + text.slice(i + part.length));
}

/** A bracket closing the agenda title: "Azubi-Check – Konzept (Erika Beispiel, Netzwerk Rheinland)". */
const TRAILING_BRACKET = /\s*\(([^()]+)\)\s*$/;

/**
 * The presenters written in a bracket after the agenda title, each "Name, Organisation" or
 * "Name" ("(Erika Beispiel, Netzwerk Rheinland)", "(Erika Beispiel; Volkmar Tiefenbach, IHK)"),
 * or null when the bracket is anything else ("(BMAS)", "(Fortsetzung)", "(Entwurf, Stand Mai)"):
 * every part before a comma must pass the gate as a personal name (`refusePerson`) and be no
 * registered organisation (`isOrganisation`: "Kruse (Offensive Mittelstand)" is a name and its
 * organisation, not a presenter called "Offensive Mittelstand"), every part after it an
 * organisation (`refuseOrganisation`).
 * @example presentersInBracket('Konzept (Erika Beispiel, Netzwerk Rheinland)') // => { title: 'Konzept', presenters: [{ name: 'Erika Beispiel', organisation: 'Netzwerk Rheinland' }] }
 */
export function presentersInBracket(title: string, isOrganisation: (name: string) => boolean = () => false): { title: string; presenters: { name: string; organisation?: string }[] } | null {
  const bracket = TRAILING_BRACKET.exec(title);
  if (!bracket) return null;
  const presenters = bracket[1].split(/\s*;\s*/).map((part) => {
    const comma = part.indexOf(',');
    const name = (comma < 0 ? part : part.slice(0, comma)).trim();
    const organisation = comma < 0 ? undefined : part.slice(comma + 1).trim() || undefined;
    return { name, ...(organisation && { organisation }) };
  });
  const fits = presenters.every((p) => refusePerson(p.name) === null && !isOrganisation(p.name) && (p.organisation === undefined || refuseOrganisation(p.organisation) === null));
  return fits ? { title: title.slice(0, bracket.index).trim(), presenters } : null;
}

/**
 * Resolves one agenda entry. In PDF text the presenter and time stand in the
 * entry's own lines ("5. Neue Entwicklungen im BMAS Achim Sieker (BMAS) 10:10 Uhr");
 * Word exports have them in columns.
 */
export function resolveAgendaItem(raw: RawAgendaItem, registry: RegistryLookup, notes: RegistryNote[], memberships: MembershipOut[] = []): AgendaItemOut {
  let title = raw.title;
  let rest = raw.rest;
  // Time: the time column, else the first time in the entry.
  const timeSource = raw.timeText ?? `${title} ${rest}`;
  const times = findTimes(timeSource);
  const time = times.length ? agendaTime(times[0]) : undefined;
  if (raw.timeText === undefined) for (const t of times) (title = cut(title, t.text)), (rest = cut(rest, t.text));

  const presenters: string[] = [];
  const organizations: string[] = [];
  // "TOP 3: Azubi-Check – Konzept (Erika Beispiel, Netzwerk Rheinland)": the bracket names the presenters.
  const bracketed = presentersInBracket(title, registry.isOrganisation);
  if (bracketed) {
    title = bracketed.title;
    for (const p of bracketed.presenters) {
      const { person, organisation: org } = registry.resolvePersonWithOrganisation(p.name, p.organisation, notes, raw.line);
      if (person && !presenters.includes(person)) presenters.push(person);
      if (org && !organizations.includes(org)) organizations.push(org);
      if (person && org && p.organisation) addMembership(memberships, person, org, parseOrganisationMention(p.organisation).role);
    }
  }
  const take = (text: string, leading: boolean): string => {
    const { mentions, rest: left } = readPresenterText(text, registry.isOrganisation, leading);
    for (const m of mentions) {
      const { person, organisation: org } = registry.resolvePersonWithOrganisation(m.name, m.organisation, notes, raw.line);
      if (person && !presenters.includes(person)) presenters.push(person);
      if (org && !organizations.includes(org)) organizations.push(org);
      if (person && org && m.organisation) addMembership(memberships, person, org, parseOrganisationMention(m.organisation).role);
    }
    return left;
  };
  let details = rest;
  if (raw.presenterText !== undefined) {
    // Word export: the presenter column may hold several "Name (Org)" segments.
    const left = raw.presenterText.split(/\s*;\s*/).map((segment) => take(segment, true)).filter(Boolean).join(' ');
    details = squash([rest, left].filter(Boolean).join(' '));
  } else {
    const both = `${title} | ${rest}`;
    const left = take(both, false);
    [title, details] = left.includes('|') ? left.split('|').map((s) => s.trim()) as [string, string] : [left, ''];
  }
  title = spaceGluedDash(withoutPlaceholder(stripColumnHeader(title).replace(/[\s,;–-]+$/, '').trim())) || raw.title;
  details = spaceGluedDash(withoutPlaceholder(stripColumnHeader(details)));
  return {
    number: raw.number,
    title,
    ...(details && { details }),
    presenters,
    organizations,
    topics: [],
    ...(time && { time }),
  };
}
