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
 * Prepares the registries once per load; `inputFor(text, meetingId)` then answers per protocol.
 * @example mentionDigest(registries).inputFor('Hr. Göbel berichtet.', 'm').people.map((p) => p[0]) // => ['christof-goebel']
 */
export function mentionDigest(registries: MentionRegistries) {
  const peopleByKey = new Map<string, string[]>();
  for (const [id, person] of registries.people) {
    for (const key of new Set(familyKeys(person))) peopleByKey.set(key, [...(peopleByKey.get(key) ?? []), id]);
  }
  const organisationRuns = [...registries.organisations].map(([id, o]) => ({
    id,
    spellings: [...new Set([o.shortName, o.name, ...o.aliases])].filter((s) => s.trim().length >= 2).map((s) => s.match(RUN) ?? []),
  }));
  const neededRuns = new Set(organisationRuns.flatMap((o) => o.spellings.flat()));

  return {
    /** The entries whose names could match in `body` (MDX, without frontmatter) of meeting `meetingId`, sorted by id. */
    inputFor(body: string, meetingId: string): MentionDigestInput {
      const text = body.replace(COMMENT, ' ');
      // Family names start with a capital (the matcher skips other words); a family name of
      // two words is two adjacent tokens, filed under their joined keys.
      const tokens = text.match(TOKEN) ?? [];
      const people = new Set<string>();
      const lookup = (key: string) => {
        for (const id of peopleByKey.get(key) ?? []) people.add(id);
      };
      let previous: string | undefined;
      for (const token of tokens) {
        if (!CAPITAL.test(token)) {
          previous = undefined;
          continue;
        }
        lookup(nameKey(token));
        if (previous !== undefined) lookup(pairKey(previous, token));
        previous = token;
      }
      // Only runs that some organisation spelling needs: the text has thousands, the registry a few hundred.
      const runs = new Set<string>();
      for (const run of text.match(RUN) ?? []) if (neededRuns.has(run)) runs.add(run);
      const organisations = organisationRuns
        .filter((o) => o.spellings.some((spelling) => spelling.length === 0 || spelling.every((run) => runs.has(run))))
        .map((o) => o.id);
      return {
        people: [...people].sort().map((id) => {
          const p = registries.people.get(id)!;
          return [id, p.name, p.givenName, p.familyName, p.aliases];
        }),
        organisations: organisations.sort().map((id) => {
          const o = registries.organisations.get(id)!;
          return [id, o.name, o.shortName, o.aliases];
        }),
        decisions: registries.nameDecisions.filter((d) => d.meeting === meetingId),
      };
    },
  };
}
