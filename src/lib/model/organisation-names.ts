/**
 * Organisations as protocols write them ("AB CD", "IfB Köln", "Institut … (IfB)"): the mention
 * parser and the organisation index that finds them in `content/organisations/`. Rules only,
 * never a name (see `names.ts`). Runs under `node --experimental-strip-types`: `.ts` import paths.
 */
import type { OrganisationData } from './schema.ts';
import { collapseSpaces, foldLetters, slugify, SPACED_DASH } from './names.ts';

// ---------------------------------------------------------------------------------------
// Organisations
// ---------------------------------------------------------------------------------------

/**
 * Whether a token reads as an abbreviation rather than a name: at least two capitals and no
 * run of four lower-case letters ("AB CD", "IfB Köln", "XyZ"; not "ABC Akademie",
 * "ABC-Geschäftsstelle"), or a single lower-case word of 2–4 letters ("abc", "ifxy").
 * @example looksLikeAbbreviation('IfB Köln') // => true
 * @example looksLikeAbbreviation('Institut für Beispielforschung Köln') // => false
 */
export function looksLikeAbbreviation(s: string): boolean {
  const text = s.trim();
  const capitals = text.match(/\p{Lu}/gu)?.length ?? 0;
  if (capitals >= 2 && !/\p{Ll}{4,}/u.test(text)) return true;
  return /^\p{Ll}{2,4}$/u.test(text);
}

/** An organisation mention taken apart by `parseOrganisationMention`. */
export type OrganisationMention = {
  /** The abbreviation, if the mention has one ("ABC", "IfB Köln"). */
  shortName?: string;
  /** The full name, if the mention has one ("Allgemeiner Beispielverband"). */
  name?: string;
  /** A role written before a slash ("Geschäftsstellenleiter" in "…/AB CD"). */
  role?: string;
  /** The mention as written, spaces collapsed. */
  raw: string;
};

/**
 * Split an organisation mention into abbreviation and full name:
 * - "short – long" or "long - short" (any dash with spaces around it): split when exactly
 *   one side `looksLikeAbbreviation`; a name with inner dashes ("Stiftung „Arbeit – Leben
 *   – Zukunft“") has no abbreviation side and stays whole.
 * - "role/ORG": when the part after the last slash looks like an abbreviation, it is the
 *   organisation and the part before is returned as `role`; otherwise the slash stays.
 * - anything else is a `shortName` if it looks like an abbreviation, else a `name`.
 * @example parseOrganisationMention('ABC – Allgemeiner Beispielverband') // => { shortName: 'ABC', name: 'Allgemeiner Beispielverband', raw: … }
 * @example parseOrganisationMention('Geschäftsstellenleiter/AB CD') // => { shortName: 'AB CD', role: 'Geschäftsstellenleiter', raw: … }
 */
export function parseOrganisationMention(s: string): OrganisationMention {
  const raw = collapseSpaces(s);
  let text = /^\(.*\)$/.test(raw) ? raw.slice(1, -1).trim() : raw;
  let role: string | undefined;

  const slash = text.lastIndexOf('/');
  if (slash > 0 && looksLikeAbbreviation(text.slice(slash + 1))) {
    role = text.slice(0, slash).trim();
    text = text.slice(slash + 1).trim();
  }

  const dashes = [...text.matchAll(new RegExp(SPACED_DASH.source, 'g'))];
  if (dashes.length > 0) {
    const first = dashes[0];
    const last = dashes[dashes.length - 1];
    const head = text.slice(0, first.index);
    const afterHead = text.slice(first.index + first[0].length);
    const tail = text.slice(last.index + last[0].length);
    const beforeTail = text.slice(0, last.index);
    if (looksLikeAbbreviation(head) && !looksLikeAbbreviation(afterHead)) {
      return { shortName: head, name: afterHead, ...(role && { role }), raw };
    }
    if (looksLikeAbbreviation(tail) && !looksLikeAbbreviation(beforeTail)) {
      return { shortName: tail, name: beforeTail, ...(role && { role }), raw };
    }
  }
  const part = looksLikeAbbreviation(text) ? { shortName: text } : text ? { name: text } : {};
  return { ...part, ...(role && { role }), raw };
}

/**
 * A comparison key for organisation names: folded like `slugify`, lower case, "e.V." /
 * "e. V." dropped, then everything but letters and digits removed (spaces, hyphens, dots,
 * quotes), so "AB CD" = "ABCD".
 * @example orgKey('Deutscher Beispiel-Verband e. V.') // => 'deutscherbeispielverband'
 */
export function orgKey(s: string): string {
  return foldLetters(s)
    .toLowerCase()
    .replace(/(^|[\s,(])e\.\s?v\.?(?=$|[\s,)])/g, '$1')
    .replace(/[^a-z0-9]/g, '');
}

/** Which rule matched an organisation mention; see `createOrganisationIndex`. */
export type OrganisationMatchRule = 'exact' | 'alias' | 'part';

/** The answer of `OrganisationIndex.resolve`. */
export type OrganisationMatch =
  | { kind: 'match'; id: string; via: OrganisationMatchRule }
  | { kind: 'ambiguous'; ids: string[]; parsed: OrganisationMention }
  | { kind: 'none'; parsed: OrganisationMention };

/** A registry entry as `getCollection('organisations')` and the importer see it. */
export type OrganisationEntry = { id: string; data: OrganisationData };

/** Finds registry organisations for protocol mentions; built by `createOrganisationIndex`. */
export type OrganisationIndex = {
  /** Find the organisation a mention means; see `createOrganisationIndex` for the rules. */
  resolve(mention: string): OrganisationMatch;
  /** Register an organisation created during this run. Throws if the id is taken. */
  add(id: string, data: OrganisationData): void;
  /** Record an editor's decision that `alias` means `id`. Throws if the id is unknown. */
  addAlias(id: string, alias: string): void;
  /** The entry's data incl. aliases added in this run (a copy), to write back to YAML. */
  get(id: string): OrganisationData | undefined;
};

/**
 * Index registry organisations for resolving mentions, comparing by `orgKey`:
 * 1. `exact` / `alias`: the whole mention equals a shortName or name / an alias.
 * 2. `part`: the parts of a "short – long" or "role/ORG" mention (`parseOrganisationMention`)
 *    each compared the same way; parts pointing at different entries are ambiguous.
 * Several entries sharing a key are ambiguous. No substring matching: "Geschäftsstelle des
 * Beispielverbands" is `none` until an alias records it, even if "Beispielverband" is known.
 * @example createOrganisationIndex(entries).resolve('ABCD') // => { kind: 'match', id: 'ab-cd', via: 'exact' }
 */
export function createOrganisationIndex(entries: Iterable<OrganisationEntry> = []): OrganisationIndex {
  const organisations = new Map<string, OrganisationData>();
  type OrgKey = { id: string; key: string; source: 'exact' | 'alias' };
  /** Keys by value: a lookup, not a scan of every key (linear time for many organisations, issue #12). */
  const keys = new Map<string, OrgKey[]>();

  function addKey(id: string, text: string, source: 'exact' | 'alias'): void {
    const key = orgKey(text);
    if (!key) return;
    const bucket = keys.get(key);
    if (bucket) bucket.push({ id, key, source });
    else keys.set(key, [{ id, key, source }]);
  }

  function add(id: string, data: OrganisationData): void {
    if (organisations.has(id)) {
      throw new Error(`Organisation id "${id}" is already registered. Fix: pick another id, or use addAlias("${id}", …) to record another spelling.`);
    }
    const copy = { ...data, aliases: [...(data.aliases ?? [])] };
    addKey(id, copy.shortName, 'exact');
    addKey(id, copy.name, 'exact');
    for (const alias of copy.aliases) addKey(id, alias, 'alias');
    organisations.set(id, copy);
  }

  function addAlias(id: string, alias: string): void {
    const organisation = organisations.get(id);
    if (!organisation) throw new Error(`Cannot add alias "${alias}": no organisation "${id}" in the registry. Fix: add() it first.`);
    const text = collapseSpaces(alias);
    if (organisation.aliases.includes(text)) return;
    organisation.aliases.push(text);
    addKey(id, text, 'alias');
  }

  function get(id: string): OrganisationData | undefined {
    const organisation = organisations.get(id);
    return organisation && { ...organisation, aliases: [...organisation.aliases] };
  }

  function resolve(mention: string): OrganisationMatch {
    const parsed = parseOrganisationMention(mention);
    const matching = (text: string | undefined) => {
      const key = text === undefined ? '' : orgKey(text);
      return key ? (keys.get(key) ?? []) : [];
    };

    const whole = matching(parsed.raw);
    const parts = whole.length > 0 ? [] : [...matching(parsed.shortName), ...matching(parsed.name)];
    const matched = whole.length > 0 ? whole : parts;
    const ids = [...new Set(matched.map((k) => k.id))].sort();
    if (ids.length === 0) return { kind: 'none', parsed };
    if (ids.length > 1) return { kind: 'ambiguous', ids, parsed };
    const via = whole.length === 0 ? 'part' : whole.some((k) => k.source === 'exact') ? 'exact' : 'alias';
    return { kind: 'match', id: ids[0], via };
  }

  for (const entry of entries) add(entry.id, entry.data);
  return { resolve, add, addAlias, get };
}
