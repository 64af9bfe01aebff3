/**
 * Protocols in the OM's own style not seen before (issue #23, point 7), in both styles (PDF text
 * and Word export): an agenda of "TOP n: Titel (Name, Organisation)" lines, items without
 * presenter, sub-items "TOP 3.1" that are no TOPs of their own but get a `###` heading, a
 * resolution under a sub-item ending in its vote, "Vereinbarung:" alone on its line; and noun
 * phrases before a bracket ("Grüne Woche (BMAS)") that the gate keeps out of the people.
 */
import { describe, expect, it } from 'vitest';
import { presentersInBracket } from '../../scripts/import/steps/agenda.ts';
import { withOpeningQuote } from '../../scripts/import/steps/body.ts';
import { refusePerson } from '../../scripts/import/steps/gate.ts';
import { importTextIn } from './helpers.ts';
import { compilePage } from './compile.ts';

const AGENDA = [
  'TOP 1: Begrüßung (Hannelore Quadflieg, IHK Wuppertal)',
  'TOP 2: Berichte aus den Betrieben',
  'TOP 3: Azubi-Check – Konzept (Gunhild Sperlbaum, Netzwerk Rheinland)',
  'TOP 3.1: Fragenkatalog',
  'TOP 3.2: Erprobung in Pilotbetrieben',
  'TOP 4: Messeauftritt Ausbildungsbörse (Volkmar Tiefenbach, Kreishandwerkerschaft Remscheid)',
];
const BODY = {
  1: 'Frau Quadflieg begrüßt die Anwesenden und stellt die Grüne Woche (BMAS) vor.',
  2: 'Herr Pietzsch berichtet aus drei Betrieben.',
  3: 'Frau Sperlbaum stellt den Entwurf vor.',
  sub1: 'Beschluss: Der Fragenkatalog wird mit gekürzten Fragen übernommen. (einstimmig)',
  sub2: 'Vereinbarung:',
  sub2b: 'Frau Sperlbaum und Herr Tiefenbach gewinnen bis Juli fünf Pilotbetriebe.',
  4: 'Herr Tiefenbach stellt die Planung für den Gemeinschaftsstand vor.',
};

/** PDF text: agenda lines under "Tagesordnung", the body repeating them. */
function pdf(): string {
  return [
    'Protokoll der AG Ausbildung', '04.06.2024, 14:00 – 16:30 Uhr, Videokonferenz', 'Anwesend: Hannelore Quadflieg, Gunhild Sperlbaum, Volkmar Tiefenbach', '',
    'Tagesordnung', ...AGENDA, '',
    'TOP 1: Begrüßung', BODY[1], '', 'TOP 2: Berichte aus den Betrieben', BODY[2], '', 'TOP 3: Azubi-Check – Konzept', BODY[3], '',
    'TOP 3.1: Fragenkatalog', BODY.sub1, '', 'TOP 3.2: Erprobung in Pilotbetrieben', BODY.sub2, BODY.sub2b, '',
    'TOP 4: Messeauftritt Ausbildungsbörse', BODY[4], '',
  ].join('\n');
}

/** Word export: agenda paragraphs, `## TOP n` headings, `### 3.1` sub-item headings, `<b>` labels. */
function word(): string {
  return [
    '## Protokoll', '', '### Treffen der AG Ausbildung', '', '04.06.2024, 14:00 – 16:30 Uhr, Videokonferenz', '', 'Anwesend: Hannelore Quadflieg, Gunhild Sperlbaum, Volkmar Tiefenbach', '',
    'Tagesordnung', '', ...AGENDA.flatMap((a) => [a, '']),
    '## TOP 1: Begrüßung', '', BODY[1], '', '## TOP 2: Berichte aus den Betrieben', '', BODY[2], '', '## TOP 3: Azubi-Check – Konzept', '', BODY[3], '',
    '### 3.1 Fragenkatalog', '', BODY.sub1.replace('Beschluss:', '<b>Beschluss:</b>'), '', '### 3.2 Erprobung in Pilotbetrieben', '', BODY.sub2, '', BODY.sub2b, '',
    '## TOP 4: Messeauftritt Ausbildungsbörse', '', BODY[4], '',
  ].join('\n');
}

describe.each([
  ['PDF text', pdf, 'protokoll.txt'],
  ['Word export', word, 'protokoll.md'],
] as const)('an OM-style agenda with sub-items (%s)', (_style, make, name) => {
  const { result, registry } = importTextIn(make(), name);
  const person = (id: string) => registry.personIndex.get(id)?.name;
  const organisation = (id: string) => registry.organisations.get(id)?.name;

  it('reads the presenters in brackets, keeps the numbering and puts the sub-items into the details', () => {
    expect(result.frontmatter.agenda.map((a) => ({ number: a.number, title: a.title, details: a.details, presenters: a.presenters.map(person), organizations: a.organizations.map(organisation) }))).toEqual([
      { number: '1', title: 'Begrüßung', details: undefined, presenters: ['Hannelore Quadflieg'], organizations: ['IHK Wuppertal'] },
      { number: '2', title: 'Berichte aus den Betrieben', details: undefined, presenters: [], organizations: [] },
      { number: '3', title: 'Azubi-Check – Konzept', details: 'TOP 3.1: Fragenkatalog TOP 3.2: Erprobung in Pilotbetrieben', presenters: ['Gunhild Sperlbaum'], organizations: ['Netzwerk Rheinland'] },
      { number: '4', title: 'Messeauftritt Ausbildungsbörse', details: undefined, presenters: ['Volkmar Tiefenbach'], organizations: ['Kreishandwerkerschaft Remscheid'] },
    ]);
  });

  it('gives each sub-item a ### heading inside its TOP, and its resolutions to that TOP', async () => {
    expect(result.mdx.match(/^##+ .*$/gm)).toEqual([
      '## TOP 1 – Begrüßung', '## TOP 2 – Berichte aus den Betrieben', '## TOP 3 – Azubi-Check – Konzept',
      expect.stringMatching(/^### (?:TOP )?3\.1:? Fragenkatalog$/), expect.stringMatching(/^### (?:TOP )?3\.2:? Erprobung in Pilotbetrieben$/),
      '## TOP 4 – Messeauftritt Ausbildungsbörse',
    ]);
    const page = await compilePage(result.mdx);
    expect(page.resolutions.map((r) => r.id)).toEqual(result.resolutions.map((r) => r.id));
    expect(result.resolutions.map((r) => [r.kind, r.item, r.result, r.text])).toEqual([
      ['Beschluss', '3', 'einstimmig', 'Der Fragenkatalog wird mit gekürzten Fragen übernommen. (einstimmig)'],
      ['Vereinbarung', '3', undefined, BODY.sub2b],
    ]);
  });

  it('registers no noun phrase before a bracket as a person ("Grüne Woche (BMAS)", "Messeauftritt Ausbildungsbörse (…)")', () => {
    const people = registry.changes.filter((c) => c.kind === 'person' && c.change === 'new').map((c) => person(c.id));
    expect(people.sort()).toEqual(['Gunhild Sperlbaum', 'Hannelore Quadflieg', 'Volkmar Tiefenbach']);
    expect(result.mdx).toContain('Grüne Woche (BMAS)');
  });
});

describe('presentersInBracket', () => {
  it.each(['Neues aus dem BMAS (BMAS)', 'Haushalt (Fortsetzung)', 'Satzung (Entwurf, Stand Mai)', 'Messe (Grüne Woche, Berlin)', 'Bericht'])('leaves "%s" alone', (title) => {
    expect(presentersInBracket(title)).toBeNull();
  });

  it('reads several presenters, with and without organisation', () => {
    expect(presentersInBracket('Konzept (Erika Beispiel, Netzwerk Rheinland; Volkmar Tiefenbach)')).toEqual({
      title: 'Konzept',
      presenters: [{ name: 'Erika Beispiel', organisation: 'Netzwerk Rheinland' }, { name: 'Volkmar Tiefenbach' }],
    });
  });
});

describe('refusePerson: noun phrases', () => {
  it.each(['Grüne Woche', 'Digitale Werkstatt', 'Betriebliche Ausbildung', 'Messeauftritt Ausbildungsbörse', 'Azubi-Check', 'Regionale Sommerfest'])('refuses "%s"', (text) => {
    expect(refusePerson(text)).not.toBeNull();
  });

  it.each(['Rüdiger Kampmann', 'Pascale Lindner', 'Irene Fest', 'Natalie Runde', 'Hans Junge', 'Erika Beispiel'])('lets "%s" pass', (text) => {
    expect(refusePerson(text)).toBeNull();
  });
});

describe('text leftovers in agenda titles', () => {
  const agendaOf = (lines: string[]) =>
    importTextIn(['Protokoll der AG Transfer', '', '12. März 2024, Videokonferenz', '', 'Tagesordnung', ...lines, '', '1. Begrüßung', '', 'Text.', '', '2. Zukünftige Arbeitsweisen', '', 'Text.', ''].join('\n'), 'p.txt').result.frontmatter.agenda;

  it('gives a dash glued to the next word its space back, and leaves a suspended compound alone', () => {
    const [first, second] = agendaOf(['1. Begrüßung –Organisation', '2. Zukünftige Arbeitsweisen Netzwerkbildung und –arbeit']);
    expect(first.title).toBe('Begrüßung – Organisation');
    expect(`${second.title} ${second.details ?? ''}`).toContain('und –arbeit');
  });

  it('drops the presenter column\'s "Alle" from the end of an entry, never "für Alle" in a title', () => {
    const [first, second] = agendaOf(['1. Begrüßung – Neues für Alle', '2. Zukünftige Arbeitsweisen', '', ' Themensammlung von allen', '', 'Alle  12:10 Uhr']);
    expect(first.title).toBe('Begrüßung – Neues für Alle');
    expect(second.details).toBe('Themensammlung von allen');
    expect(second.time).toBe('12:10');
  });
});

describe('a TOP heading that lost its opening quote', () => {
  it('gets it back in the MDX heading, and a balanced or English-quoted title stays', () => {
    const text = ['Protokoll der AG Transfer', '', '12. März 2024, Videokonferenz', '', 'Tagesordnung', '1. „Zukunftskonzept der AG“ – Ergebnis', '2. Verschiedenes', '', '1. Zukunftskonzept der AG“ – Ergebnis des Workshops', '', 'Text.', '', '2. Verschiedenes', '', 'Text.', ''].join('\n');
    expect(importTextIn(text, 'p.txt').result.mdx).toContain('## TOP 1 – „Zukunftskonzept der AG“ – Ergebnis des Workshops');
    expect(withOpeningQuote('Der „Check“ – Stand')).toBe('Der „Check“ – Stand');
    expect(withOpeningQuote('The “Check” report')).toBe('The “Check” report');
  });
});
