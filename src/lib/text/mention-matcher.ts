/**
 * Finds mentions of registered people and organisations in protocol text, for
 * the cross-links in rendered protocols, the person and organisation pages, and
 * `npm run check:names`.
 *
 * People are found from their family name (a hash lookup per capitalised word,
 * so the cost grows with the text, not with the registry):
 * - given + family name, compared with `nameKey` (Papenfuss = Papenfuß, Ralph = Ralf;
 *   never Weis = Weiss or Meier = Maier unless an alias records it), a given name as
 *   an initial also counts ("P."), as in `createPersonIndex` (src/lib/model/names.ts);
 * - honorific or academic title + family name ("Hr. Göbel", "Frau Dr. Icks",
 *   "Dr. Krassen", "Herrn Kruse"): the one registered person with that family
 *   name; with several it is ambiguous and never linked, unless
 *   `content/name-decisions.yaml` says whom the mention means in that meeting;
 * - a family name alone is not a mention (too many false friends).
 * Organisations are found by short name (case-sensitive: "DEN" is not "den"),
 * full name or alias, as whole words and not inside compounds ("OM-Partner").
 */
import { nameKey } from '../model/names.ts';
import { sortName } from '../model/person-names.ts';
import type { Registries } from '../model/model.ts';
import { escapeRegExp } from './regexp.ts';

import type { FoundMention } from '../model/body-shape.ts';

// The shape lives with the body shape, which stores the loader's hits (src/lib/model/body-shape.ts).
export type { FoundMention };

/** A mention that could not be resolved to one person. */
export interface UnresolvedMention {
  text: string;
  index: number;
  /** Candidate ids when ambiguous; empty when nobody with that family name is registered. */
  ids: string[];
}

/** Everything `analyse` sees in a text. */
export interface MentionAnalysis {
  found: FoundMention[];
  ambiguous: UnresolvedMention[];
  /** Honorific + surname mentions of people not in the registry ("Herr Brandes"); `ids`: people with a family name one letter off. */
  unknown: UnresolvedMention[];
}

/** Finds mentions; built by `createMentionMatcher`. */
export interface MentionMatcher {
  /** Resolved mentions in `text` of the protocol `meetingId`, in order, non-overlapping. */
  find(text: string, meetingId: string): FoundMention[];
  /** Resolved, ambiguous and unknown mentions (for `npm run check:names`). */
  analyse(text: string, meetingId: string): MentionAnalysis;
}

const HONORIFIC = /^(?:Hr\.|Herrn?|Fr\.|Frau)$/;
const TITLE = /^(?:Prof\.|Dr\.|Dr\.-\p{L}+\.|Dipl\.-\p{L}+\.?)$/u;
/** Tokens of a text: words with their offsets (letters, hyphens, dots of abbreviations). */
const TOKEN = /[\p{L}][\p{L}\p{M}.'’-]*/gu;

interface Token {
  text: string;
  index: number;
}

/** One spelling of a person: keys of given and family name. */
interface Spelling {
  id: string;
  givenKey?: string;
  givenInitial?: string;
}

/** Levenshtein distance, capped: true when `a` and `b` differ in at most one edit. */
function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
}

/** True when a written given name fits a registered one: same key, or an initial (the merge rules of `createPersonIndex`). */
function givenFits(written: string, spelling: Spelling): boolean {
  if (!spelling.givenKey) return false;
  const key = nameKey(written.replace(/\.$/, ''));
  if (/^\p{Lu}\.$/u.test(written)) return spelling.givenInitial === written[0].toLowerCase();
  return key === spelling.givenKey;
}

/**
 * Builds a matcher over the registries.
 * @example createMentionMatcher(registries).find('Fr. Dr. Icks und Hr. Göbel stellen vor', '2017-11-09-plenum')
 *   // => [{ kind: 'person', id: 'annette-icks', text: 'Fr. Dr. Icks', … }, { kind: 'person', id: 'christof-goebel', text: 'Hr. Göbel', … }]
 */
export function createMentionMatcher(registries: Pick<Registries, 'people' | 'organisations' | 'nameDecisions'>): MentionMatcher {
  // Family-name key => spellings of people with that family name (from name and aliases).
  const byFamily = new Map<string, Spelling[]>();
  const add = (id: string, given: string | undefined, family: string) => {
    const key = nameKey(family);
    const list = byFamily.get(key) ?? [];
    const givenKey = given ? nameKey(given.split(/\s+/)[0]) : undefined;
    if (!list.some((s) => s.id === id && s.givenKey === givenKey)) list.push({ id, givenKey, givenInitial: givenKey?.[0] });
    byFamily.set(key, list);
  };
  for (const [id, p] of registries.people) {
    // Without a recorded given name, the words of `name` before the family name serve.
    // A person known by given name only ("Paul") is found as the one word it is written with.
    const family = sortName(p);
    const given = p.familyName === undefined ? undefined : (p.givenName ?? (p.name.endsWith(family) ? p.name.slice(0, -family.length).trim() || undefined : undefined));
    add(id, given, family);
    for (const alias of p.aliases) {
      const words = alias.replace(/^(?:(?:Hr\.|Herrn?|Fr\.|Frau|Prof\.|Dr\.)\s+)+/, '').trim().split(/\s+/);
      if (words.length === 1) add(id, undefined, words[0]);
      else add(id, words.slice(0, -1).join(' '), words[words.length - 1]);
    }
  }
  const decisions = registries.nameDecisions;

  // Organisations: one alternation, longest spelling first.
  const orgSpellings: [string, string][] = [];
  for (const [id, o] of registries.organisations) {
    for (const s of new Set([o.shortName, o.name, ...o.aliases])) if (s.trim().length >= 2) orgSpellings.push([s.trim(), id]);
  }
  orgSpellings.sort((a, b) => b[0].length - a[0].length);
  const orgBySpelling = new Map(orgSpellings.map(([s, id]) => [s.replace(/\s+/g, ' '), id]));
  const orgPattern = orgSpellings.length
    ? new RegExp(`(?<![\\p{L}\\p{N}-])(?:${orgSpellings.map(([s]) => escapeRegExp(s).replace(/\s+/g, '\\s+')).join('|')})(?![\\p{L}\\p{N}]|-\\p{L})`, 'gu')
    : null;

  /** The decision for a mention in a meeting, if an editor recorded one. */
  const decided = (text: string, meetingId: string) => decisions.find((d) => d.meeting === meetingId && d.mention === text);

  function analysePeople(text: string, meetingId: string, out: MentionAnalysis): void {
    // A sentence-final dot is not part of a name ("… Oliver Kruse."); titles and initials keep theirs.
    const tokens: Token[] = [...text.matchAll(TOKEN)].map((m) => {
      const word = m[0].replace(/[-’']+$/, '');
      const keepDot = TITLE.test(word) || HONORIFIC.test(word) || /^\p{Lu}\.$/u.test(word) || !/\p{Ll}{2}\.$/u.test(word);
      return { text: keepDot ? word : word.slice(0, -1), index: m.index };
    });
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (!/^\p{Lu}/u.test(t.text)) continue;
      // A family name of one or two words ("Müller Buchzik").
      for (const span of [2, 1]) {
        if (i + span > tokens.length) continue;
        const familyTokens = tokens.slice(i, i + span);
        if (!familyTokens.every((f) => /^\p{Lu}\p{Ll}/u.test(f.text))) continue;
        const candidates = byFamily.get(nameKey(familyTokens.map((f) => f.text).join(' ')));
        if (!candidates) continue;
        const end = familyTokens[span - 1].index + familyTokens[span - 1].text.length;
        // Given name right before ("Rolf Papenfuss", "Patrick F. Schneider": initial and given).
        let g = i - 1;
        while (g >= 0 && /^\p{Lu}\.$/u.test(tokens[g].text) && g > i - 3) g--;
        const given = g >= 0 && /^\p{Lu}\p{Ll}/u.test(tokens[g].text) && !HONORIFIC.test(tokens[g].text) && !TITLE.test(tokens[g].text) ? tokens[g] : undefined;
        const adjacent = given && /^[\s\p{Lu}.]*$/u.test(text.slice(given.index + given.text.length, t.index));
        if (given && adjacent) {
          const ids = [...new Set(candidates.filter((c) => givenFits(given.text, c)).map((c) => c.id))];
          if (ids.length === 1) {
            const start = titledStart(tokens, g);
            push(out, text, meetingId, { kind: 'person', id: ids[0], index: start, length: end - start, via: 'name' });
            i += span - 1;
            break;
          }
        }
        // Honorific or title right before: surname mention.
        const before = tokens[i - 1];
        if (before && (HONORIFIC.test(before.text) || TITLE.test(before.text)) && /^[\s]*$/.test(text.slice(before.index + before.text.length, t.index))) {
          const start = titledStart(tokens, i - 1);
          const written = text.slice(start, end);
          const decision = decided(written, meetingId);
          const ids = [...new Set(candidates.map((c) => c.id))];
          if (decision) {
            if (decision.person) out.found.push({ kind: 'person', id: decision.person, text: written, index: start, length: end - start, via: 'decision' });
          } else if (ids.length === 1) {
            out.found.push({ kind: 'person', id: ids[0], text: written, index: start, length: end - start, via: 'surname' });
          } else {
            out.ambiguous.push({ text: written, index: start, ids });
          }
          i += span - 1;
          break;
        }
      }
    }
    // Honorific + unknown surname: someone the registry does not know yet.
    for (let i = 1; i < tokens.length; i++) {
      if (!HONORIFIC.test(tokens[i - 1].text) || !/^\p{Lu}\p{Ll}/u.test(tokens[i].text)) continue;
      let j = i;
      while (j < tokens.length && TITLE.test(tokens[j].text)) j++;
      if (j >= tokens.length || byFamily.has(nameKey(tokens[j].text))) continue;
      const start = tokens[i - 1].index;
      const end = tokens[j].index + tokens[j].text.length;
      const written = text.slice(start, end);
      if (decided(written, meetingId)?.person) continue;
      // Registered people whose family name is one letter off ("Jödicke" ~ "Jödecke"), as suggestions.
      const key = nameKey(tokens[j].text);
      const near = [...byFamily].filter(([k]) => k.length >= 4 && oneEditApart(k, key)).flatMap(([, list]) => list.map((c) => c.id));
      out.unknown.push({ text: written, index: start, ids: [...new Set(near)] });
    }
  }

  /** Extends a mention start backwards over titles and an honorific ("Hr. Prof. Dr. Kruse"). */
  function titledStart(tokens: Token[], k: number): number {
    let s = k;
    while (s - 1 >= 0 && (TITLE.test(tokens[s - 1].text) || HONORIFIC.test(tokens[s - 1].text)) && s > k - 4) s--;
    if (!TITLE.test(tokens[s].text) && !HONORIFIC.test(tokens[s].text) && s !== k) s = k;
    return tokens[s].index;
  }

  /** Records a person mention unless a decision overrides it. */
  function push(out: MentionAnalysis, text: string, meetingId: string, m: Omit<FoundMention, 'text'>): void {
    const written = text.slice(m.index, m.index + m.length);
    const decision = decided(written, meetingId);
    if (decision) {
      if (decision.person) out.found.push({ ...m, id: decision.person, text: written, via: 'decision' });
      return;
    }
    out.found.push({ ...m, text: written });
  }

  function analyse(text: string, meetingId: string): MentionAnalysis {
    const out: MentionAnalysis = { found: [], ambiguous: [], unknown: [] };
    analysePeople(text, meetingId, out);
    if (orgPattern) {
      for (const m of text.matchAll(orgPattern)) {
        const id = orgBySpelling.get(m[0].replace(/\s+/g, ' '));
        if (id) out.found.push({ kind: 'organisation', id, text: m[0], index: m.index, length: m[0].length });
      }
    }
    // In order; where a person and an organisation overlap, the earlier-starting (then longer) one wins.
    out.found.sort((a, b) => a.index - b.index || b.length - a.length);
    const kept: FoundMention[] = [];
    for (const f of out.found) if (!kept.length || f.index >= kept[kept.length - 1].index + kept[kept.length - 1].length) kept.push(f);
    out.found = kept;
    return out;
  }

  return { analyse, find: (text, meetingId) => analyse(text, meetingId).found };
}
