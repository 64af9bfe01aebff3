/**
 * The gate for new registry entries: whether a mention the importer found may become a
 * new person or organisation in `content/people/` or `content/organisations/`.
 *
 * Every new entry passes here (`registry.ts`); what fails is not registered but reported
 * as `file:line: unresolved mention "…"`, and its text stays in the protocol. The gate
 * only decides about NEW entries: a mention that already matches a registry spelling
 * (name or alias) resolves as before.
 *
 * Rules for a person (`refusePerson`), in this order:
 * 1. At most `MAX_NAME_LENGTH` characters and at most 5 words (a name ends with its
 *    line; a longer text is a list or a sentence).
 * 2. No digits ("30", "TOP 3"), no brackets, colons, slashes, "@" or other signs: only
 *    letters, spaces, hyphens, apostrophes and the dots of titles and initials.
 * 3. Honorifics (Herr, Frau, Hr., Fr.) and academic titles are read off the front; then
 *    one to four name words must remain. One word alone is a name only after an
 *    honorific or a title ("Frau Laabs"), never bare ("Protokoll", "Kuhn") — except
 *    after a minute-taker label (`givenNameOnly`: "Protokoll: Paul"): the label says a
 *    person wrote the minutes, and small bodies name their members by given name. The
 *    word must still be shaped like a name and be no label word ("Protokoll: Vorstand").
 * 4. Personal-name shape: every word a capitalised word ("Erika", "Müller-Lüdenscheidt",
 *    "O'Neill"), an initial ("F.", "H.-J."), or a name particle between them ("von",
 *    "van", "de", "zu", "ten").
 * 5. No label word or common noun of protocols as a word ("Thema", "Protokoll",
 *    "Teilnehmende", "Versammlungsleitung", "Beschluss", …: `LABEL_WORDS`), and no given
 *    name with a German noun ending ("Verabschiedung …", "Mitgliederversammlung …").
 * 6. No noun phrase: the first word no inflected adjective ("Grüne Woche", "Digitale
 *    Werkstatt": `ADJECTIVE_FIRST`), the last word no event or thing ("… Woche", "Messeauftritt
 *    Ausbildungsbörse", "Azubi-Check": `THING_WORD`, `THING_END`). Both shapes come before a bracketed
 *    organisation in running text ("Grüne Woche (BMAS)") and are no person's name.
 *
 * Rules for an organisation (`refuseOrganisation`):
 * 1. Letters required; at most `MAX_ORGANISATION_LENGTH` characters; no line of its own
 *    ("mailto:", "http").
 * 2. Not a note about the person: starting with a lower-case word that is not an
 *    abbreviation ("entschuldigt", "über Zoom", "vertritt Max", "ab 11 Uhr"), or
 *    mentioning a time or date.
 * 3. Not a role ("Versammlungsleitung", "Protokoll", "Vorsitzende", "Kassenwart": `ROLE_WORDS`).
 * 4. Organisation shape: an abbreviation ("BMAS", "IfM Bonn", "ifaa"), or several words,
 *    or one word built like an organisation ("Bundesagentur", "Handwerkskammer":
 *    `ORGANISATION_WORD`). A single plain word is a given name or a common noun
 *    ("Marc", "Datenschutz"), not an organisation.
 *
 * "X (Y)" is a person with an organisation only when X passes `refusePerson`, Y passes
 * `refuseOrganisation`, and Y is not an abbreviation X defines on the spot
 * ("Datenschutzgrundverordnung (DSGVO)": `definesAbbreviation`).
 */

/** Longest person name the importer registers (characters, titles included). */
export const MAX_NAME_LENGTH = 80;
/** Longest organisation name the importer registers (characters). */
export const MAX_ORGANISATION_LENGTH = 160;

const HONORIFIC = /^(?:Hr\.|Hrn\.|Herrn?|Fr\.|Frau)$/;
const TITLE = /^(?:Prof\.?|Dr\.?|Dr\.-\p{L}+\.|Dipl\.-\p{L}+\.?|PD|apl\.|Jun\.-Prof\.|Priv\.-Doz\.|(?:rer|phil|med|nat|oec|pol|jur|habil)\.|h\.\s?c\.)$/u;
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}]*(?:['’]\p{Lu}?[\p{Ll}\p{M}]+)?(?:-\p{Lu}[\p{Ll}\p{M}]+)*$/u;
const INITIAL = /^\p{Lu}\.(?:-\p{Lu}\.)*$/u;
const PARTICLE = /^(?:von|vom|van|de|der|den|di|da|du|del|della|le|la|zu|zur|ten|ter|op|y)$/;

/**
 * Label words and common nouns of protocols that are never part of a personal name: the
 * labels of header lines and the words around names in running text. Compared in lower
 * case, as whole words. Words that are also family names ("Gast", "Ende", "Stand") are left out.
 */
const LABEL_WORDS = new Set(
  [
    'thema', 'themen', 'protokoll', 'protokolle', 'protokollführer', 'protokollführerin', 'protokollführung', 'protokollant', 'protokollantin',
    'mitschrift', 'niederschrift', 'teilnehmer', 'teilnehmerin', 'teilnehmerinnen', 'teilnehmende', 'teilnehmenden', 'teilnehmerzahl',
    'anwesend', 'anwesende', 'anwesenheit', 'abwesend', 'entschuldigt', 'gäste', 'moderation', 'moderator', 'moderatorin',
    'leitung', 'sitzungsleitung', 'versammlungsleitung', 'vorsitz', 'vorsitzende', 'vorsitzender', 'schriftführer', 'schriftführerin',
    'kassenwart', 'kassenwartin', 'kassierer', 'kassiererin', 'sitzung', 'sitzungen', 'treffen', 'tagesordnung', 'top', 'beschluss',
    'beschlüsse', 'antrag', 'anträge', 'bericht', 'berichte', 'ergebnis', 'ergebnisse', 'abstimmung', 'diskussion', 'verschiedenes',
    'termin', 'termine', 'datum', 'ort', 'beginn', 'pause', 'mittagspause', 'uhr', 'zeit', 'information', 'informationen',
    'begrüßung', 'vorstellung', 'frage', 'fragen', 'hinweis', 'hinweise', 'anlage', 'anlagen', 'punkte', 'neues',
    'offene', 'weitere', 'nächste', 'nächster', 'nächstes', 'neue', 'neuer', 'alle', 'keine', 'kein', 'gesamt', 'summe', 'mitglieder',
    'mitglied', 'vorstand', 'plenum', 'gremium', 'ausschuss', 'rat', 'verein', 'projekt', 'projekte', 'online', 'zoom', 'webex', 'teams',
    'mailto', 'http', 'https', 'www', 'e-mail', 'email', 'tel', 'telefon', 'fax', 'herr', 'frau', 'das', 'die', 'der', 'dem', 'den',
    'des', 'ein', 'eine', 'und', 'oder', 'mit', 'für', 'im', 'am', 'zum', 'bei', 'nach', 'vor', 'über', 'unter', 'aus', 'auf',
    'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf', 'beide', 'einige', 'mehrere',
    'amt', 'stadt', 'gemeinde', 'landkreis', 'verwaltung', 'kämmerei', 'schulleitung', 'klasse', 'raum', 'parzelle', 'seite', 'nr',
    'studierende', 'bürgerinnen', 'bürger', 'anwohner', 'eltern', 'kinder', 'variante', 'planungsbüro',
    'siehe', 'ca', 'bzw', 'ggf', 'inkl', 'stimmen', 'gegenstimmen', 'enthaltungen', 'enthaltung', 'einstimmig',
  ],
);

/** German noun endings: a given name ending so is a thing ("Verabschiedung", "Mitgliederversammlung"). */
const NOUN_SUFFIX = /(?:straße|strasse|weg|platz|allee|haus|halle|schule|ung|heit|keit|schaft|tion|ität|ismus|ment|enz|anz|tum|nis|ium|gruppe|kreis|netzwerk|verband|institut|zentrum|stelle|ministerium|agentur|verein|versammlung|sitzung|ordnung|bericht|thema)$/;

/**
 * Inflected adjectives that open a noun phrase, never a given name ("Grüne Woche", "Neue
 * Medien", "Digitale Werkstatt", "Betriebliche Ausbildung"): listed words, and the adjective
 * endings -ische, -liche, -tale, -nale, -rale, -iale (no given name ends so: "Rüdiger", "Pascale" pass).
 */
const ADJECTIVE_FIRST = /^(?:grüne|neue|offene|große|kleine|erste|zweite|dritte|letzte|gute|junge|alte|gemeinsame|freie|schwarze|weiße|rote|blaue|goldene|\p{L}+(?:ische|liche|tale|nale|rale|iale)n?)$/u;

/**
 * Events and things as the last word, or as the end of a compound last word: a family name
 * is none of these ("Grüne Woche", "Ausbildungsbörse", "Azubi-Check", "Sommerfest"). Words that
 * are also family names ("Fest", "Runde", "Abend") count only inside a compound.
 */
const THING_WORD = /^(?:woche|börse|messe|tagung|konferenz|kongress|forum|festival|check|workshop|seminar|schulung|broschüre|studie|umfrage|portal|plattform|datenbank|strategie|konzept|modell|werkstatt|initiative|kampagne|aktion|programm|wettbewerb)$/;
const THING_END = /[\p{L}-]{3,}(?:woche|börse|messe|tagung|konferenz|kongress|forum|festival|fest|check|abend|runde|reise|auftritt|programm|kampagne|aktion|wettbewerb|workshop|seminar|schulung|studie|umfrage|portal|plattform|datenbank|strategie|konzept|modell|werkstatt|initiative)$/u;

/** Roles written in brackets after a name: never an organisation. Lower case, whole text or first word. */
const ROLE_WORDS =
  /^(?:versammlungsleitung|sitzungsleitung|leitung|moderation|moderator(?:in)?|protokoll(?:führung|führer(?:in)?|ant(?:in)?)?|mitschrift|vorsitz(?:ende[rn]?)?|stellv\.?|stellvertretende[rn]?|stellvertretung|schriftführer(?:in)?|kassenwart(?:in)?|kassierer(?:in)?|kassenprüfer(?:in)?|beisitzer(?:in)?|sprecher(?:in)?|referent(?:in)?|gast|gäste|gastgeber(?:in)?|vorstand|vorstandsmitglied|mitglied|geschäftsführ(?:er|erin|ung)|bürgermeister(?:in)?|obmann|obfrau|gemeindevertreter(?:in)?|fraktionsvorsitzende[rn]?|beauftragte[rn]?|koordination|koordinator(?:in)?|organisation|technik|tagungsleitung|kämmerei|schulleitung|verwaltung|ersatzmitglied|ortsvorsteher(?:in)?|kassiererin)$/;

/** Words that make one word an organisation's name ("Bundesagentur", "Handwerkskammer", "Stadtwerke"). */
const ORGANISATION_WORD =
  /(?:verband|verein|bund|institut|akademie|stiftung|agentur|ministerium|kammer|hochschule|universität|schule|netzwerk|zentrum|gesellschaft|genossenschaft|werk|werke|amt|behörde|kasse|partei|fraktion|gewerkschaft|konzern|bank|gmbh|ag|kg|e\.\s?v\.?|rat|kreis|gruppe|club|klub|forum|initiative|allianz|union|service|verwaltung|gemeinde|stadt|landkreis|bezirk)$/i;

/** Lower-case words that open a note about a person, not an organisation ("über Zoom", "vertritt Max"). */
const NOTE_START = /^(?:entschuldigt|abwesend|anwesend|online|digital|telefonisch|zugeschaltet|vertritt|vertreten|vertretung|in|im|über|per|via|mit|ohne|bis|ab|seit|nur|zeitweise|teilweise|später|früher|verspätet|als|für|von|vom|zur|zum|bei|auf|aus|nach|vor|noch|nicht|kein|keine|gast|siehe|vgl|s\.|i\.\s?v\.|u\.\s?a\.|z\.\s?b\.|ca\.|ehemals|ehem\.|neu|bisher)(?=$|[\s.,:])/i;

/**
 * Functions written before a name like a title ("Ortsvorsteherin Dagmar Heuckeroth",
 * "Bgm. Anton Greuter", "Pastorin Friederike Ahlborn"): not part of the name.
 */
const ROLE_PREFIX =
  /^(?:(?:\p{Lu}\p{Ll}*(?:abgeordnete[rn]?|vorsitzende[rn]?|beauftragte[rn]?|leiter(?:in)?|vorsteher(?:in)?|direktor(?:in)?|dezernent(?:in)?|planer(?:in)?)|Ortsvorsteher(?:in)?|Bürgermeister(?:in)?|Bgm\.|Oberbürgermeister(?:in)?|OB|Landrat|Landrätin|Pastor(?:in)?|Pfarrer(?:in)?|Diakon(?:in)?|Vorsitzende[rn]?|Schulleiter(?:in)?|Kämmerer|Kämmerin|Baudezernent(?:in)?|Dezernent(?:in)?|Stadtplaner(?:in)?|Amtsleiter(?:in)?|Geschäftsführer(?:in)?|Rektor(?:in)?|Konrektor(?:in)?|Ratsmitglied|Ratsherr|Ratsfrau|GR|GV|StR)\s+)+(?=\p{Lu}[\p{L}\p{M}-]+\s+\p{Lu})/u;

/**
 * A mention without the function written before the name.
 * @example withoutRole('Ortsvorsteherin Dagmar Heuckeroth') // => 'Dagmar Heuckeroth'
 */
export function withoutRole(mention: string): string {
  return mention.trim().replace(ROLE_PREFIX, '');
}

/**
 * Whether a line reads as an organisation's name: it passes `refuseOrganisation` and has an
 * organisation word or legal form ("Kleingartenverein Am Sonnenwinkel e. V.", "Stadt Hallerbeck").
 */
export function isOrganisationName(text: string): boolean {
  if (refuseOrganisation(text) !== null || text.length > 100 || /[.:!?]$/.test(text.replace(/\be\.\s?V\.$/, ''))) return false;
  // A letterhead ("Stadt Hallerbeck   Der Bürgermeister") or a dash-framed note is not one name.
  if (/^[–-]|\s(?:Der|Die|Das)\s/.test(text)) return false;
  return /\b(?:e\.\s?V\.|GmbH|AG|KG|gGmbH|eG)(?=$|[\s,])/.test(text) || text.split(/\s+/).some((w) => ORGANISATION_WORD.test(w.replace(/[.,]$/, '')) && /^\p{Lu}/u.test(w));
}

/** Whether `word` reads as an abbreviation: two or more capitals and no run of four lower-case letters ("BMAS", "IfM"), or 2–4 lower-case letters ("ifaa", "itb"). */
function isAbbreviationWord(word: string): boolean {
  const capitals = word.match(/\p{Lu}/gu)?.length ?? 0;
  return (capitals >= 2 && !/\p{Ll}{4,}/u.test(word)) || /^\p{Ll}{2,4}$/u.test(word);
}

/**
 * Why `name` may not become a new person, or null when it may (rules in the module comment).
 * @example refusePerson('30') // => 'contains digits'
 * @example refusePerson('Thema Datenschutzgrundverordnung') // => '"Thema" is a label word or common noun, not part of a name'
 * @example refusePerson('Erika Muster') // => null
 */
export function refusePerson(name: string, options: { givenNameOnly?: boolean } = {}): string | null {
  const text = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!text) return 'empty';
  if (text.length > MAX_NAME_LENGTH) return `longer than ${MAX_NAME_LENGTH} characters: a list or a sentence, not a name`;
  if (/\p{N}/u.test(text)) return 'contains digits';
  if (!/\p{L}/u.test(text)) return 'contains no letters';
  const sign = /[^\p{L}\p{M}\s.'’-]/u.exec(text);
  if (sign) return `contains "${sign[0]}", which no personal name has`;
  const words = text.split(' ');
  if (words.length > 7) return 'more than seven words: a sentence, not a name';
  let prefixed = false;
  while (words.length && (HONORIFIC.test(words[0]) || TITLE.test(words[0]))) {
    words.shift();
    prefixed = true;
  }
  if (words.length === 0) return 'no name after the honorific or title';
  if (words.length > 5) return 'more than five name words: a sentence, not a name';
  if (words.length === 1 && !prefixed && !options.givenNameOnly) return 'a single word without Herr/Frau or a title is not enough to register a person';
  for (const w of words) {
    const lower = w.toLowerCase().replace(/[.,]$/, '');
    if (LABEL_WORDS.has(lower) && !(PARTICLE.test(w) && w !== words[0] && w !== words[words.length - 1])) {
      return `"${w}" is a label word or common noun, not part of a name`;
    }
    if (PARTICLE.test(w)) continue;
    if (INITIAL.test(w)) continue;
    if (!NAME_WORD.test(w)) return `"${w}" is not shaped like a name word (capital letter, then lower case)`;
  }
  if (PARTICLE.test(words[words.length - 1]) || INITIAL.test(words[words.length - 1])) return 'ends without a family name';
  const given = words.length > 1 ? words[0].toLowerCase() : '';
  if (given.length > 6 && NOUN_SUFFIX.test(given)) return `"${words[0]}" has a noun ending: a thing, not a given name`;
  if (words.length > 1 && !prefixed && ADJECTIVE_FIRST.test(given)) return `"${words[0]}" is an adjective: a noun phrase, not a name`;
  const last = words[words.length - 1].toLowerCase();
  if (words.length > 1 && (THING_WORD.test(last) || THING_END.test(last))) return `"${words[words.length - 1]}" names an event or a thing, not a family name`;
  return null;
}

/**
 * Why `name` may not become a new organisation, or null when it may (rules in the module comment).
 * @example refuseOrganisation('entschuldigt') // => 'a note, not an organisation'
 * @example refuseOrganisation('Versammlungsleitung') // => 'a role, not an organisation'
 * @example refuseOrganisation('IfM Bonn') // => null
 */
export function refuseOrganisation(name: string): string | null {
  let text = name.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (/^\(.*\)$/.test(text)) text = text.slice(1, -1).trim();
  if (!text) return 'empty';
  if (/^[.…\s]+$/.test(text)) return 'a placeholder: a note, not an organisation';
  if (!/\p{L}/u.test(text)) return 'contains no letters';
  if (text.length > MAX_ORGANISATION_LENGTH) return `longer than ${MAX_ORGANISATION_LENGTH} characters: a sentence, not an organisation`;
  if (/(?:mailto:|https?:\/\/|www\.|@)/i.test(text)) return 'an address, not an organisation';
  if (/^\.{2,}|…/.test(text)) return 'a placeholder: a note, not an organisation';
  // "role/ORG": the part after the slash is the organisation.
  const slash = text.lastIndexOf('/');
  if (slash > 0 && isAbbreviationWord(text.slice(slash + 1).trim().split(' ')[0] ?? '')) text = text.slice(slash + 1).trim();
  const words = text.split(' ');
  const first = words[0];
  const roleText = text.replace(/^(?:\d+\.\s*|stellv\.\s*|stellvertretende[rn]?\s+)/i, '');
  const lower = roleText.toLowerCase().replace(/[.:,;]+$/, '');
  const firstRole = roleText.split(' ')[0] ?? '';
  if (ROLE_WORDS.test(lower) || (words.length <= 3 && ROLE_WORDS.test(firstRole.toLowerCase().replace(/[.:,;]+$/, '')))) return 'a role, not an organisation';
  if (/(?<![\d.])\d{1,2}:\d{2}\b|\bUhr\b/.test(text)) return 'a time, not an organisation';
  if (words.length <= 3 && /\p{N}/u.test(text) && !/\p{L}{2,}\s*\d+\.\d/u.test(text)) return 'a number, an amount or a reference, not an organisation';
  if (/^(?:Nr\.|TOP|Seite|Anlage|Raum|Zimmer|ca\.)(?=\s|$)/i.test(text)) return 'a number, an amount or a reference, not an organisation';
  if (NOTE_START.test(text) && !(words.length === 1 ? isAbbreviationWord(first) && first !== first.toLowerCase() : false)) return 'a note, not an organisation';
  if (/^\p{Ll}/u.test(first) && !isAbbreviationWord(first)) return 'a note, not an organisation';
  if (words.length === 1) {
    if (isAbbreviationWord(first)) return null;
    if (ORGANISATION_WORD.test(first.replace(/[.,]$/, ''))) return null;
    return 'a single plain word: a given name or a common noun, not an organisation';
  }
  return null;
}

/**
 * Whether `abbreviation` is the short form `phrase` defines on the spot: its letters, in
 * order, start a word of the phrase and follow in it ("Datenschutzgrundverordnung" ->
 * "DSGVO", "Künstliche Intelligenz" -> "KI").
 * @example definesAbbreviation('Das Thema Datenschutzgrundverordnung', 'DSGVO') // => true
 * @example definesAbbreviation('Achim Sieker', 'BMAS') // => false
 */
export function definesAbbreviation(phrase: string, abbreviation: string): boolean {
  const letters = abbreviation.replace(/[^\p{L}]/gu, '').toLowerCase();
  if (letters.length < 2 || !/^[\p{Lu}\p{Ll}]+$/u.test(abbreviation.replace(/[\s.-]/g, '')) || !/\p{Lu}/u.test(abbreviation)) return false;
  const words = phrase.toLowerCase().split(/[\s-]+/).filter(Boolean);
  for (let start = 0; start < words.length; start++) {
    if (words[start][0] !== letters[0]) continue;
    const rest = words.slice(start).join(' ');
    let at = 0;
    let ok = true;
    for (const l of letters) {
      const found = rest.indexOf(l, at);
      if (found < 0) {
        ok = false;
        break;
      }
      at = found + 1;
    }
    if (ok) return true;
  }
  return false;
}
