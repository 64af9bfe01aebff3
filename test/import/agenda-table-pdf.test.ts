/**
 * The agenda table of a PDF-extracted protocol, as the OM's PDFs give it (issue #23, found on the
 * fifth seed): the table's column header, breaks and the end without a bullet, wrapped presenter
 * lines with a hyphen at the line end, link annotations between the rows, and a bracket that
 * holds the presenter's organisation rather than presenters. Invented rows of the same shape.
 */
import { describe, expect, it } from 'vitest';
import { importTextIn } from './helpers.ts';

const agendaOf = (rows: string[]) => {
  const { result, registry } = importTextIn(
    ['Protokoll AG Transfer', '', 'am Donnerstag, 12.03.2024 von 09:00-13:00 Uhr', '', 'Tagesordnung', '', ...rows, '', '1. Begrüßung', '', 'Text.', '', '2. Haushalt', '', 'Text.', ''].join('\n'),
    'p.txt',
  );
  return { agenda: result.frontmatter.agenda, registry };
};

describe('the agenda table of PDF text', () => {
  it('takes no column header ("Was Wer wann") for an agenda item', () => {
    const { agenda } = agendaOf(['Was Wer wann', '', '1. Begrüßung', '', '09:00', '', '2. Haushalt', '', '09:30']);
    expect(agenda.map((a) => a.title)).toEqual(['Begrüßung', 'Haushalt']);
  });

  it('makes a break and the end with their time items of their own, bullet or not', () => {
    const { agenda } = agendaOf(['1. Begrüßung', '', '09:00', '', 'Pause 10:50', '', '2. Haushalt', '', '11:00', '', 'Ende 13:00']);
    expect(agenda.map((a) => `${a.number ?? '-'} ${a.title}`)).toEqual(['1 Begrüßung', '- Pause', '2 Haushalt', '- Ende']);
    expect(agenda.every((a) => !a.details)).toBe(true);
  });

  it('joins a presenter line broken at a hyphen without a space ("KMU-" + "Berater")', () => {
    const { registry } = agendaOf(['1. Begrüßung', '', 'Erika Muster', '(Verband der Mittelstands-', 'Berater)', '', '09:00', '', '2. Haushalt']);
    const names = registry.changes.filter((c) => c.kind === 'organisation').map((c) => c.id);
    expect(names).toContain('verband-der-mittelstands-berater');
    expect(names.some((id) => id.includes('mittelstands--'))).toBe(false);
  });

  it('leaves link annotation lines out of an item', () => {
    const { agenda } = agendaOf(['1. Begrüßung', '', '09:00', '', '2. Haushalt', '', '09:30', '', 'https://www.example.org/haushalt', 'www.example.org']);
    expect(agenda[1].details ?? '').not.toContain('example.org');
  });

  it('reads "Name (Organisation)" after the title as the presenter and a registered organisation, never the organisation as a person', () => {
    const { agenda, registry } = agendaOf(['1. Neues aus der Offensive Mittelstand Oliver Kruse (Offensive', 'Mittelstand)', '', '09:00', '', '2. Haushalt']);
    expect(agenda[0].title).toBe('Neues aus der Offensive Mittelstand');
    expect(agenda[0].organizations).toEqual(['om']);
    expect(registry.changes.filter((c) => c.kind === 'person').map((c) => c.id)).not.toContain('offensive-mittelstand');
  });
});

describe('a web address wrapped at its hyphen', () => {
  it('keeps the hyphen ("(www.beispiel-" + "verein.de)"), while a word split at a line end loses it', () => {
    const { agenda } = agendaOf(['1. Begrüßung und Vor-', 'stellung', '', '09:00', '', '2. Neues vom Verein (www.beispiel-', 'verein.de)']);
    expect(agenda.map((a) => a.title)).toEqual(['Begrüßung und Vorstellung', 'Neues vom Verein (www.beispiel-verein.de)']);
  });
});
