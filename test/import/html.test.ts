import { describe, expect, it } from 'vitest';
import { htmlToMarkdown, stripListGlyph, stripTags } from '../../scripts/import/readers/html.ts';

/** Real cells copied verbatim from a Word-to-markdown export (protocol 004, 2017 plenum). */
const TOP3_FIRST_CELL =
	"<p><b>Prävention 4.0</b> Factsheets zur präventiven Arbeitsgestaltung für KMU in der Arbeitswelt 4.0 Anja Cordes (itb - Institut für Technik der Betriebsführung im Deutschen Handwerksinstitut e.V.)</p> <p>Frau Cordes stellt das Projekt Prävention 4.0 vor – siehe Präsentation <b>Anlage 2</b>.</p> <p>Im Rahmen des Projektes wurde mit über 60 Betrieben gesprochen. Frau Cordes verweist auf die Tischvorlage und die dem Protokoll angefügten, sich noch im Entwurf befindlichen, Beispiele für Factsheets. Insgesamt sollen bis Ende 2018 108 Factsheets erstellt werden. Zielgruppe sind Experten, Berater, interessierte Unternehmer und Führungskräfte, Interessenvertretungen und Forschungsinstitute.</p> <p>Begleitend dazu wird noch ein Selbstbewertungsinstrument (Arbeitstitel „Arbeitswelt 4.0“) entwickelt werden. Die erste Textfassung wird etwa Februar 2018 vorliegen. Eine Abfrage, wer sich aus der OM an der Weiterentwicklung beteiligen möchte, erfolgt per Mail. Hr. Ehnes regt an, statt Arbeitswelt 4.0 den Titel „Mittelstand 4.0“ zu wählen – auch mit Blick auf die neue Präventionskampagne „kommmitmensch“ der DGUV.</p>";
const TOP3_CONTINUED_CELL =
	"<p>Schließlich verweist Frau Cordes auf das im Projekt entwickelte Fachbuch „Prävention 4.0“, welches im Buchhandel bezogen werden kann (Cernavin, Schröter, Stowasser (2017): Prävention 4.0, Berlin: Springer Verlag).</p> <p><u>Diskussion:</u></p> <p>Hr. Buhrmann (BKK Akademie) fragt nach, inwieweit das Projekts durch die Sozialpartner unterstützt wird (Stichwort Mitbestimmung)? Frau Cordes verweist darauf, dass die Sozialpartner eingebunden sind. Hr. Weis (IG BCE) unterstreicht, dass dies ggf. vorhandene einzelbetriebliche Hindernisse jedoch nicht lösen kann.</p> <p><u>Beschlüsse:</u></p> <ul style=\"list-style-type: none\"> <li>• Die Factsheets werden auf der Internetseite der OM veröffentlicht.</li> <li>• Das Selbstbewertungsinstrument wird ein offizielles Produkt der OM und wird in die Produktfamilie der Praxisvereinbarungen der OM integriert (3. Ebene).</li> </ul>";
const TOP8_CELL =
	"<p><b>INQA-Check „Vielfaltsbewusster Betrieb“</b> – Verabschiedung des Referenzinstrumentes Oleg Cernavin (BC), Prof. Dr. Oliver Kruse (Hochschule der Deutschen Bundesbank)</p> <p>Hr. Prof. Dr. Kruse und Herr Cernavin stellen den INQA-Check „Vielfaltsbewusster Betrieb“ vor – siehe Präsentation <b>Anlage 10</b>. Es wurde dokumentiert, wie umfassend der Check mit Sozialpartnern, Betrieben, Interessenvertretungen, Verbänden oder Charta der Vielfalt abgestimmt wurde und wie er in Betrieben evaluiert wurde – <b>Anlage 11</b>.</p> <p>Letzte Änderungswünsche werden besprochen und eingearbeitet.</p> <p><u>Beschlüsse:</u></p> <ul style=\"list-style-type: none\"> <li>• Der INQA-Check „Vielfaltsbewusster Betrieb“ wird als offizielles Instrument der OM verabschiedet – siehe <b>Anlage 12</b></li> <li>• Der zuletzt auf Wunsch von Frau Dr. Lotzmann (SAP) hinzugekommene Abschnitt „Wie soll es nach der Bearbeitung des Checks weitergehen?“ soll in der AG Transfer final abgestimmt werden.</li> </ul>";
const TOP7_LINK =
	'<p>Frau Laabs stellt die Aktivitäten des OM-Netzwerks Sachsen-Anhalt vor - siehe Flyer <b>Anlage 7</b>. Sie verweist auf das kostenlose Abstimmungstool Mentimeter: <a href="http://www.mentimeter.com">www.mentimeter.com</a></p>';

/** Words of a text without punctuation around them, for "no word lost" checks. */
const wordsOf = (text: string) =>
	text
		.split(/\s+/)
		.map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
		.filter((word) => word !== '');

/** Markdown with escapes and emphasis markers removed, to compare words. */
const plain = (markdown: string) => markdown.replace(/\\(?=[\p{P}\p{S}])/gu, '').replace(/\*/g, '');

/** Assert the conversion kept every word of the HTML's text. */
const expectAllWords = (html: string, markdown: string) => {
	const text = plain(markdown);
	for (const word of wordsOf(stripTags(html))) expect(text, `word ${word}`).toContain(word);
};

describe('htmlToMarkdown', () => {
	it('converts the TOP 3 row (paragraphs, bold, underline, list with typed bullets)', () => {
		const first = htmlToMarkdown(TOP3_FIRST_CELL);
		const continued = htmlToMarkdown(TOP3_CONTINUED_CELL);
		expect(first.startsWith('**Prävention 4.0** Factsheets zur präventiven Arbeitsgestaltung')).toBe(true);
		expect(first.split('\n\n')).toHaveLength(4);
		expect(continued).toContain('\n\nDiskussion:\n\n');
		expect(continued).toContain(
			'Beschlüsse:\n\n' +
				'- Die Factsheets werden auf der Internetseite der OM veröffentlicht.\n' +
				'- Das Selbstbewertungsinstrument wird ein offizielles Produkt der OM und wird in die Produktfamilie der Praxisvereinbarungen der OM integriert (3. Ebene).',
		);
		for (const [html, markdown] of [[TOP3_FIRST_CELL, first], [TOP3_CONTINUED_CELL, continued]]) {
			expect(markdown).not.toContain('•');
			expect(markdown).not.toContain('<');
			expectAllWords(html, markdown);
		}
	});

	it('converts the TOP 8 row', () => {
		const markdown = htmlToMarkdown(TOP8_CELL);
		expect(markdown).toMatch(/^\*\*INQA-Check „Vielfaltsbewusster Betrieb“\*\* – Verabschiedung/);
		expect(markdown).toContain('– siehe Präsentation **Anlage 10**.');
		const items = markdown.split('\n').filter((line) => line.startsWith('- '));
		expect(items).toEqual([
			'- Der INQA-Check „Vielfaltsbewusster Betrieb“ wird als offizielles Instrument der OM verabschiedet – siehe **Anlage 12**',
			'- Der zuletzt auf Wunsch von Frau Dr. Lotzmann (SAP) hinzugekommene Abschnitt „Wie soll es nach der Bearbeitung des Checks weitergehen?“ soll in der AG Transfer final abgestimmt werden.',
		]);
		expect(markdown).not.toContain('•');
		expect(markdown).not.toContain('<');
		expect(markdown).not.toContain('style');
		expectAllWords(TOP8_CELL, markdown);
	});

	it('keeps a link as a markdown link, never as a <url> autolink', () => {
		const markdown = htmlToMarkdown(TOP7_LINK);
		expect(markdown).toContain('Mentimeter: [www.mentimeter.com](http://www.mentimeter.com)');
		expect(markdown).not.toContain('<');
		expect(htmlToMarkdown('<a href="mailto:a@b.de">a@b.de</a>')).toBe('[a@b.de](mailto:a@b.de)');
	});

	it('strips every kind of typed list glyph', () => {
		const html = '<ul><li>• a</li><li>· b</li><li>▪ c</li><li>– d</li><li>- e</li><li>\uF0B7 f</li><li>o g</li><li><b>•</b> h</li><li>oben i</li></ul>';
		expect(htmlToMarkdown(html)).toBe('- a\n- b\n- c\n- d\n- e\n- f\n- g\n- h\n- oben i');
	});

	it('keeps the text of unknown and ignored tags', () => {
		const drops: string[] = [];
		const html = '<p><foo>Unbekannt</foo> <span style="color:red">rot</span> <font face="Arial">Schrift</font></p><table><caption>Titel</caption><tr><td>Zelle</td></tr></table>';
		const markdown = htmlToMarkdown(html, { onDrop: (what) => drops.push(what) });
		expectAllWords(html, markdown);
		expect(markdown).not.toContain('style');
	});

	it('reports what it cannot keep instead of dropping it silently', () => {
		const drops: string[] = [];
		const markdown = htmlToMarkdown(
			'<p>Text<!--[if !supportLists]--><script>alert(1)</script> <a href="javascript:alert(1)">klick</a> <img src="x.png" alt="Foto"></p>',
			{ onDrop: (what) => drops.push(what) },
		);
		expect(markdown).toBe('Text klick Foto');
		expect(drops).toEqual([
			'comment <!--[if !supportLists]-->',
			'<script> with "alert(1)"',
			'link target "javascript:alert(1)" (kept the link text)',
			'image "x.png" (kept its alt text)',
		]);
	});
});

describe('stripTags', () => {
	it('returns plain text with entities decoded and block boundaries as spaces', () => {
		expect(stripTags('<p><b>Begrüßung</b> Helmut&nbsp;Ehnes (BGRCI)</p><p>Dank&amp;Gruß</p>')).toBe(
			'Begrüßung Helmut Ehnes (BGRCI) Dank&Gruß',
		);
		expect(stripTags('<p>4.</p>')).toBe('4.');
		expect(stripTags('<b>Neu</b>es')).toBe('Neues');
	});
});

describe('stripListGlyph', () => {
	it('removes only a leading glyph', () => {
		expect(stripListGlyph('• Die Factsheets – neu')).toBe('Die Factsheets – neu');
		expect(stripListGlyph('o Zum Beispiel')).toBe('Zum Beispiel');
		expect(stripListGlyph('ob das geht')).toBe('ob das geht');
	});
});
