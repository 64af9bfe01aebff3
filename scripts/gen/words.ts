/**
 * The vocabulary of the synthetic archive: German names, places, organisations,
 * committees, topics and the building blocks of protocol sentences. Invented
 * on purpose: any resemblance of a generated person to a real one is chance.
 *
 * Nouns carry their grammatical gender so that `text.ts` can decline articles
 * and adjectives ("die neue Handlungshilfe", "den neuen Leitfaden").
 */

export const givenNames = [
  'Anna', 'Andreas', 'Angelika', 'Barbara', 'Bernd', 'Birgit', 'Björn', 'Christian', 'Claudia', 'Dagmar',
  'Dieter', 'Dörte', 'Elke', 'Erik', 'Frank', 'Franziska', 'Gabriele', 'Georg', 'Gerd', 'Hannelore',
  'Hans-Jürgen', 'Heike', 'Helmut', 'Ingrid', 'Jan', 'Jörg', 'Jürgen', 'Julia', 'Karin', 'Karl-Heinz',
  'Katrin', 'Klaus', 'Lars', 'Lena', 'Marion', 'Markus', 'Martina', 'Matthias', 'Michael', 'Monika',
  'Nicole', 'Norbert', 'Olaf', 'Petra', 'Ralf', 'Regina', 'Renate', 'Sabine', 'Sandra', 'Sören',
  'Stefan', 'Susanne', 'Thomas', 'Tobias', 'Ulrike', 'Uwe', 'Volker', 'Werner', 'Wolfgang', 'Yvonne',
  'Änne', 'Ömer', 'Gülay', 'Jens', 'Kerstin', 'Maximilian', 'Sophie', 'Till', 'Ute', 'Wiebke',
] as const;

export const familyNames = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Schäfer', 'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann',
  'Braun', 'Krüger', 'Hofmann', 'Hartmann', 'Lange', 'Schmitt', 'Werner', 'Schmitz', 'Krause', 'Meier',
  'Lehmann', 'Schmid', 'Schulze', 'Maier', 'Köhler', 'Herrmann', 'König', 'Walter', 'Mayer', 'Huber',
  'Kaiser', 'Fuchs', 'Peters', 'Lang', 'Scholz', 'Möller', 'Weiß', 'Jung', 'Hahn', 'Schubert',
  'Vogel', 'Friedrich', 'Keller', 'Günther', 'Frank', 'Berger', 'Winkler', 'Roth', 'Beck', 'Lorenz',
  'Baumann', 'Franke', 'Albrecht', 'Schuster', 'Simon', 'Ludwig', 'Böhm', 'Winter', 'Kraus', 'Martin',
  'Schumacher', 'Krämer', 'Vogt', 'Stein', 'Jäger', 'Otto', 'Sommer', 'Groß', 'Seidel', 'Heinrich',
  'Brandt', 'Haas', 'Schreiber', 'Graf', 'Schulte', 'Dietrich', 'Ziegler', 'Kuhn', 'Kühn', 'Pohl',
  'Engel', 'Horn', 'Busch', 'Bergmann', 'Thomas', 'Voigt', 'Sauer', 'Arnold', 'Wolff', 'Pfeiffer',
  'Schulze-Bäumer', 'Özdemir', 'Nießen', 'Dönges', 'Lüdtke', 'Große-Wöstmann',
] as const;

export const academicTitles = ['Dr.', 'Prof. Dr.', 'Dr.-Ing.'] as const;

export const cities = [
  'Berlin', 'Bonn', 'Köln', 'München', 'Düsseldorf', 'Nürnberg', 'Lübeck', 'Hamburg', 'Dortmund', 'Essen',
  'Münster', 'Göttingen', 'Würzburg', 'Osnabrück', 'Saarbrücken', 'Frankfurt am Main', 'Stuttgart', 'Leipzig',
  'Dresden', 'Erfurt', 'Kassel', 'Bielefeld', 'Fürth', 'Tübingen', 'Gelsenkirchen', 'Mönchengladbach',
] as const;

/** Well-known federal bodies and associations, as `[shortName, name]`. */
export const fixedOrganisations: readonly (readonly [string, string])[] = [
  ['BMAS', 'Bundesministerium für Arbeit und Soziales'],
  ['BMWK', 'Bundesministerium für Wirtschaft und Klimaschutz'],
  ['BMBF', 'Bundesministerium für Bildung und Forschung'],
  ['BA', 'Bundesagentur für Arbeit'],
  ['DGUV', 'Deutsche Gesetzliche Unfallversicherung'],
  ['ZDH', 'Zentralverband des Deutschen Handwerks'],
  ['DIHK', 'Deutsche Industrie- und Handelskammer'],
  ['BAuA', 'Bundesanstalt für Arbeitsschutz und Arbeitsmedizin'],
  ['INQA', 'Initiative Neue Qualität der Arbeit'],
  ['IfM Bonn', 'Institut für Mittelstandsforschung Bonn'],
  ['ifaa', 'Institut für angewandte Arbeitswissenschaft'],
  ['RKW', 'RKW Kompetenzzentrum'],
  ['DGFP', 'Deutsche Gesellschaft für Personalführung'],
  ['BDVT', 'Berufsverband für Training, Beratung und Coaching'],
  ['VDSI', 'Verband für Sicherheit, Gesundheit und Umweltschutz bei der Arbeit'],
  ['IG BCE', 'Industriegewerkschaft Bergbau, Chemie, Energie'],
  ['DGB', 'Deutscher Gewerkschaftsbund'],
  ['BVMW', 'Bundesverband mittelständische Wirtschaft'],
  ['KfW', 'Kreditanstalt für Wiederaufbau'],
  ['OM', 'Offensive Mittelstand'],
];

/** Branches for trade associations and Berufsgenossenschaften. */
export const branches = [
  'Bau', 'Holz und Metall', 'Handel und Warenlogistik', 'Energie Textil Elektro', 'Rohstoffe und chemische Industrie',
  'Nahrungsmittel und Gastgewerbe', 'Verkehrswirtschaft', 'Gesundheitsdienst und Wohlfahrtspflege', 'Druck und Papier',
  'Glas und Keramik', 'Elektrohandwerk', 'Kfz-Gewerbe', 'Friseurhandwerk', 'Bäckerhandwerk', 'Fleischerhandwerk',
] as const;

/** Fields for institutes ("Institut für …"). */
export const fields = [
  'Arbeitsgestaltung', 'Betriebsführung', 'Mittelstandsökonomie', 'Prävention', 'Arbeitsmedizin',
  'Unternehmensentwicklung', 'Personalwirtschaft', 'Innovationsforschung', 'Berufsbildung', 'Gesundheitsökonomie',
] as const;

/** The committees (Gremien): id, name, genitive for titles, the noun for a meeting, share of meetings. */
export const committees = [
  { id: 'plenum', name: 'Plenum', genitive: 'Plenums', description: 'Die Versammlung aller Partner der Offensive Mittelstand.', weight: 2 },
  { id: 'strategiekreis', name: 'Strategiekreis', genitive: 'Strategiekreises', description: 'Das strategische Gremium der Partner.', weight: 2 },
  { id: 'koordinierungskreis', name: 'Koordinierungskreis', genitive: 'Koordinierungskreises', description: 'Bereitet die Sitzungen des Strategiekreises vor.', weight: 3 },
  { id: 'ag-transfer', name: 'AG Transfer', genitive: 'AG Transfer', description: 'Bringt Produkte der OM zu den Partnern und in die Regionen.', weight: 3 },
  { id: 'ag-digitalisierung', name: 'AG Digitalisierung', genitive: 'AG Digitalisierung', description: 'Handlungshilfen zur Digitalisierung kleiner Betriebe.', weight: 3 },
  { id: 'ag-qualitaetssicherung', name: 'AG Qualitätssicherung', genitive: 'AG Qualitätssicherung', description: 'Qualitätsstandards für OM-Beratende.', weight: 2 },
  { id: 'ag-fachkraefte', name: 'AG Fachkräftesicherung', genitive: 'AG Fachkräftesicherung', description: 'Wege, Fachkräfte zu gewinnen und zu halten.', weight: 2 },
  { id: 'regionalgruppe-nord', name: 'Regionalgruppe Nord', genitive: 'Regionalgruppe Nord', description: 'Die Partner in Schleswig-Holstein, Hamburg, Bremen und Niedersachsen.', weight: 1 },
] as const;

/** The ten topics (Themen) of the archive: name, description, keywords. */
export const topics: readonly (readonly [string, string, readonly string[]])[] = [
  ['Fachkräftesicherung', 'Fachkräfte gewinnen, ausbilden und halten.', ['Fachkräfte', 'Ausbildung', 'Personal']],
  ['Digitalisierung', 'Digitale Werkzeuge und Prozesse in kleinen und mittleren Unternehmen.', ['Digitalisierung', 'digital', 'Daten']],
  ['Arbeitsschutz', 'Sicherheit und Gesundheit bei der Arbeit, Gefährdungsbeurteilung.', ['Arbeitsschutz', 'Gefährdungsbeurteilung', 'Sicherheit']],
  ['Klimaschutz', 'Energie sparen, Emissionen senken, nachhaltig wirtschaften.', ['Klimaschutz', 'Energie', 'Umwelt']],
  ['Künstliche Intelligenz', 'KI-Anwendungen im Mittelstand und ihre Folgen für die Arbeit.', ['Künstliche Intelligenz', 'KI']],
  ['Unternehmensnachfolge', 'Übergabe und Übernahme von Betrieben.', ['Nachfolge', 'Übergabe']],
  ['Betriebliche Gesundheitsförderung', 'Gesundheit der Beschäftigten fördern.', ['Gesundheit', 'Prävention']],
  ['Bürokratieabbau', 'Weniger Aufwand mit Formularen, Nachweisen und Förderanträgen.', ['Bürokratie', 'Förderanträge']],
  ['Qualifizierung', 'Weiterbildung für Beschäftigte, Führungskräfte und Beratende.', ['Qualifizierung', 'Weiterbildung', 'Lernen']],
  ['Führung und Unternehmenskultur', 'Gute Führung und eine Kultur, in der Menschen gern arbeiten.', ['Führung', 'Unternehmenskultur']],
];

/** Roles written with a person's organisation in a protocol. */
export const roles = ['Geschäftsführerin', 'Geschäftsführer', 'Referatsleiterin', 'Referent', 'Mitglied des Vorstands', 'Projektleitung', 'Sprecherin der AG', 'OM-Geschäftsstelle'] as const;

export type Gender = 'm' | 'f' | 'n';
/** A noun with its gender; `text.ts` declines article and adjective. */
export type Noun = readonly [word: string, gender: Gender];

/** First halves of compound nouns ("Arbeitsschutz" + "konzept"). */
export const compoundHeads = [
  'Arbeitsschutz', 'Gesundheits', 'Fachkräfte', 'Digitalisierungs', 'Qualitäts', 'Förder', 'Beratungs', 'Klimaschutz',
  'Nachfolge', 'Weiterbildungs', 'Betriebs', 'Unternehmens', 'Praxis', 'Transfer', 'Netzwerk', 'Präventions',
  'Bürokratie', 'Kooperations', 'Sicherheits', 'Innovations', 'Energie', 'Ausbildungs', 'Personal', 'Führungs',
  'Gefährdungs', 'Mitarbeiter', 'Kunden', 'Handwerks', 'Markt', 'Daten', 'Prozess', 'Lieferketten', 'Wissens',
  'Branchen', 'Regional', 'Projekt', 'Veranstaltungs', 'Kommunikations', 'Strategie', 'Zukunfts', 'Nutzen',
  'Selbstcheck', 'Lern', 'Arbeitszeit', 'Homeoffice', 'Integrations', 'Gründungs', 'Export', 'Finanzierungs', 'Umwelt',
] as const;

/** Second halves of compound nouns, with the compound's gender. */
export const compoundTails: readonly Noun[] = [
  ['konzept', 'n'], ['strategie', 'f'], ['programm', 'n'], ['leitfaden', 'm'], ['handlungshilfe', 'f'],
  ['check', 'm'], ['angebot', 'n'], ['projekt', 'n'], ['initiative', 'f'], ['befragung', 'f'],
  ['plattform', 'f'], ['netzwerk', 'n'], ['beratung', 'f'], ['maßnahme', 'f'], ['richtlinie', 'f'],
  ['vereinbarung', 'f'], ['bericht', 'm'], ['workshop', 'm'], ['werkzeug', 'n'], ['modell', 'n'],
  ['standard', 'm'], ['portal', 'n'], ['kampagne', 'f'], ['förderung', 'f'], ['analyse', 'f'],
  ['verfahren', 'n'], ['qualifizierung', 'f'], ['zertifikat', 'n'], ['dialog', 'm'], ['prozess', 'm'],
  ['papier', 'n'], ['forum', 'n'], ['gespräch', 'n'], ['instrument', 'n'], ['management', 'n'],
];

/** Simple nouns for variety. */
export const simpleNouns: readonly Noun[] = [
  ['Geschäftsstelle', 'f'], ['Broschüre', 'f'], ['Webseite', 'f'], ['Tagung', 'f'], ['Umfrage', 'f'],
  ['Stellungnahme', 'f'], ['Zusammenarbeit', 'f'], ['Abstimmung', 'f'], ['Öffentlichkeitsarbeit', 'f'], ['Mustervorlage', 'f'],
  ['Entwurf', 'm'], ['Zwischenstand', 'm'], ['Antrag', 'm'], ['Fragebogen', 'm'], ['Newsletter', 'm'],
  ['Zeitplan', 'm'], ['Beirat', 'm'], ['Haushalt', 'm'], ['Jahresbericht', 'm'], ['Austausch', 'm'],
  ['Ergebnis', 'n'], ['Faltblatt', 'n'], ['Video', 'n'], ['Format', 'n'], ['Budget', 'n'],
  ['Gutachten', 'n'], ['Arbeitspapier', 'n'], ['Leitbild', 'n'], ['Pilotvorhaben', 'n'], ['Treffen', 'n'],
];

/** Adjective stems; `text.ts` adds the ending ("neu" -> "neue", "neuen"). */
export const adjectives = [
  'neu', 'überarbeitet', 'gemeinsam', 'regional', 'bundesweit', 'digital', 'praxisnah', 'erweitert', 'aktuell',
  'verbindlich', 'kurz', 'ausführlich', 'betrieblich', 'öffentlich', 'nächst', 'zweit', 'vorläufig', 'abgestimmt',
  'branchenübergreifend', 'niedrigschwellig', 'kostenfrei', 'schriftlich', 'jährlich', 'übersichtlich',
] as const;

/** Prepositional tails for noun phrases. */
export const complements = [
  'für kleine Betriebe', 'im Handwerk', 'der OM-Partner', 'in den Regionen', 'für Beratende', 'in Nordrhein-Westfalen',
  'der Berufsgenossenschaften', 'zur Fachkräftesicherung', 'im ländlichen Raum', 'für Beschäftigte über 55',
  'mit den Kammern', 'für Gründerinnen und Gründer', 'zur Gefährdungsbeurteilung', 'für Auszubildende',
  'im Gastgewerbe', 'in der Pflege', 'für Führungskräfte', 'der Sozialpartner', 'auf Landesebene', 'mit Hochschulen',
  'für Kleinstbetriebe', 'zur Energieeffizienz', 'der Geschäftsstelle', 'für die Öffentlichkeitsarbeit',
] as const;

/** Verbs with an accusative object: `[finite verb, preposition, separable particle]` ("stellt … vor"). */
export const reportVerbs: readonly (readonly [string, string, string])[] = [
  ['berichtet', 'über', ''], ['stellt', '', 'vor'], ['erläutert', '', ''], ['präsentiert', '', ''], ['skizziert', '', ''],
  ['fasst', '', 'zusammen'], ['kommentiert', '', ''], ['bewertet', '', ''], ['ergänzt', '', ''], ['kündigt', '', 'an'],
  ['informiert', 'über', ''], ['verweist', 'auf', ''],
];

export const connectors = [
  'Dabei', 'Außerdem', 'Anschließend', 'Zudem', 'In der Diskussion', 'Darüber hinaus', 'Abschließend', 'Ergänzend',
] as const;

/** Agenda items every meeting has, at the start and the end. */
export const openingTitles = ['Begrüßung und Organisatorisches', 'Begrüßung und Genehmigung des Protokolls', 'Neues aus der Offensive'] as const;
export const closingTitles = ['Verschiedenes und nächste Termine', 'Verschiedenes', 'Termine und Ausblick'] as const;
