import { describe, expect, it } from 'vitest';
import {
	blocksToMarkdown,
	isPageNumber,
	joinWrappedLines,
	linesToBlocks,
	longestLineLength,
} from '../../scripts/import/readers/blocks.ts';

/**
 * Wrap widths of the whole source files (their longest lines): excerpts are measured
 * against the page they come from, as the importer does with `longestLineLength(fileLines)`.
 */
const WIDTH_000 = 106;
const WIDTH_001 = 101;

/** Markdown of an excerpt, with the source's wrap width. */
const markdownOf = (lines: string[], wrapWidth: number) => blocksToMarkdown(linesToBlocks(lines, { wrapWidth }).blocks);

/** Bullets whose glyph the PDF turned into a leading space (protocol 000, lines 26-48). */
const TOP1_BULLETS_000 = [
	"Achim Sieker berichtete über neue Entwicklungen bei INQA und dem BMAS: ",
	"",
	" In der Zukunftswerkstatt am 9. und 10. November werden Vertreter*innen von Unternehmen, ",
	"Politik, Verbänden und weitere für KMU relevante Akteure gemeinsam nach neuen Lösungen für ",
	"die Zukunftsfragen der Arbeitswelt suchen (siehe INQA-Homepage) ",
	"",
	" Das INQA-Audit „Zukunftsfähige Unternehmenskultur“ heißt nun „Prädikat Zukunftsfähige ",
	"Unternehmenskultur“ ",
	"",
	" unternehmensWert:Mensch heißt demnächst INQA-Coaching. uW:M wird nochmals  verlängert. ",
	"Die neue Förderrichtlinie wird rechtzeitig veröffentlicht, um nahtlos an uW:M anzuknüpfen. ",
	"Damit wird auch eine Neuakkreditierung von Berater*innen verbunden sein.  ",
	"",
	" Bei der INQA-Ausschreibung Digitale Zukunftszentren sind viele hochwertige Skizzen ",
	"eingegangen. ",
	"",
	" Eine neue INQA-Förderrichtlinie ist in Vorbereitung, Themenschwerpunkte werden u.a. wohl ",
	"Arbeitsbedingungen bei einfachen Tätigkeiten (Basis-Arbeit) und gendergerechte Anwendung ",
	"von KI sowie psychische Belastungen sein. Neu sollen auch Fördermöglichkeiten zur ",
	"Unterstützung der Aktivitäten der INQA-Netzwerke aufgenommen werden.. ",
	"",
	" Es wurde vom BMAS eine Offensive Psychische Gesundheit initiiert. Informationen dazu finden ",
	"sich auf der PSYGA-Website (psyga.info) ",
];

/** A quote with numbered points (protocol 000, lines 57-67). */
const NUMBERED_POINTS_000 = [
	"Annette Icks berichtete über die zentralen Ergebnisse (Zitate aus dem Protokoll) ",
	" „Zusammenfassend wurden folgende Handlungsschritte als wesentlich herausgearbeitet, die die ",
	"Umsetzung der Vision ermöglichen: ",
	"1. Finanzen absichern: Grundlage zur Realisierung der inhaltlichen Vision ist es, dass die Finanzen ",
	"abgesichert werden und dass eine Geschäftsstelle der Partner der OM eingerichtet wird. ",
	"2. OM in den Partnerorganisationen verankern: Voraussetzung für die Realisierung der Finanzen und der ",
	"inhaltlichen Vision ist, dass die OM als eigene Transferplattform gesehen wird - vom HGF bis zum Berater ",
	"vor Ort. ",
	"3. Gemeinsame Netzwerke in den Regionen: Es ist ein Vorgehen zu entwickeln, wie gemeinsame ",
	"Netzwerke der OM-Partner in den Regionen gestaltet werden sollen unter Nutzung der gemeinsamen ",
	"Vereinbarung zur Arbeit in den Regionen.\" ",
];

/** Line-end hyphens: compound (OM-), suspended (INQA- und) (protocol 000, lines 142-146). */
const HYPHENS_000 = [
	"Die Teilnehmer fanden die Ergebnisse der Untersuchungen sehr interessant und hilfreich für die OM-",
	"Argumentation. Teilnehmer bedauerten andererseits, dass das moderne Transfer- und ",
	"Beratungskonzept der OM mit den Vereinbarungen aller Partner in dem Projekt keine Rolle spielte. ",
	"Bedauert wurde auch, dass die Hinweise auf die gemeinsamen OM-Qualitätsstandards für KMU (INQA- ",
	"und OM-Checks) keine Rolle spielten. ",
];

/** A names list: short indented lines (protocol 001, lines 121-126). */
const NAMES_LIST_001 = [
	"Die drei neuen Mitarbeiterinnen des Projektes, die ab 01.01.2022 das Kölner OM-Team des ",
	"Projektes bilden werden stellen sich jeweils vor: ",
	"",
	" Eda Pientak ",
	" Theresa Joerißen ",
	" Larissa Weidmann ",
];

/** A page break in mid-sentence inside a bullet (blank line after "momentan") (protocol 001, lines 184-199). */
const PAGE_BREAK_001 = [
	"Hierzu gab es eine umfassende Diskussion mit unter anderen folgenden Beiträgen: ",
	"",
	" Im Strategiekreis sollen sich die großen Organisationen noch einmal Zug um Zug vorstellen, ",
	"um sie besser kennen zu lernen. ",
	"  Der Beschluss des Strategiekreises, die Selbstbeschreibungen der Partner, die momentan ",
	"",
	"nur im internen Forum des Strategiekreises zu finden sind, sollen nun online geschaltet ",
	"werden. Oleg Cernavin sagte zu, diesen Beschluss  umzusetzen. ",
	"",
	" Es wurde darauf hingewiesen, dass die bestehenden Schwerpunktthemen der OM auch ",
	"zukünftig die Schwerpunktthemen bleiben werden: Fachkräftesicherung, Digitalisierung/KI, ",
	"Klimaschutz.  ",
	"",
	" Ein Thema, dass die OM stärker aufgreifen sollte ist das Thema Bürokratisierung. Da gibt es ",
	"noch kein Konzept, wie das anzugehen sei. Zu diesem Thema gehört auch das Thema ",
	"Einstieg in die Gefährdungsbeurteilung für kleine Betriebe. ",
];

/** A bullet with "o " sub-bullets, "fach-" + "Communities" hyphen (protocol 001, lines 209-228). */
const SUB_BULLETS_001 = [
	" Es kommt für die OM darauf an Lücken zu schließen. Die OM sollte keine Nischenprodukte ",
	"entwickeln, sondern Übersetzungen für die KMU mit einfachen Lösungen realisieren:  ",
	"",
	"o Zum Beispiel kann die OM einen einfachen Einstieg in die Gefährdungsbeurteilung ",
	"für kleine Unternehmen realisieren ohne gleich - wie es ein ",
	"Unfallversicherungsträger oder ein Arbeitsschutzamt machen muss - eine vollständig ",
	"rechtssichere Lösung in der Komplexität zu präsentieren. Die OM bietet die ",
	"Möglichkeit Ängste und auch berechtigte Anliegen im Sinne des Transfers zu ",
	"überwinden, und für kleine Unternehmen ein Thema einfach und verständlich ",
	"ausdrücken zu können (im Rahmen des Mindeststandards und der erfolgreichen ",
	"Praxis gleichermaßen). ",
	"",
	"o Zum Beispiel bietet die OM die Möglichkeit das Silodenken einzelner fach-",
	"Communities zu überwinden, indem andere Fach-Communities in die Entwicklung ",
	"mit eingebunden werden. Außerdem bietet die OM die Möglichkeit, betroffene ",
	"KMU und Beratende, die täglich in KMU sind, in die Entwicklung einzubinden. ",
	"",
	"o Zum Beispiel kann die OM die Fragen beantworten wie andere Institutionen für ",
	"mein Thema gewonnen werden können; allein durch die Einbeziehung können ",
	"oftmals zusätzliche Transferpartner gewonnen werden.  ",
];

/** Bullets without blank lines, a page break, an indented wrapped line (protocol 001, lines 299-305). */
const INDENTED_WRAP_001 = [
	" Auch neue Arbeitsformen sind zu berücksichtigen, wie z.B.  Coworking-Spaces. ",
	" Weiterhin geht es um die Frage, wie auch die Auswirkungen verstärkter mobiler Arbeit auf ",
	"",
	"andere Lebensbereiche berücksichtigt werden können: Welche Auswirkungen ergeben sich ",
	" z.B. für den   Wohnungsbau? Welche Konzepte für Coworking-Space sind zielführen? Wie ",
	"kann mobile Arbeit unterwegs zum Beispiel im Zug oder in Wartebereichen sicher, gesund ",
	"und motivierend gestaltet werden? ",
];

describe('linesToBlocks + blocksToMarkdown on real protocol text', () => {
	it('turns lines with a lost bullet glyph into list items and joins wrapped lines', () => {
		const { blocks, debris } = linesToBlocks(TOP1_BULLETS_000, { firstLine: 26, wrapWidth: WIDTH_000 });
		expect(debris).toEqual([]);
		expect(blocks.map(({ kind, line }) => [kind, line])).toEqual([
			['paragraph', 26],
			['bullet', 28],
			['bullet', 32],
			['bullet', 35],
			['bullet', 39],
			['bullet', 42],
			['bullet', 47],
		]);
		expect(blocksToMarkdown(blocks)).toBe(
			[
				'Achim Sieker berichtete über neue Entwicklungen bei INQA und dem BMAS:',
				'',
				'- In der Zukunftswerkstatt am 9. und 10. November werden Vertreter\\*innen von Unternehmen, Politik, Verbänden und weitere für KMU relevante Akteure gemeinsam nach neuen Lösungen für die Zukunftsfragen der Arbeitswelt suchen (siehe INQA-Homepage)',
				'- Das INQA-Audit „Zukunftsfähige Unternehmenskultur“ heißt nun „Prädikat Zukunftsfähige Unternehmenskultur“',
				'- unternehmensWert:Mensch heißt demnächst INQA-Coaching. uW:M wird nochmals verlängert. Die neue Förderrichtlinie wird rechtzeitig veröffentlicht, um nahtlos an uW:M anzuknüpfen. Damit wird auch eine Neuakkreditierung von Berater\\*innen verbunden sein.',
				'- Bei der INQA-Ausschreibung Digitale Zukunftszentren sind viele hochwertige Skizzen eingegangen.',
				'- Eine neue INQA-Förderrichtlinie ist in Vorbereitung, Themenschwerpunkte werden u.a. wohl Arbeitsbedingungen bei einfachen Tätigkeiten (Basis-Arbeit) und gendergerechte Anwendung von KI sowie psychische Belastungen sein. Neu sollen auch Fördermöglichkeiten zur Unterstützung der Aktivitäten der INQA-Netzwerke aufgenommen werden..',
				'- Es wurde vom BMAS eine Offensive Psychische Gesundheit initiiert. Informationen dazu finden sich auf der PSYGA-Website (psyga.info)',
			].join('\n'),
		);
	});

	it('joins a bullet split by a page break in mid-sentence', () => {
		const { blocks } = linesToBlocks(PAGE_BREAK_001, { firstLine: 184, wrapWidth: WIDTH_001 });
		expect(blocks[2]).toEqual({
			kind: 'bullet',
			line: 188,
			text: 'Der Beschluss des Strategiekreises, die Selbstbeschreibungen der Partner, die momentan nur im internen Forum des Strategiekreises zu finden sind, sollen nun online geschaltet werden. Oleg Cernavin sagte zu, diesen Beschluss umzusetzen.',
		});
		expect(blocksToMarkdown(blocks).split('\n')).toEqual([
			'Hierzu gab es eine umfassende Diskussion mit unter anderen folgenden Beiträgen:',
			'',
			'- Im Strategiekreis sollen sich die großen Organisationen noch einmal Zug um Zug vorstellen, um sie besser kennen zu lernen.',
			'- Der Beschluss des Strategiekreises, die Selbstbeschreibungen der Partner, die momentan nur im internen Forum des Strategiekreises zu finden sind, sollen nun online geschaltet werden. Oleg Cernavin sagte zu, diesen Beschluss umzusetzen.',
			'- Es wurde darauf hingewiesen, dass die bestehenden Schwerpunktthemen der OM auch zukünftig die Schwerpunktthemen bleiben werden: Fachkräftesicherung, Digitalisierung/KI, Klimaschutz.',
			'- Ein Thema, dass die OM stärker aufgreifen sollte ist das Thema Bürokratisierung. Da gibt es noch kein Konzept, wie das anzugehen sei. Zu diesem Thema gehört auch das Thema Einstieg in die Gefährdungsbeurteilung für kleine Betriebe.',
		]);
	});

	it('nests "o " sub-bullets under the bullet before them', () => {
		expect(markdownOf(SUB_BULLETS_001, WIDTH_001).split('\n')).toEqual([
			'- Es kommt für die OM darauf an Lücken zu schließen. Die OM sollte keine Nischenprodukte entwickeln, sondern Übersetzungen für die KMU mit einfachen Lösungen realisieren:',
			'  - Zum Beispiel kann die OM einen einfachen Einstieg in die Gefährdungsbeurteilung für kleine Unternehmen realisieren ohne gleich - wie es ein Unfallversicherungsträger oder ein Arbeitsschutzamt machen muss - eine vollständig rechtssichere Lösung in der Komplexität zu präsentieren. Die OM bietet die Möglichkeit Ängste und auch berechtigte Anliegen im Sinne des Transfers zu überwinden, und für kleine Unternehmen ein Thema einfach und verständlich ausdrücken zu können (im Rahmen des Mindeststandards und der erfolgreichen Praxis gleichermaßen).',
			'  - Zum Beispiel bietet die OM die Möglichkeit das Silodenken einzelner fach-Communities zu überwinden, indem andere Fach-Communities in die Entwicklung mit eingebunden werden. Außerdem bietet die OM die Möglichkeit, betroffene KMU und Beratende, die täglich in KMU sind, in die Entwicklung einzubinden.',
			'  - Zum Beispiel kann die OM die Fragen beantworten wie andere Institutionen für mein Thema gewonnen werden können; allein durch die Einbeziehung können oftmals zusätzliche Transferpartner gewonnen werden.',
		]);
	});

	it('tells new bullets from indented wrapped lines inside a list', () => {
		const { blocks } = linesToBlocks(INDENTED_WRAP_001, { firstLine: 299, wrapWidth: WIDTH_001 });
		expect(blocks).toEqual([
			{ kind: 'bullet', line: 299, text: 'Auch neue Arbeitsformen sind zu berücksichtigen, wie z.B. Coworking-Spaces.' },
			{
				kind: 'bullet',
				line: 300,
				text: 'Weiterhin geht es um die Frage, wie auch die Auswirkungen verstärkter mobiler Arbeit auf andere Lebensbereiche berücksichtigt werden können: Welche Auswirkungen ergeben sich z.B. für den Wohnungsbau? Welche Konzepte für Coworking-Space sind zielführen? Wie kann mobile Arbeit unterwegs zum Beispiel im Zug oder in Wartebereichen sicher, gesund und motivierend gestaltet werden?',
			},
		]);
	});

	it('keeps short indented lines of a names list apart', () => {
		expect(markdownOf(NAMES_LIST_001, WIDTH_001)).toBe(
			'Die drei neuen Mitarbeiterinnen des Projektes, die ab 01.01.2022 das Kölner OM-Team des Projektes bilden werden stellen sich jeweils vor:\n\n- Eda Pientak\n- Theresa Joerißen\n- Larissa Weidmann',
		);
	});

	it('starts numbered points after a sentence end and escapes their numbers', () => {
		const markdown = markdownOf(NUMBERED_POINTS_000, WIDTH_000);
		expect(markdown.split('\n\n').map((paragraph) => paragraph.slice(0, 40))).toEqual([
			'Annette Icks berichtete über die zentral',
			'1\\. Finanzen absichern: Grundlage zur Re',
			'2\\. OM in den Partnerorganisationen vera',
			'3\\. Gemeinsame Netzwerke in den Regionen',
		]);
		expect(markdown).toContain('gesehen wird - vom HGF bis zum Berater vor Ort.');
	});

	it('joins hyphenated line ends as compounds or suspended hyphens', () => {
		const [block] = linesToBlocks(HYPHENS_000, { wrapWidth: WIDTH_000 }).blocks;
		expect(block?.text).toBe(
			'Die Teilnehmer fanden die Ergebnisse der Untersuchungen sehr interessant und hilfreich für die OM-Argumentation. ' +
				'Teilnehmer bedauerten andererseits, dass das moderne Transfer- und Beratungskonzept der OM mit den Vereinbarungen aller Partner in dem Projekt keine Rolle spielte. ' +
				'Bedauert wurde auch, dass die Hinweise auf die gemeinsamen OM-Qualitätsstandards für KMU (INQA- und OM-Checks) keine Rolle spielten.',
		);
	});
});

describe('linesToBlocks on constructed cases', () => {
	it('drops page numbers and reports them as debris', () => {
		const lines = ['Der Text geht über das Seitenende und dann', '', '- 3 -', '', 'weiter auf der nächsten Seite.', 'Seite 4 von 7', '12'];
		const { blocks, debris } = linesToBlocks(lines, { firstLine: 10 });
		expect(blocks).toEqual([
			{ kind: 'paragraph', line: 10, text: 'Der Text geht über das Seitenende und dann weiter auf der nächsten Seite.' },
		]);
		expect(debris).toEqual([
			{ line: 12, text: '- 3 -', reason: 'page number' },
			{ line: 15, text: 'Seite 4 von 7', reason: 'page number' },
			{ line: 16, text: '12', reason: 'page number' },
		]);
	});

	it('takes link annotation lines out of the text wherever they stand, as page furniture', () => {
		const lines = ['Erster Absatz, der am Seitenende', 'siehe https://www.offensive-mittelstand.de', 'mailto:info@example.org', 'weitergeht.', '', 'Zweiter Absatz.', 'https://example.org/a?b=c'];
		const { blocks, debris } = linesToBlocks(lines);
		expect(blocks.map((block) => block.text)).toEqual(['Erster Absatz, der am Seitenende weitergeht.', 'Zweiter Absatz.']);
		expect(debris).toEqual([
			{ line: 2, text: 'siehe https://www.offensive-mittelstand.de', reason: 'link annotation' },
			{ line: 3, text: 'mailto:info@example.org', reason: 'link annotation' },
			{ line: 7, text: 'https://example.org/a?b=c', reason: 'link annotation' },
		]);
	});

	it('does not join across a blank line after a finished sentence or a short heading', () => {
		const lines = ['Die AG vereinbarte zu diesem Punkt:', '', 'nächster Absatz', '', '3. Arbeitgeberattraktivität im Handwerk', '', 'Anja Cordes stellte vor.'];
		expect(linesToBlocks(lines, { wrapWidth: 100 }).blocks.map((block) => block.line)).toEqual([1, 3, 5, 7]);
	});

	it('accepts real bullet glyphs and dash lists, but not a dash that wrapped to the line start', () => {
		const lines = ['• Erster Punkt', '\uF0B7 Zweiter Punkt', '', '- Strich eins', '- Strich zwei', '', 'Ein Satz, der als eigene Transferplattform gesehen wird', '- vom HGF bis zum Berater vor Ort.'];
		expect(linesToBlocks(lines, { wrapWidth: 60 }).blocks).toEqual([
			{ kind: 'bullet', line: 1, text: 'Erster Punkt' },
			{ kind: 'bullet', line: 2, text: 'Zweiter Punkt' },
			{ kind: 'bullet', line: 4, text: 'Strich eins' },
			{ kind: 'bullet', line: 5, text: 'Strich zwei' },
			{ kind: 'paragraph', line: 7, text: 'Ein Satz, der als eigene Transferplattform gesehen wird - vom HGF bis zum Berater vor Ort.' },
		]);
	});

	it('collapses spaces and trims trailing whitespace', () => {
		expect(linesToBlocks(['Das  nächste   Treffen\t ist  am 9.12.2020.   ']).blocks[0]?.text).toBe('Das nächste Treffen ist am 9.12.2020.');
	});

	it('makes an orphan sub-bullet a bullet, keeping its text', () => {
		expect(blocksToMarkdown([{ kind: 'subbullet', text: 'Zum Beispiel', line: 1 }])).toBe('- Zum Beispiel');
	});

	it('escapes markdown syntax in plain text', () => {
		const markdown = blocksToMarkdown([
			{ kind: 'paragraph', text: '# Kein Titel, Vertreter*innen, [Anlage 1], _x_', line: 1 },
			{ kind: 'paragraph', text: '> kein Zitat', line: 2 },
		]);
		expect(markdown).toBe('\\# Kein Titel, Vertreter\\*innen, \\[Anlage 1], \\_x\\_\n\n\\> kein Zitat');
	});
});

describe('joinWrappedLines', () => {
	it.each([
		['Tagesschau-', 'Niveau', false, 'Tagesschau-Niveau'],
		['OM-Berater-', 'Qualifizierungen', false, 'OM-Berater-Qualifizierungen'],
		['einzelner fach-', 'Communities', false, 'einzelner fach-Communities'],
		['die Ge-', 'schäftsstelle', false, 'die Geschäftsstelle'],
		['Informations-', 'und Wissensvermittlung', false, 'Informations- und Wissensvermittlung'],
		['für KMU (INQA-', 'und OM-Checks)', true, 'für KMU (INQA- und OM-Checks)'],
		['Berater-', 'Qualifizierungen', true, 'Berater- Qualifizierungen'],
		['gesehen wird -', 'vom HGF', false, 'gesehen wird - vom HGF'],
		['Coaching) –', 'Gedenkworte', false, 'Coaching) – Gedenkworte'],
		['Trenn\u00ad', 'stelle', false, 'Trennstelle'],
		['ganz normal', 'weiter', false, 'ganz normal weiter'],
	])('%j + %j (space after hyphen: %j) => %j', (before, after, space, joined) => {
		expect(joinWrappedLines(before, after, space)).toBe(joined);
	});
});

describe('isPageNumber and longestLineLength', () => {
	it('recognises page furniture only', () => {
		for (const text of ['3', ' - 3 - ', '– 12 –', 'Seite 3', 'Seite 3 von 7', '3/7']) expect(isPageNumber(text), text).toBe(true);
		for (const text of ['3.', '3. Arbeitgeberattraktivität', '2021', '09:10 Uhr', 'Anlage 3']) expect(isPageNumber(text), text).toBe(false);
	});

	it('measures lines without trailing whitespace', () => {
		expect(longestLineLength(['ab   ', ' abc', ''])).toBe(4);
	});
});
