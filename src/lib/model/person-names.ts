/**
 * People as protocols write them ("Fr. Dr. Mustermann", "Hr. Müller (ABC)"): the person mention
 * parser and the person index that finds them in `content/people/`. Rules only, never a name
 * (see `names.ts`); an undecidable mention answers `ambiguous` or `none` and the importer asks.
 * Runs under `node --experimental-strip-types` (the importer): `.ts` import paths.
 */
import type { PersonData } from './schema.ts';
import { collapseSpaces, isWithinOneEdit, nameKey, slugify, SPACED_DASH } from './names.ts';

// ---------------------------------------------------------------------------------------
// Person mentions
// ---------------------------------------------------------------------------------------

/** How a protocol addresses a person: "Hr."/"Herr"/"Herrn" -> Herr, "Fr."/"Frau" -> Frau. */
export type Honorific = 'Herr' | 'Frau';

/** A person mention taken apart by `parsePersonName`. */
export type ParsedPersonName = {
  /** Honorific if the mention had one ("Hr. Mustermann" -> 'Herr'). */
  honorific?: Honorific;
  /** Academic titles as written, in order ("Prof. Dr.", "Dr.-Ing."). */
  academicTitle?: string;
  /** Given name(s) incl. middle initials ("Erika M.", "Hans-Peter"); absent in "Herr Mustermann". */
  givenName?: string;
  /** Family name ("Mustermann", "Schulze Bauer"). */
  familyName: string;
  /** Given + family name without titles ("Erika Mustermann"; "Mustermann" when no given name). */
  full: string;
  /** The organisation written after the name: "(ABC)", ", (ABC)" or " – Verband …". */
  organisation?: string;
};

const HONORIFICS: Record<string, Honorific> = {
  'hr.': 'Herr', herr: 'Herr', herrn: 'Herr', 'hrn.': 'Herr',
  'fr.': 'Frau', frau: 'Frau',
};

/**
 * One token of an academic title or degree written before a name: Prof., Dr. (with or
 * without dot), Dr.-Ing., Dipl.-Ing./Dipl.-Kfm., PD, Jun.-Prof., and the faculty parts of
 * "Dr. rer. nat." or "Dr. h.c.". An initial ("F.") is not a title.
 */
const TITLE_TOKEN =
  /^(?:prof\.?|dr\.?|dr\.-\p{L}+\.|dipl\.-\p{L}+\.?|pd|apl\.|jun\.-prof\.|priv\.-doz\.|(?:rer|phil|med|nat|oec|pol|jur|habil)\.|h\.c\.)$/iu;

/** An initial: "F." or "H.-J.". */
const INITIAL = /^\p{Lu}\.(?:-\p{Lu}\.)*$/u;


/** Split a trailing "(…)" off, keeping nested parentheses inside it. */
function splitTrailingParenthesis(s: string): { rest: string; inner?: string } {
  if (!s.endsWith(')')) return { rest: s };
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === ')') depth++;
    else if (s[i] === '(' && --depth === 0) {
      return { rest: s.slice(0, i).replace(/[\s,]+$/, ''), inner: s.slice(i + 1, -1).trim() };
    }
  }
  return { rest: s }; // unbalanced: leave the text alone rather than guess
}

/**
 * Take a person mention apart into honorific, titles, given and family name, organisation.
 *
 * - Honorifics (Hr., Herr, Herrn, Fr., Frau) and titles (see `TITLE_TOKEN`) are read from
 *   the front in any order ("Hr. Prof. Dr. Mustermann", "Prof. Dr. Herr …").
 * - A trailing "(Org)" or ", (Org)" is the organisation; failing that, the text after the
 *   first spaced dash ("Erika Mustermann – Verband …"). "Mustermann, Erika" is NOT understood.
 * - The words left: one word is the family name; two are given + family; with three or
 *   more, initials after the first word join the given names and the rest is the family
 *   name ("Erika M. Mustermann" -> "Erika M." + "Mustermann"; "Erika Schulze Bauer" ->
 *   "Erika" + "Schulze Bauer"). So "Hans Peter Schulze" splits wrongly as "Hans" + "Peter
 *   Schulze"; the indexes compare whole names too, so a registry entry still matches.
 *
 * Throws when no name word is left ("Herr", "Prof. Dr."): the caller must report it.
 * @example parsePersonName('Fr. Dr. Mustermann') // => { honorific: 'Frau', academicTitle: 'Dr.', familyName: 'Mustermann', full: 'Mustermann' }
 * @example parsePersonName('Max Mustermann (ABC)') // => { givenName: 'Max', familyName: 'Mustermann', full: 'Max Mustermann', organisation: 'ABC' }
 */
export function parsePersonName(mention: string): ParsedPersonName {
  let text = collapseSpaces(mention);
  let organisation: string | undefined;

  const paren = splitTrailingParenthesis(text);
  if (paren.inner) {
    text = paren.rest;
    organisation = paren.inner;
  } else {
    const dash = SPACED_DASH.exec(text);
    if (dash) {
      organisation = text.slice(dash.index + dash[0].length).trim() || undefined;
      text = text.slice(0, dash.index);
    }
  }

  const words = text.replace(/[,;:]+$/, '').split(' ').filter(Boolean);
  let honorific: Honorific | undefined;
  const titles: string[] = [];
  while (words.length > 0) {
    const word = words[0];
    const asHonorific = HONORIFICS[word.toLowerCase()];
    if (asHonorific) honorific ??= asHonorific;
    else if (TITLE_TOKEN.test(word)) titles.push(word);
    else break;
    words.shift();
  }
  if (words.length === 0) {
    throw new Error(
      `parsePersonName: "${mention}" has no name after its titles and honorifics. ` +
        `Fix: pass a mention that contains at least a family name, e.g. "Herr Mustermann".`,
    );
  }

  let givenWords: string[] = [];
  let familyWords = words;
  if (words.length >= 2) {
    let split = 1;
    while (words.length >= 3 && split < words.length - 1 && INITIAL.test(words[split])) split++;
    givenWords = words.slice(0, split);
    familyWords = words.slice(split);
  }
  const givenName = givenWords.length > 0 ? givenWords.join(' ') : undefined;
  const familyName = familyWords.join(' ');

  return {
    ...(honorific && { honorific }),
    ...(titles.length > 0 && { academicTitle: titles.join(' ') }),
    ...(givenName && { givenName }),
    familyName,
    full: words.join(' '),
    ...(organisation && { organisation }),
  };
}

/**
 * Split a list of person mentions at top-level ",", ";", " und ", " sowie ", " & ". Commas
 * inside parentheses and a comma right before "(" ("Erika Mustermann, (ABC)") do not split,
 * so an organisation containing "und" must be in parentheses to stay whole.
 * @example splitPersonMentions('Fr. Dr. Mustermann und Hr. Schulze') // => ['Fr. Dr. Mustermann', 'Hr. Schulze']
 */
export function splitPersonMentions(list: string): string[] {
  const text = collapseSpaces(list);
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    if (depth > 0) continue;
    let cut = 0;
    if ((c === ',' || c === ';') && !/^\s*\(/.test(text.slice(i + 1))) cut = 1;
    else if (c === ' ') cut = /^ (?:und|sowie|&) /.exec(text.slice(i))?.[0].length ?? 0;
    if (cut > 0) {
      parts.push(text.slice(start, i));
      start = i + cut;
      i = start - 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * The id a new person gets: the slug of given + family name, titles and honorifics
 * dropped. A surname-only mention gives just the family name, so mint ids from full names.
 * @example personIdFromName('Dr. Erika Mustermann') // => 'erika-mustermann'
 * @example personIdFromName('Jürgen Groß') // => 'juergen-gross'
 */
export function personIdFromName(mention: string): string {
  return slugify(parsePersonName(mention).full);
}

/**
 * The word a person is ordered by A–Z: the family name, or the name of a person known by
 * given name only.
 * @example sortName({ name: 'Paul', givenName: 'Paul' }) // => 'Paul'
 */
export function sortName(person: Pick<PersonData, 'name' | 'familyName'>): string {
  return person.familyName ?? person.name;
}

/**
 * How the site prints a person: academic title, then the name.
 * @example displayName({ name: 'Erika Mustermann', familyName: 'Mustermann', academicTitle: 'Prof. Dr.', aliases: [] }) // => 'Prof. Dr. Erika Mustermann'
 */
export function displayName(person: Pick<PersonData, 'name' | 'academicTitle'>): string {
  return [person.academicTitle, person.name].filter(Boolean).join(' ');
}

// ---------------------------------------------------------------------------------------
// Person index
// ---------------------------------------------------------------------------------------

/** Which rule matched a person mention; see `createPersonIndex`. */
export type PersonMatchRule = 'exact' | 'alias' | 'key' | 'variant' | 'surname';

/** The answer of `PersonIndex.resolve`. */
export type PersonMatch =
  | { kind: 'match'; id: string; via: PersonMatchRule }
  /** Several people fit equally well: the editor decides (and records an alias). */
  | { kind: 'ambiguous'; ids: string[]; parsed: ParsedPersonName }
  /** Nobody fits. `suggestions`: ids with a (nearly) equal family name, for the error message. */
  | { kind: 'none'; parsed: ParsedPersonName; suggestions: string[] };

/** A registry entry as Astro's `getCollection('people')` and the importer see it. */
export type PersonEntry = { id: string; data: PersonData };

/** Finds registry people for protocol mentions; built by `createPersonIndex`. */
export type PersonIndex = {
  /** Find the person a mention means; see `createPersonIndex` for the rules. */
  resolve(mention: string): PersonMatch;
  /** Register a person created during this run. Throws if the id is taken. */
  add(id: string, data: PersonData): void;
  /** Record an editor's decision that `alias` means `id`. Throws if the id is unknown. */
  addAlias(id: string, alias: string): void;
  /** The entry's data incl. aliases added in this run (a copy), to write back to YAML. */
  get(id: string): PersonData | undefined;
};

/** One way a person is written (their name, or one alias), precomputed for matching. */
type PersonSpelling = {
  id: string;
  source: 'exact' | 'alias';
  /** The alias as written, lower case (for the verbatim rule). */
  verbatim?: string;
  /** Given + family, titles dropped, lower case. */
  full: string;
  givenName?: string;
  givenKey?: string;
  familyKey: string;
  /** nameKey of given + family together: the same whichever way the words were split. */
  fullKey: string;
};

function spellingOf(id: string, source: 'exact' | 'alias', p: { givenName?: string; familyName?: string }): PersonSpelling {
  // A person known by given name only is matched as a one-word mention is read ("Paul": one word).
  const family = p.familyName ?? p.givenName ?? '';
  const given = p.familyName === undefined ? undefined : p.givenName;
  const full = [given, family].filter(Boolean).join(' ');
  return {
    id,
    source,
    full: full.toLowerCase(),
    givenName: given,
    givenKey: given === undefined ? undefined : nameKey(given),
    familyKey: nameKey(family),
    fullKey: nameKey(full),
  };
}

/** Longest family key whose one-letter deletions are indexed; longer "names" are text, not names. */
const MAX_VARIANT_KEY = 40;

/** Lookup keys of a spelling for the person index's buckets (see `createPersonIndex`). */
function spellingKeys(s: Pick<PersonSpelling, 'verbatim' | 'full' | 'fullKey' | 'givenKey' | 'familyKey'>): string[] {
  const keys = [`f:${s.full}`, `k:${s.fullKey}`, `n:${s.familyKey}`];
  if (s.verbatim !== undefined) keys.push(`v:${s.verbatim}`);
  if (s.givenKey !== undefined) keys.push(`g:${s.givenKey}`);
  if (s.familyKey.length <= MAX_VARIANT_KEY) {
    for (let i = 0; i < s.familyKey.length; i++) keys.push(`n:${s.familyKey.slice(0, i)}${s.familyKey.slice(i + 1)}`);
  }
  return keys;
}

function spellingsOfPerson(id: string, data: PersonData): PersonSpelling[] {
  const spellings = [spellingOf(id, 'exact', data)];
  const parsedName = parsePersonName(data.name);
  if (parsedName.full.toLowerCase() !== spellings[0].full) spellings.push(spellingOf(id, 'exact', parsedName));
  for (const alias of data.aliases ?? []) spellings.push(aliasSpelling(id, alias, data.givenName));
  return spellings;
}

/**
 * The spelling of an alias. A family name alone ("Jödicke") records that spelling of the
 * family name: with the person's own given name it matches too ("Volker Jödicke").
 */
function aliasSpelling(id: string, alias: string, givenName?: string): PersonSpelling {
  let parsed: ParsedPersonName;
  try {
    parsed = parsePersonName(alias);
  } catch {
    throw new Error(`content/people/${id}.yaml: alias "${alias}" contains no name. Fix: write the name as protocols do, e.g. "Herr Mustermann".`);
  }
  const spelling = spellingOf(id, 'alias', parsed.givenName === undefined && givenName ? { givenName, familyName: parsed.familyName } : parsed);
  return { ...spelling, full: parsed.full.toLowerCase(), verbatim: collapseSpaces(alias).toLowerCase() };
}

/** Whether `initials` ("H.-P.", "E.") abbreviates `name` ("Hans-Peter", "Erika"). */
function isInitialsOf(initials: string, name: string): boolean {
  if (!/^(?:\p{Lu}\.?[-\s]*)+$/u.test(initials)) return false;
  const letters = (initials.match(/\p{L}/gu) ?? []).map(nameKey);
  const firsts = name.split(/[-\s]+/).map((part) => nameKey(part).charAt(0));
  return letters.length <= firsts.length && letters.every((l, i) => l === firsts[i]);
}

/**
 * Given names that may be the same person's (with the same family name): one written as
 * the initials of the other ("E." for "Erika", "H.-J." for "Hans-Joachim"), or with middle
 * initials left out ("Patrick" for "Patrick F."). Names that
 * differ in letters ("Karl"/"Carl", "Ralf"/"Rolf") are different names unless an alias says so.
 */
function areGivenVariants(a: string, b: string): boolean {
  return isInitialsOf(a, b) || isInitialsOf(b, a) || sameWithoutMiddleInitials(a, b);
}

/** "Patrick" and "Patrick F.": the same given name, one with middle initials. */
function sameWithoutMiddleInitials(a: string, b: string): boolean {
  const strip = (s: string) => s.split(/\s+/).filter((w) => !INITIAL.test(w)).join(' ');
  const [sa, sb] = [strip(a), strip(b)];
  return sa !== '' && (sa !== a || sb !== b) && nameKey(sa) === nameKey(sb);
}

/** Family keys one edit apart ("Meier"/"Maier"; both at least 4 letters): never a match, only a suggestion for the reviewer. */
function areFamilyVariants(ka: string, kb: string): boolean {
  return ka.length >= 4 && kb.length >= 4 && isWithinOneEdit(ka, kb);
}

/**
 * Index registry people for resolving protocol mentions. Rules, first that fits wins;
 * within one rule, several people fitting is `ambiguous`, never a guess:
 * 1. `alias`: an alias equal to the mention as written (case and spacing aside) — an
 *    editor's recorded decision wins over everything.
 * 2. `exact` / `alias`: name or alias equal to the mention, titles and honorifics dropped,
 *    case-insensitive ("Dr. Erika Mustermann" = "Erika Mustermann").
 * 3. `key`: with a given name, equal `nameKey`s of given and family name, or of the whole
 *    name ("Jürgen Gross" = "Jürgen Groß", "Erika Schulze Bauer" = "Erika Schulze-Bauer").
 * 4. `variant`: with a given name, same family key and the given name written as initials
 *    ("E. Mustermann", "H.-J. Karp").
 * 5. `surname`: without a given name ("Herr Mustermann", "Fr. Dr. Mustermann"), the one
 *    person with that family key, or ambiguous.
 * A family name one letter off ("Maier" for a registered Meier, "Kuhn" for Kühn) is
 * another person: `none`, with the near spelling as a suggestion, until an editor records
 * an alias.
 * @example createPersonIndex(entries).resolve('Hr. Prof. Mustermann (ABC)') // => { kind: 'match', id: 'max-mustermann', via: 'surname' }
 */
export function createPersonIndex(entries: Iterable<PersonEntry> = []): PersonIndex {
  const people = new Map<string, PersonData>();
  const spellings: PersonSpelling[] = [];
  /**
   * Spellings by lookup key, so that `resolve` compares a mention with its candidates only,
   * not with every spelling: a 12,000-name attendance list took 57 s (issue #12, class 8).
   * Keys: verbatim, full, full key, given key, and the family key with each one letter
   * deleted, which two family keys one edit apart always share.
   */
  const buckets = new Map<string, PersonSpelling[]>();
  const index = (s: PersonSpelling) => {
    for (const key of spellingKeys(s)) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(s);
      else buckets.set(key, [s]);
    }
  };
  /** The spellings sharing a key with the mention: a superset of every tier's matches. */
  const candidates = (probe: Pick<PersonSpelling, 'verbatim' | 'full' | 'fullKey' | 'givenKey' | 'familyKey'>): PersonSpelling[] => {
    const found = new Set<PersonSpelling>();
    for (const key of spellingKeys(probe)) for (const s of buckets.get(key) ?? []) found.add(s);
    return [...found];
  };

  function add(id: string, data: PersonData): void {
    if (people.has(id)) {
      throw new Error(`Person id "${id}" is already registered. Fix: pick another id, or use addAlias("${id}", …) to record another spelling.`);
    }
    const copy = { ...data, aliases: [...(data.aliases ?? [])] };
    const own = spellingsOfPerson(id, copy);
    spellings.push(...own);
    own.forEach(index);
    people.set(id, copy);
  }

  function addAlias(id: string, alias: string): void {
    const person = people.get(id);
    if (!person) throw new Error(`Cannot add alias "${alias}": no person "${id}" in the registry. Fix: add() the person first.`);
    const verbatim = collapseSpaces(alias).toLowerCase();
    if (person.aliases.some((a) => collapseSpaces(a).toLowerCase() === verbatim)) return;
    const spelling = aliasSpelling(id, alias, person.givenName);
    spellings.push(spelling);
    index(spelling);
    person.aliases.push(collapseSpaces(alias));
  }

  function get(id: string): PersonData | undefined {
    const person = people.get(id);
    return person && { ...person, aliases: [...person.aliases] };
  }

  function resolve(mention: string): PersonMatch {
    const parsed = parsePersonName(mention);
    const verbatim = collapseSpaces(mention).toLowerCase();
    const full = parsed.full.toLowerCase();
    const givenKey = parsed.givenName === undefined ? undefined : nameKey(parsed.givenName);
    const familyKey = nameKey(parsed.familyName);
    const fullKey = nameKey(parsed.full);
    const pool = candidates({ verbatim, full, fullKey, givenKey, familyKey });

    const tiers: Array<[PersonSpelling[], (matched: PersonSpelling[]) => PersonMatchRule]> = [
      [pool.filter((s) => s.verbatim === verbatim), () => 'alias'],
      [pool.filter((s) => s.full === full), (m) => (m.some((s) => s.source === 'exact') ? 'exact' : 'alias')],
    ];
    if (parsed.givenName !== undefined) {
      const given = parsed.givenName;
      tiers.push(
        [pool.filter((s) => s.fullKey === fullKey || (s.givenKey === givenKey && s.familyKey === familyKey)), () => 'key'],
        [
          pool.filter(
            (s) =>
              s.givenName !== undefined &&
              s.familyKey === familyKey &&
              areGivenVariants(s.givenName, given),
          ),
          () => 'variant',
        ],
      );
    } else {
      tiers.push([pool.filter((s) => s.familyKey === familyKey), () => 'surname']);
    }

    for (const [matched, rule] of tiers) {
      const answer = decide(matched, rule, parsed);
      if (answer) return answer;
    }
    const suggestions = new Set(pool.filter((s) => s.familyKey === familyKey || areFamilyVariants(s.familyKey, familyKey)).map((s) => s.id));
    return { kind: 'none', parsed, suggestions: [...suggestions].sort() };
  }

  /** One person among the matched spellings: a match; several: ambiguous; none: undefined. */
  function decide(
    matched: PersonSpelling[],
    rule: (matched: PersonSpelling[]) => PersonMatchRule,
    parsed: ParsedPersonName,
  ): PersonMatch | undefined {
    const ids = [...new Set(matched.map((s) => s.id))].sort();
    if (ids.length === 0) return undefined;
    if (ids.length === 1) return { kind: 'match', id: ids[0], via: rule(matched) };
    return { kind: 'ambiguous', ids, parsed };
  }

  for (const entry of entries) add(entry.id, entry.data);
  return { resolve, add, addAlias, get };
}
