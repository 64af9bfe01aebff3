/**
 * Which registry entries a protocol's HTML can depend on, found without rendering it:
 * the part of the registries that goes into the protocol's digest
 * (`src/lib/text/protocol-loader.ts`), so that editing a person re-renders only the protocols
 * where that person could be mentioned.
 *
 * The test is a cheap, sound pre-filter of the mention matcher (`src/lib/text/mention-matcher.ts`):
 * - a person can only be found where one of their family names (from `familyName` and the
 *   aliases, as the matcher reads them) appears as one or two words of the text, compared
 *   with `nameKey` like the matcher's family-name lookup;
 * - an organisation can only be found where every letter/digit run of one of its spellings
 *   (short name, name, aliases) occurs as a run of the text (case-sensitive, like the matcher);
 * - name decisions count for their meeting.
 * It reads the raw MDX body, which contains all visible text, without its MDX comments
 * (`{/* … *\/}`, the importer's copy of the original header: never linked), so it finds at
 * least what the matcher finds (`test/site/protocol-loader.test.ts` checks that on the real
 * protocols) and little more.
 * Only the fields the matcher and the links read go in (names, aliases), not summaries.
 * Between builds the loader keeps, per protocol, a filter of what `scanMentions` found in it
 * (`src/lib/text/word-filter.ts`) and each registry entry's part of the digests
 * (`mentionEntries`); after a registry change it reads only the protocols in which a changed
 * entry's keys or spellings may occur (`changedMentions`, `mayMentionChange`): the others' input,
 * and so their digest, is what it was. An entry counts with its keys before and after the change.
 * Known gap: markup between the two words of a two-word family name ("[Müller](…) Buchzik")
 * hides the pair from this filter; an alias edit for such a person may then not re-render.
 */
import type { MentionRegistries } from '../model/registry-files.ts';
import { nameKey } from '../model/names.ts';
import { sortName } from '../model/person-names.ts';

/** Words as the matcher tokenises them (letters, hyphens, dots of abbreviations). */
const TOKEN = /[\p{L}][\p{L}\p{M}.'’-]*/gu;
/** Letter/digit runs, for organisation spellings. */
const RUN = /[\p{L}\p{N}]+/gu;
/** MDX comments, not preceded by a backslash (an escaped brace is text). */
const COMMENT = /(?<!\\)\{\/\*[\s\S]*?\*\/\}/g;
/** Honorifics and titles the matcher strips from the front of an alias. */
const ALIAS_PREFIX = /^(?:(?:Hr\.|Herrn?|Fr\.|Frau|Prof\.|Dr\.)\s+)+/;

/** A capital first letter: where the matcher looks for family names. */
const CAPITAL = /^\p{Lu}/u;

/**
 * The key the matcher files a family name of two words under, `nameKey(\`${a} ${b}\`)` (it
 * joins the words with a space, `src/lib/text/mention-matcher.ts`): the two keys joined, since
 * `nameKey` folds letter by letter and drops the space ("Schulze Müller" -> 'schulzemueller';
 * "Kop Hahn" keeps its 'ph': the space parts the two letters when `nameKey` folds ph -> f).
 */
function pairKey(a: string, b: string): string {
  return nameKey(a) + nameKey(b);
}

/** The family-name keys under which the matcher files a person (its `byFamily` map). */
function familyKeys(person: { name: string; familyName?: string; aliases: string[] }): string[] {
  const keys = [nameKey(sortName(person))];
  for (const alias of person.aliases) {
    const words = alias.replace(ALIAS_PREFIX, '').trim().split(/\s+/);
    keys.push(nameKey(words[words.length - 1]));
  }
  return keys;
}

/** The registry entries that could be mentioned in a protocol. */
export interface MentionDigestInput {
  people: [id: string, name: string, givenName: string | undefined, familyName: string | undefined, aliases: string[]][];
  organisations: [id: string, name: string, shortName: string, aliases: string[]][];
  decisions: unknown[];
}

/**
 * What of a protocol body decides which entries `inputFor` lists: the keys of its capitalised
 * words and of each two adjacent ones (`words`, compared with people's family-name keys), and its
 * letter/digit runs (`runs`, compared with organisation spellings). The loader keeps a filter of
 * both per protocol (`src/lib/text/word-filter.ts`, words prefixed `w`, runs `r`).
 */
export interface MentionScan {
  words: Set<string>;
  runs: Set<string>;
}

/**
 * Scans a protocol body (MDX, without frontmatter) as `inputFor` reads it.
 * @example [...scanMentions('Hr. Göbel berichtet.').words] // => ['hr', 'goebel', 'hrgoebel']
 */
export function scanMentions(body: string): MentionScan {
  const text = body.replace(COMMENT, ' ');
  // Family names start with a capital (the matcher skips other words); a family name of
  // two words is two adjacent tokens, filed under their joined keys.
  const words = new Set<string>();
  let previous: string | undefined;
  for (const token of text.match(TOKEN) ?? []) {
    if (!CAPITAL.test(token)) {
      previous = undefined;
      continue;
    }
    words.add(nameKey(token));
    if (previous !== undefined) words.add(pairKey(previous, token));
    previous = token;
  }
  return { words, runs: new Set(text.match(RUN) ?? []) };
}

/** The words of a scan as the loader's filter holds them (`src/lib/text/word-filter.ts`). */
export function scanFilterWords(scan: MentionScan): string[] {
  return [...[...scan.words].map((w) => `w${w}`), ...[...scan.runs].map((r) => `r${r}`)];
}

/** A person as the digest lists it. */
function personTuple(id: string, p: { name: string; givenName?: string; familyName?: string; aliases: string[] }): MentionDigestInput['people'][number] {
  return [id, p.name, p.givenName, p.familyName, p.aliases];
}

/** An organisation as the digest lists it. */
function organisationTuple(id: string, o: { name: string; shortName: string; aliases: string[] }): MentionDigestInput['organisations'][number] {
  return [id, o.name, o.shortName, o.aliases];
}

/** The letter/digit runs of each spelling of an organisation under which the matcher can find it. */
function organisationSpellings(o: { name: string; shortName: string; aliases: string[] }): string[][] {
  return [...new Set([o.shortName, o.name, ...o.aliases])].filter((s) => s.trim().length >= 2).map((s) => s.match(RUN) ?? []);
}

/**
 * Each registry entry's part of the digests, as JSON text by id (people, organisations) or by
 * meeting (name decisions): what the loader keeps between builds to tell which entries changed.
 */
export interface MentionEntries {
  people: Record<string, string>;
  organisations: Record<string, string>;
  decisions: Record<string, string>;
}

/**
 * The registries' `MentionEntries`.
 * @example mentionEntries(registries).people['rolf-papenfuss'] // => '["rolf-papenfuss","Rolf Papenfuß","Rolf","Papenfuß",["Rolf Papenfuss","Ralph Papenfuß"]]'
 */
export function mentionEntries(registries: MentionRegistries): MentionEntries {
  const people: Record<string, string> = {};
  for (const [id, p] of registries.people) people[id] = JSON.stringify(personTuple(id, p));
  const organisations: Record<string, string> = {};
  for (const [id, o] of registries.organisations) organisations[id] = JSON.stringify(organisationTuple(id, o));
  const byMeeting = new Map<string, unknown[]>();
  for (const d of registries.nameDecisions) byMeeting.set(d.meeting, [...(byMeeting.get(d.meeting) ?? []), d]);
  const decisions: Record<string, string> = {};
  for (const [meeting, list] of byMeeting) decisions[meeting] = JSON.stringify(list);
  return { people, organisations, decisions };
}

/**
 * Which filter words a change of the registries can concern: for every person and organisation
 * added, removed or changed, its keys and spellings before AND after (an entry that could match
 * before or after may change a digest; one that can match neither cannot); and the meetings
 * whose name decisions changed.
 */
export interface MentionChanges {
  /** Filter words (`w…`): a protocol with any of them may mention a changed person. */
  words: string[];
  /** Spellings as filter words (`r…`): a protocol with every word of one may mention a changed organisation (an empty one: every protocol). */
  spellings: string[][];
  /** Meetings whose name decisions changed. */
  meetings: Set<string>;
}

/** The ids whose JSON differs between `before` and `after` (added, removed or changed), with both texts. */
function changed(before: Record<string, string>, after: Record<string, string>): [before: string | undefined, after: string | undefined][] {
  const out: [string | undefined, string | undefined][] = [];
  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) if (before[id] !== after[id]) out.push([before[id], after[id]]);
  return out;
}

/**
 * What changed between the entries of the last sync and now.
 * @example changedMentions(before, after).words // => ['wneu'] after adding "Erika Neu"
 */
export function changedMentions(before: MentionEntries, after: MentionEntries): MentionChanges {
  const words = new Set<string>();
  for (const pair of changed(before.people, after.people)) {
    for (const json of pair) {
      if (json === undefined) continue;
      const [, name, , familyName, aliases] = JSON.parse(json) as [string, string, unknown, string | null, string[]];
      for (const key of familyKeys({ name, familyName: familyName ?? undefined, aliases })) words.add(`w${key}`);
    }
  }
  const spellings: string[][] = [];
  for (const pair of changed(before.organisations, after.organisations)) {
    for (const json of pair) {
      if (json === undefined) continue;
      const [, name, shortName, aliases] = JSON.parse(json) as [string, string, string, string[]];
      for (const runs of organisationSpellings({ name, shortName, aliases })) spellings.push(runs.map((r) => `r${r}`));
    }
  }
  const meetings = new Set<string>();
  for (const meeting of new Set([...Object.keys(before.decisions), ...Object.keys(after.decisions)])) if (before.decisions[meeting] !== after.decisions[meeting]) meetings.add(meeting);
  return { words: [...words], spellings, meetings };
}

/**
 * Whether a protocol whose scan the filter holds may mention what changed, i.e. whether its
 * digest can differ (`mayContain`: false only when certain).
 * @param contains the filter test of the protocol's words (`mayContain` of its filter)
 */
export function mayMentionChange(changes: MentionChanges, contains: (word: string) => boolean, meetingId: string): boolean {
  if (changes.meetings.has(meetingId)) return true;
  if (changes.words.some(contains)) return true;
  return changes.spellings.some((spelling) => spelling.every(contains));
}

/**
 * Prepares the registries once per load; `inputFor(text, meetingId)` then answers per protocol.
 * @example mentionDigest(registries).inputFor('Hr. Göbel berichtet.', 'm').people.map((p) => p[0]) // => ['christof-goebel']
 */
export function mentionDigest(registries: MentionRegistries) {
  const peopleByKey = new Map<string, string[]>();
  for (const [id, person] of registries.people) {
    for (const key of new Set(familyKeys(person))) peopleByKey.set(key, [...(peopleByKey.get(key) ?? []), id]);
  }
  const organisationRuns = [...registries.organisations].map(([id, o]) => ({ id, spellings: organisationSpellings(o) }));

  /** The entries whose names could match in a body scanned with `scanMentions`, of meeting `meetingId`, sorted by id. */
  function inputForScan(scan: MentionScan, meetingId: string): MentionDigestInput {
    const people = new Set<string>();
    for (const key of scan.words) for (const id of peopleByKey.get(key) ?? []) people.add(id);
    const organisations = organisationRuns
      .filter((o) => o.spellings.some((spelling) => spelling.length === 0 || spelling.every((run) => scan.runs.has(run))))
      .map((o) => o.id);
    return {
      people: [...people].sort().map((id) => personTuple(id, registries.people.get(id)!)),
      organisations: organisations.sort().map((id) => organisationTuple(id, registries.organisations.get(id)!)),
      decisions: registries.nameDecisions.filter((d) => d.meeting === meetingId),
    };
  }

  return {
    inputForScan,
    /** The entries whose names could match in `body` (MDX, without frontmatter) of meeting `meetingId`, sorted by id. */
    inputFor: (body: string, meetingId: string): MentionDigestInput => inputForScan(scanMentions(body), meetingId),
  };
}
