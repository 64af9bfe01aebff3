/**
 * The registries (people, organisations, committees) as the importer sees
 * them: loaded from `content/<kind>/*.yaml`, extended during a run with new
 * entries and newly met spellings (aliases), and written back as YAML.
 *
 * Matching rules live in `src/lib/model/person-names.ts`; this module decides what to do
 * with the answer: a match records the spelling as alias, an ambiguous match
 * is reported and left unresolved (never merged silently), no match creates
 * an entry reported as `new: person …` for review.
 */
import { existsSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import { createOrganisationIndex, orgKey, parseOrganisationMention, type OrganisationIndex } from '../../../src/lib/model/organisation-names.ts';
import { createPersonIndex, parsePersonName, type PersonIndex } from '../../../src/lib/model/person-names.ts';
import { slugify } from '../../../src/lib/model/names.ts';
import { ContentError, describeIssues, parseContentYaml, readContentText } from '../../../src/lib/model/content-file.ts';
import { z } from 'zod';
import { committeeSchema, matterSchema, organisationSchema, personSchema, topicSchema, type CommitteeData, type MatterData, type OrganisationData, type PersonData, type TopicData } from '../../../src/lib/model/schema.ts';
import type { CommitteeMatcher } from '../steps/header.ts';
import { ImportError } from '../errors.ts';
import type { RegistryLookup, RegistryNote } from '../model.ts';
import { definesAbbreviation, refuseOrganisation, refusePerson, withoutRole } from '../steps/gate.ts';

/** A change the run made to a registry, for the summary and for writing. */
export interface RegistryChange {
  kind: 'person' | 'organisation' | 'committee';
  id: string;
  /** new: created; alias: a spelling added to an existing entry. */
  change: 'new' | 'alias';
  text: string;
  /** Source line of the mention that made the change (shown in the summary). */
  line?: number;
}

export type { RegistryNote } from '../model.ts';

type Kind = 'people' | 'organisations' | 'committees';

/** The note for a mention the gate refused: it stays text and is not registered. */
function unresolved(mention: string, reason: string, folder: string): string {
  const shown = mention.length > 100 ? `${mention.slice(0, 97)}…` : mention;
  return `unresolved mention "${shown}" (${reason}); not registered, kept as text. Fix: if it names someone, add an entry or an alias in ${folder} by hand.`;
}

/**
 * Reads every `<id>.yaml` of one registry folder through its schema, as the site reads it
 * (`src/lib/model/content-file.ts`: CRLF and byte order marks ignored, dates kept as text);
 * errors name the file and the field (`…/x.yaml: familyNmae: unknown field. Fix: …`).
 */
function loadFolder<T>(dir: string, schema: z.ZodType<T>): Map<string, T> {
  const entries = new Map<string, T>();
  if (!existsSync(dir)) return entries;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const path = join(dir, file);
    try {
      const result = schema.safeParse(parseContentYaml(readContentText(path), path));
      if (!result.success) throw new ContentError(describeIssues(path, result.error));
      entries.set(file.slice(0, -5), result.data);
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      throw new ImportError({ file: path, problem: `registry entry does not match the schema:\n${error.message}`, fix: 'correct the YAML fields (see src/lib/model/schema.ts).' });
    }
  }
  return entries;
}

/**
 * Updates an existing YAML entry in place: only fields whose value changed are
 * set, so an editor's comments, order and formatting survive.
 */
export function updateYaml(text: string, data: Record<string, unknown>): string {
  const doc = parseDocument(text);
  const current = (doc.toJS() ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    if (JSON.stringify(current[key]) !== JSON.stringify(value)) doc.set(key, value);
  }
  return doc.toString();
}

/** The registries of one content folder, with the run's changes. */
export class Registry implements RegistryLookup {
  readonly root: string;
  readonly people: Map<string, PersonData>;
  readonly organisations: Map<string, OrganisationData>;
  readonly committees: Map<string, CommitteeData>;
  readonly topics: Map<string, TopicData>;
  readonly matters: Map<string, MatterData>;
  readonly personIndex: PersonIndex;
  readonly organisationIndex: OrganisationIndex;
  readonly changes: RegistryChange[] = [];
  private dirty = new Set<string>();

  /** Where entries written earlier in the run are read from, over `root` (`--out DIR`). */
  readonly overlay?: string;

  /**
   * Loads `root/people`, `organisations`, `committees`, `topics`, `matters`; with `overlay`
   * (the `--out` folder of a trial import) its people, organisations and committees too,
   * over those of `root`: the run's earlier files wrote their new entries there, and each
   * file sees them. Throws ImportError on an invalid entry.
   */
  constructor(root: string, overlay?: string) {
    this.root = root;
    if (overlay && overlay !== root) this.overlay = overlay;
    const both = <T>(kind: Kind, schema: z.ZodType<T>) => new Map([...loadFolder(join(root, kind), schema), ...(this.overlay ? loadFolder(join(this.overlay, kind), schema) : [])]);
    this.people = both('people', personSchema);
    this.organisations = both('organisations', organisationSchema);
    this.committees = both('committees', committeeSchema);
    this.topics = loadFolder(join(root, 'topics'), topicSchema);
    this.matters = loadFolder(join(root, 'matters'), matterSchema(() => z.string()));
    this.personIndex = createPersonIndex([...this.people].map(([id, data]) => ({ id, data })));
    this.organisationIndex = createOrganisationIndex([...this.organisations].map(([id, data]) => ({ id, data })));
  }

  /** Committees with all their spellings, for title matching. */
  committeeMatchers(): CommitteeMatcher[] {
    return [...this.committees].map(([id, c]) => ({ id, name: c.name, spellings: [c.name, ...c.aliases] }));
  }

  /** True when `text` is a registered organisation's name, short name or alias. */
  isOrganisation = (text: string): boolean => this.organisationIndex.resolve(text).kind === 'match';

  /**
   * Creates a committee met in a title for the first time ("AG Qualitätssicherung"), `line`
   * the title line; `id` as given (`--committee`), else from the name. Returns the id; an
   * existing id is returned as it is.
   */
  addCommittee(name: string, line?: number, given?: string): string {
    const id = given ?? slugify(name).slice(0, 80).replace(/-+$/, '');
    if (!this.committees.has(id)) {
      this.committees.set(id, { name, aliases: [] });
      this.changes.push({ kind: 'committee', id, change: 'new', text: name, ...(line !== undefined && { line }) });
      this.dirty.add(`committees/${id}`);
    }
    return id;
  }

  /**
   * Resolves a person mention to an id: a match (recording a new spelling as
   * alias), or a new entry if the mention passes the gate (`gate.ts`). Ambiguous
   * mentions, and new ones the gate refuses, return undefined and a note
   * (`unresolved mention "…"`); the text stays in the protocol either way.
   * @param create false: only find a registered person, never create one
   * @param givenNameOnly the mention stands after a minute-taker label: one name word is enough (`gate.ts`)
   */
  resolvePerson(written: string, notes: RegistryNote[], line: number, create = true, givenNameOnly = false): string | undefined {
    const mention = withoutRole(written);
    const refusal = refusePerson(mention, { givenNameOnly });
    let match: ReturnType<PersonIndex['resolve']> | undefined;
    try {
      match = this.personIndex.resolve(mention);
    } catch {
      match = undefined; // no name word at all ("Herr Herr", "(...)"): the gate says why
    }
    if (match?.kind === 'match' && (!refusal || match.via !== 'surname')) {
      const parsed = parsePersonName(mention);
      const data = this.personIndex.get(match.id)!;
      const spelling = parsed.full;
      const known = [data.name, ...data.aliases].some((s) => s.toLowerCase() === spelling.toLowerCase());
      if (!known && parsed.givenName && match.via !== 'surname' && !refusal) {
        this.personIndex.addAlias(match.id, spelling);
        this.changes.push({ kind: 'person', id: match.id, change: 'alias', text: spelling, line });
        this.dirty.add(`people/${match.id}`);
      }
      return match.id;
    }
    if (match?.kind === 'ambiguous') {
      notes.push({ line, text: `ambiguous person "${mention}": could be ${match.ids.join(', ')}; not linked. Fix: add the spelling as an alias to the right person in content/people/.` });
      return undefined;
    }
    if (!create) return undefined;
    if (refusal || !match || match.kind !== 'none') {
      notes.push({ line, text: unresolved(mention, refusal ?? 'no name in it', 'content/people/') });
      return undefined;
    }
    const parsed = match.parsed;
    const near = match.suggestions.filter((s) => this.personIndex.get(s)?.familyName !== parsed.familyName);
    if (near.length) notes.push({ line, text: `new person "${parsed.full}" is spelled like ${near.join(', ')} but is registered apart (spellings merge only by the rules in README "Importing"). Fix: if it is the same person, add "${parsed.full}" as an alias there and delete the new entry.` });
    let id = slugify(parsed.full);
    if (this.people.has(id) || this.personIndex.get(id)) id = `${id}-2`;
    // One name word after a minute-taker label ("Protokoll: Paul") is a given name: the
    // person has no family name on record, and "Paul" is never filed as one.
    const onlyGiven = givenNameOnly && !parsed.givenName && refusePerson(mention) !== null;
    const data: PersonData = {
      name: parsed.full,
      ...(onlyGiven ? { givenName: parsed.familyName } : { ...(parsed.givenName && { givenName: parsed.givenName }), familyName: parsed.familyName }),
      ...(parsed.academicTitle && { academicTitle: parsed.academicTitle }),
      aliases: [],
    };
    this.personIndex.add(id, data);
    this.people.set(id, data);
    this.changes.push({ kind: 'person', id, change: 'new', text: mention, line });
    this.dirty.add(`people/${id}`);
    return id;
  }

  /**
   * Resolves an "X (Y)" mention ("Achim Sieker (BMAS)"). It is a person with an
   * organisation only when X is a personal name and Y an organisation (`gate.ts`):
   * - Y a registered organisation, or new and passing the gate: both resolved (created if new);
   * - Y a role or a note ("Versammlungsleitung", "entschuldigt", "über Zoom"): X alone, as a person;
   *   in an attendance list (`listed`) whatever Y is, as the list names people;
   * - Y anything else (a given name as in "Battle Bots (Marc)", an abbreviation X defines
   *   on the spot as in "Datenschutzgrundverordnung (DSGVO)"): X only if already registered.
   * When X is no person, Y is not registered either.
   */
  resolvePersonWithOrganisation(name: string, written: string | undefined, notes: RegistryNote[], line: number, listed = false): { person?: string; organisation?: string } {
    if (!written) return { person: this.resolvePerson(name, notes, line) };
    // "(IG BCE, beratend, zu TOP 3)": the organisation is the first part, the rest notes on the person.
    const organisation = this.isOrganisation(written) ? written : written.split(/,\s+/)[0];
    if (this.isOrganisation(organisation)) {
      const person = this.resolvePerson(name, notes, line);
      return { person, organisation: this.resolveOrganisation(organisation, notes, line) };
    }
    const refusal = refuseOrganisation(organisation) ?? (definesAbbreviation(name, organisation) ? `an abbreviation of "${name}" defined on the spot` : null);
    if (refusal && (listed || /(?:role|note|time), not an organisation$/.test(refusal))) return { person: this.resolvePerson(name, notes, line) };
    if (refusal) {
      const person = this.resolvePerson(name, [], line, false);
      if (!person) notes.push({ line, text: unresolved(`${name} (${organisation})`, `"${organisation}" is ${refusal.replace(/^an? /, (a) => a)}`, 'content/people/') });
      return { person };
    }
    const person = this.resolvePerson(name, notes, line);
    return { person, organisation: person ? this.resolveOrganisation(organisation, notes, line) : undefined };
  }

  /** Resolves an organisation mention ("ZDH – Zentralverband …", "IfM Bonn") to an id, creating it when new. */
  resolveOrganisation(mention: string, notes: RegistryNote[], line: number): string | undefined {
    const text = mention.replace(/\s+/g, ' ').trim();
    if (!text || !/\p{L}/u.test(text)) return undefined;
    const match = this.organisationIndex.resolve(text);
    if (match.kind === 'match') {
      const data = this.organisationIndex.get(match.id)!;
      const parsed = parseOrganisationMention(text);
      const spellings = [parsed.shortName, parsed.name].filter((s): s is string => Boolean(s));
      for (const s of spellings) {
        const known = [data.shortName, data.name, ...data.aliases].some((k) => orgKey(k) === orgKey(s));
        if (!known) {
          this.organisationIndex.addAlias(match.id, s);
          this.changes.push({ kind: 'organisation', id: match.id, change: 'alias', text: s, line });
          this.dirty.add(`organisations/${match.id}`);
        }
      }
      return match.id;
    }
    if (match.kind === 'ambiguous') {
      notes.push({ line, text: `ambiguous organisation "${mention}": could be ${match.ids.join(', ')}; not linked. Fix: add the spelling as an alias in content/organisations/.` });
      return undefined;
    }
    const refusal = refuseOrganisation(text);
    if (refusal) {
      notes.push({ line, text: unresolved(text, refusal, 'content/organisations/') });
      return undefined;
    }
    const parsed = match.parsed;
    const shortName = parsed.shortName ?? parsed.name ?? text;
    const name = parsed.name ?? parsed.shortName ?? text;
    let id = slugify(shortName);
    if (!id) return undefined;
    if (this.organisationIndex.get(id)) id = slugify(name);
    if (this.organisationIndex.get(id)) id = `${id}-2`;
    const data: OrganisationData = { shortName, name, aliases: [] };
    this.organisationIndex.add(id, data);
    this.organisations.set(id, data);
    this.changes.push({ kind: 'organisation', id, change: 'new', text, line });
    this.dirty.add(`organisations/${id}`);
    return id;
  }

  /**
   * Finds a person by initials ("OC" → Oleg Cernavin), preferring `among` (e.g. the
   * meeting's attendees and presenters). Undefined when none or several fit.
   */
  personByInitials(initials: string, among: string[]): string | undefined {
    const fits = (id: string) => {
      const p = this.personIndex.get(id);
      if (!p) return false;
      const given = (p.givenName ?? '').split(/[\s-]+/).filter(Boolean).map((w) => w[0]).join('');
      const family = (p.familyName ?? '').split(/[\s-]+/).filter(Boolean).map((w) => w[0]).join('');
      return [`${given[0] ?? ''}${family}`, `${given}${family}`].includes(initials.toUpperCase());
    };
    const local = [...new Set(among)].filter(fits);
    if (local.length === 1) return local[0];
    const all = [...this.people.keys()].filter(fits);
    return all.length === 1 ? all[0] : undefined;
  }

  /**
   * Writes new and changed entries as YAML (`<target>/<kind>/<id>.yaml`, default the
   * registry's own folder); an existing entry is read from `target` if there, else from the
   * registry's folder, and updated in place. Returns the paths written.
   */
  save(target = this.root): string[] {
    const written: string[] = [];
    for (const key of [...this.dirty].sort()) {
      const [kind, id] = key.split('/') as [Kind, string];
      const data =
        kind === 'people' ? this.personIndex.get(id) : kind === 'organisations' ? this.organisationIndex.get(id) : this.committees.get(id);
      if (!data) continue;
      mkdirSync(join(target, kind), { recursive: true });
      const path = join(target, kind, `${id}.yaml`);
      const existing = [path, ...(this.overlay ? [join(this.overlay, kind, `${id}.yaml`)] : []), join(this.root, kind, `${id}.yaml`)].find((p) => existsSync(p));
      writeFileSync(path, existing ? updateYaml(readContentText(existing), data as Record<string, unknown>) : stringify(data));
      written.push(path);
    }
    this.dirty.clear();
    return written;
  }
}
