/**
 * German-looking protocol prose from the word lists in `words.ts`: noun phrases
 * with declined articles and adjectives, sentences in the register of the real
 * protocols ("Jürgen Weiß (BMAS) stellt den überarbeiteten Leitfaden vor.").
 * Compound nouns give the text a realistic, growing vocabulary, which matters
 * for the size of the Pagefind index.
 */
import type { Random } from './random.ts';
import {
  adjectives,
  complements,
  compoundHeads,
  compoundTails,
  connectors,
  reportVerbs,
  simpleNouns,
  type Gender,
  type Noun,
} from './words.ts';

/** A grammatical case this generator uses. */
type Case = 'nom' | 'acc' | 'dat';

const definiteArticles: Record<Case, Record<Gender, string>> = {
  nom: { m: 'der', f: 'die', n: 'das' },
  acc: { m: 'den', f: 'die', n: 'das' },
  dat: { m: 'dem', f: 'der', n: 'dem' },
};

/** Weak adjective endings after a definite article. */
const weakEndings: Record<Case, Record<Gender, string>> = {
  nom: { m: 'e', f: 'e', n: 'e' },
  acc: { m: 'en', f: 'e', n: 'e' },
  dat: { m: 'en', f: 'en', n: 'en' },
};

/** Capitalises the first letter. @example capitalize('die Umfrage') // => 'Die Umfrage' */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A noun: mostly a compound ("Fachkräfte" + "check"), sometimes a simple one. The
 * heads are skewed so that some compounds recur across the archive, like real terms.
 * @example noun(random) // => ['Arbeitsschutzkonzept', 'n']
 */
export function noun(random: Random): Noun {
  if (random.chance(0.25)) return random.pick(simpleNouns);
  const [tail, gender] = random.pick(compoundTails);
  return [random.pickSkewed(compoundHeads, 1.6) + tail, gender];
}

/**
 * A noun phrase with definite article, optional adjective and optional complement.
 * @example nounPhrase(random, 'acc') // => 'den überarbeiteten Leitfaden für kleine Betriebe'
 */
export function nounPhrase(random: Random, grammaticalCase: Case, head: Noun = noun(random)): string {
  const [word, gender] = head;
  const parts = [definiteArticles[grammaticalCase][gender]];
  if (random.chance(0.5)) parts.push(random.pick(adjectives) + weakEndings[grammaticalCase][gender]);
  parts.push(word);
  if (random.chance(0.45)) parts.push(random.pick(complements));
  return parts.join(' ');
}

/** "zum"/"zur" for a noun. @example zuArticle(['Leitfaden', 'm']) // => 'zum' */
export function zuArticle([, gender]: Noun): string {
  return gender === 'f' ? 'zur' : 'zum';
}

/** Infinitives with "zu", for "es wird angeregt, … zu prüfen". */
const zuInfinitives = [
  'zu überarbeiten', 'zu prüfen', 'zu ergänzen', 'zu veröffentlichen', 'weiterzuentwickeln', 'vorzustellen',
  'abzustimmen', 'zu verbreiten', 'zu erproben', 'auszuwerten', 'umzusetzen', 'fortzuschreiben',
] as const;

/** Endings of "dass …" clauses, verb last. */
const dassPredicates = [
  'noch nicht ausreichend bekannt ist', 'vor allem kleinen Betrieben helfen kann', 'mit den Partnern abgestimmt werden muss',
  'bereits in mehreren Regionen erprobt wird', 'bis zum Jahresende vorliegen soll', 'auf große Resonanz gestoßen ist',
  'stärker in die Fläche getragen werden sollte', 'ohne zusätzliche Mittel kaum möglich ist', 'in der Praxis gut angenommen wird',
] as const;

const adverbs = ['kurz', 'ausführlich', 'intensiv', 'kontrovers', 'konstruktiv', 'abschließend', 'erneut'] as const;

/** Who may speak in a sentence: people's display names and the committee's name with article. */
export interface Speakers {
  /** e.g. "Jürgen Weiß (BMAS)" or "Dr. Anna Müller". */
  people: readonly string[];
  /** e.g. "der Strategiekreis", "die AG Transfer". */
  committee: string;
}

/**
 * One sentence of protocol prose.
 * @example sentence(random, speakers) // => 'Anschließend wird die neue Handlungshilfe für Beratende intensiv diskutiert.'
 */
export function sentence(random: Random, speakers: Speakers): string {
  const person = random.pick(speakers.people);
  switch (random.int(0, 7)) {
    case 0:
    case 1: {
      const [finite, preposition, particle] = random.pick(reportVerbs);
      const object = `${preposition ? `${preposition} ` : ''}${nounPhrase(random, 'acc')}`;
      return `${person} ${finite} ${object}${particle ? ` ${particle}` : ''}.`;
    }
    case 2: {
      const [finite, preposition, particle] = random.pick(reportVerbs);
      const object = `${preposition ? `${preposition} ` : ''}${nounPhrase(random, 'acc')}`;
      return `${random.pick(connectors)} ${finite} ${person} ${object}${particle ? ` ${particle}` : ''}.`;
    }
    case 3:
      return `${random.pick(connectors)} wird ${nounPhrase(random, 'nom')} ${random.pick(adverbs)} diskutiert.`;
    case 4:
      return `${person} weist darauf hin, dass ${nounPhrase(random, 'nom')} ${random.pick(dassPredicates)}.`;
    case 5:
      return `Es wird angeregt, ${nounPhrase(random, 'acc')} bis zum nächsten Treffen ${random.pick(zuInfinitives)}.`;
    case 6:
      return `Nach Angaben von ${person} nutzen bereits ${random.int(12, 480)} Betriebe ${nounPhrase(random, 'acc')}.`;
    default:
      return `${capitalize(speakers.committee)} begrüßt ${nounPhrase(random, 'acc')} und bittet um Rückmeldungen bis Ende des Monats.`;
  }
}

/** A paragraph of `min`–`max` sentences. */
export function paragraph(random: Random, speakers: Speakers, min = 2, max = 5): string {
  return Array.from({ length: random.int(min, max) }, () => sentence(random, speakers)).join(' ');
}

/** A markdown bullet list of short points; sometimes with a nested point. */
export function bulletList(random: Random, speakers: Speakers): string {
  const lines: string[] = [];
  for (let i = random.int(3, 5); i > 0; i--) {
    lines.push(`- ${sentence(random, speakers)}`);
    if (random.chance(0.15)) lines.push(`  - ${capitalize(nounPhrase(random, 'nom'))}`);
  }
  return lines.join('\n');
}

/**
 * The text of a resolution: what the committee decides or the partners agree.
 * @param kind "Beschluss" or "Vereinbarung"
 * @param deadline a German date for "bis zum …", e.g. "30. Juni 2021"
 */
export function resolutionText(random: Random, speakers: Speakers, kind: string, deadline: string): string {
  const committee = capitalize(speakers.committee);
  const [first, second] = random.sample(speakers.people, 2);
  const paragraphs: string[] = [];
  if (kind === 'Vereinbarung') {
    paragraphs.push(
      random.chance(0.5)
        ? `Die OM-Partner vereinbaren, ${nounPhrase(random, 'acc')} gemeinsam ${random.pick(zuInfinitives)}.`
        : `${first} und ${second} verabreden, ${nounPhrase(random, 'acc')} bis zum ${deadline} ${random.pick(zuInfinitives)}.`,
    );
  } else {
    paragraphs.push(
      random.pick([
        `${committee} beschließt, ${nounPhrase(random, 'acc')} ${random.pick(['zügig', 'schrittweise', 'im nächsten Jahr'])} umzusetzen.`,
        `${committee} beauftragt ${first} und ${second}, ${nounPhrase(random, 'acc')} bis zum ${deadline} ${random.pick(zuInfinitives)}.`,
        `${committee} empfiehlt den Partnerorganisationen, ${nounPhrase(random, 'acc')} ${random.pick(zuInfinitives)}.`,
        `${capitalize(nounPhrase(random, 'nom'))} wird in der vorgelegten Fassung angenommen.`,
      ]),
    );
  }
  if (random.chance(0.4)) paragraphs.push(sentence(random, speakers));
  return paragraphs.join('\n\n');
}

const monthNames = [
  'Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember',
];

/** German long date. @example germanDate('2021-11-11') // => '11. November 2021' */
export function germanDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day}. ${monthNames[month - 1]} ${year}`;
}
