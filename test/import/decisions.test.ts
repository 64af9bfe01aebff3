/**
 * Rules for decisions and people facts (issue #12, FINDINGS classes F and J), each with an
 * invented protocol in both styles (PDF text and Word export), imported through
 * `importProtocol` against the committed registries (in memory, nothing written):
 * resolution labels and vote lines, the minute-taker from labels and signature blocks,
 * and the participant count. Every reported resolution must be a `<Resolution>` on the page.
 */
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../scripts/import/steps/body.ts';
import { refusePerson } from '../../scripts/import/steps/gate.ts';
import { importTextIn } from './helpers.ts';
import { compilePage } from './compile.ts';

type Parts = { header?: string; body1?: string; body2?: string };

/** A PDF-text protocol of the AG Transfer with the given header lines and TOP texts. */
function pdf(p: Parts): string {
  return [
    'Protokoll der AG Transfer',
    '',
    '12. März 2024, Videokonferenz, 10:00 - 12:00 Uhr',
    p.header ?? '',
    '',
    'Tagesordnung',
    '',
    '1. Begrüßung',
    '2. Kasse',
    '',
    '1. Begrüßung',
    '',
    p.body1 ?? 'Die Sitzung beginnt pünktlich.',
    '',
    '2. Kasse',
    '',
    p.body2 ?? 'Es gibt keine Berichte.',
    '',
  ].join('\n');
}

/** The same protocol as a Word export (markdown headings, a tab agenda table). */
function word(p: Parts): string {
  return [
    '## Protokoll',
    '',
    '### Treffen der AG Transfer',
    '',
    '12. März 2024, Videokonferenz, 10:00 - 12:00 Uhr',
    '',
    p.header ?? '',
    '',
    'Tagesordnung\t\t',
    '1.\t<b>Begrüßung</b>\t',
    '2.\t<b>Kasse</b>\t',
    '',
    '## TOP 1 Begrüßung',
    '',
    p.body1 ?? 'Die Sitzung beginnt pünktlich.',
    '',
    '## TOP 2 Kasse',
    '',
    p.body2 ?? 'Es gibt keine Berichte.',
    '',
  ].join('\n');
}

const styles = [
  ['PDF text', pdf, 'protokoll.txt'],
  ['Word export', word, 'protokoll.md'],
] as const;

function run(text: string, name: string) {
  const { result, registry } = importTextIn(text, name);
  const minutes = result.frontmatter.minutesBy ? registry.personIndex.get(result.frontmatter.minutesBy)?.name : undefined;
  const attendees = result.frontmatter.attendees.map((id) => registry.personIndex.get(id)?.name);
  return { result, registry, minutes, attendees, count: result.frontmatter.participantCount };
}

/** The resolutions as the compiled page shows them; must be the ones the importer reports. */
async function shown(result: ReturnType<typeof run>['result']) {
  const page = await compilePage(result.mdx);
  expect(page.resolutions.map((r) => r.id)).toEqual(result.resolutions.map((r) => r.id));
  return result.resolutions.map((r) => ({ text: page.resolutions.find((p) => p.id === r.id)!.text.trim(), result: r.result }));
}

describe.each(styles)('resolutions (%s)', (_style, make, name) => {
  it('reads a <b>-labelled resolution of a Word fragment and a plain label alike', async () => {
    const body = make === word ? '<b>Beschluss:</b> Die AG kauft einen Beamer.' : 'Beschluss: Die AG kauft einen Beamer.';
    expect(await shown(run(make({ body1: body }), name).result)).toEqual([{ text: 'Die AG kauft einen Beamer.', result: undefined }]);
  });

  it('reads "… beschließt: text" on one line, and "… beschließt:" with the text below', async () => {
    const r = run(make({ body1: 'Die AG beschließt: Der Stammtisch zieht ins Rathaus um.', body2: 'Die AG beschließt:\n\nDie Kasse prüft Jan Ottenbreit.' }), name);
    expect((await shown(r.result)).map((x) => x.text)).toEqual(['Der Stammtisch zieht ins Rathaus um.', 'Die Kasse prüft Jan Ottenbreit.']);
  });

  it('takes a vote written before the text as the result, the text after the dash as the resolution', async () => {
    const r = run(make({ body1: 'Beschluss: einstimmig – Die AG stimmt der Einladung zu.' }), name);
    expect(await shown(r.result)).toEqual([{ text: 'Die AG stimmt der Einladung zu.', result: 'einstimmig' }]);
  });

  it('takes "Beschluss: einstimmig" after a resolution as its vote, not as a second resolution', async () => {
    const r = run(make({ body1: 'Beschluss: Die Satzung wird geändert.\n\nBeschluss: einstimmig' }), name);
    const res = await shown(r.result);
    expect(res).toHaveLength(1);
    expect(res[0].result).toBe('einstimmig');
    expect(res[0].text).toContain('Die Satzung wird geändert.');
  });

  it.each([
    ['Abstimmungsergebnis: 11 Ja, 2 Nein, 0 Enthaltungen', '11 Ja, 2 Nein, 0 Enthaltungen'],
    ['Abstimmung: 5/1/0', '5/1/0'],
    ['(4/0/2)', '4/0/2'],
  ])('gives the vote line "%s" to the resolution before it', async (vote, result) => {
    const r = run(make({ body1: `Beschluss: Der Beitrag bleibt bei 20 EUR.\n\n${vote}` }), name);
    const res = await shown(r.result);
    expect(res).toHaveLength(1);
    expect(res[0].result).toBe(result);
    expect(res[0].text).toContain(vote.replace(/[()]/g, '').split(':').pop()!.trim().split(' ')[0]);
  });

  it('counts no prose approval as a resolution', () => {
    const r = run(make({ body1: 'Die Tagesordnung wird einstimmig angenommen.', body2: 'Das Protokoll der letzten Sitzung wird ohne Änderungen genehmigt.' }), name);
    expect(r.result.resolutions).toEqual([]);
  });
});

describe('a Word paragraph that swallowed a table', () => {
  it('finds the bold label inside it and ends the resolution at the next bold title', () => {
    const text = 'Die Kalkulation liegt vor. Posten\t2023\t2024 Saal\t100 €\t120 € Herr Olm fragt nach. **Beschluss:** Die Saalmiete steigt auf 120 €. Abstimmungsergebnis: 6 Ja, 0 Nein, 1 Enthaltung. **Verschiedenes** Nichts.';
    const { resolutions, body } = renderBody([{ number: '1', title: 'Kasse', line: 1, blocks: [{ kind: 'paragraph', text, line: 3, markdown: true }] }], 'm');
    expect(resolutions).toHaveLength(1);
    expect(resolutions[0].text).toBe('Die Saalmiete steigt auf 120 €. Abstimmungsergebnis: 6 Ja, 0 Nein, 1 Enthaltung.');
    expect(resolutions[0].result).toBe('6 Ja, 0 Nein, 1 Enthaltung');
    expect(body).toContain('**Verschiedenes** Nichts.');
    expect(body).toContain('Herr Olm fragt nach.');
  });
});

describe.each(styles)('minute-taker (%s)', (_style, make, name) => {
  it.each(['Protokollführer:', 'Protokollführerin:', 'Protokollführung:', 'Schriftführer(in):', 'Schriftführung:', 'Protokoll:', 'Protokoll erstellt von'])(
    'reads "%s Name" in the header',
    (label) => {
      expect(run(make({ header: `${label} Gunhild Sperlbaum` }), name).minutes).toBe('Gunhild Sperlbaum');
    },
  );

  it.each(['Schriftführer(in):', 'Protokollführer/in:', 'Protokoll:'])('ends the attendance list before "%s Name"', (label) => {
    const r = run(make({ header: `Anwesend: Kai Brettschneider, Olaf Brinkhaus\n${label} Gunhild Sperlbaum` }), name);
    expect(r.minutes).toBe('Gunhild Sperlbaum');
    expect(r.attendees).toEqual(['Kai Brettschneider', 'Olaf Brinkhaus']);
  });

  it('never takes the role or organisation in brackets into the name', () => {
    const r = run(make({ header: 'Protokollführer: Arvid Töpperwien (Kämmerei)' }), name);
    expect(r.minutes).toBe('Arvid Töpperwien');
    expect(r.registry.changes.filter((c) => c.kind === 'organisation' && c.change === 'new')).toEqual([]);
  });

  it('registers a minute-taker named by given name alone, kept apart from the attendance list before it', () => {
    const r = run(make({ header: 'Anwesend: Kai Brettschneider, Jorinde\nProtokoll: Jorinde' }), name);
    expect(r.minutes).toBe('Jorinde');
    expect(r.attendees).toEqual(['Kai Brettschneider', 'Jorinde']);
    expect(r.count).toBe(2);
  });

  it('registers no given-name minute-taker that is a label word ("Protokoll: Vorstand")', () => {
    expect(refusePerson('Vorstand', { givenNameOnly: true })).not.toBeNull();
    expect(refusePerson('Jorinde')).not.toBeNull();
    expect(refusePerson('Jorinde', { givenNameOnly: true })).toBeNull();
    expect(run(make({ header: 'Protokoll: Vorstand' }), name).minutes).toBeUndefined();
  });

  it('reads the minute-taker from a signature line at the end', () => {
    expect(run(make({ body2: 'Ende der Sitzung.\n\ngez. Gunhild Sperlbaum (Protokollführerin)' }), name).minutes).toBe('Gunhild Sperlbaum');
  });

  it('reads the minute-taker from the column of a signature row of names over roles', () => {
    const sig = make === word ? 'gez. Olaf Brinkhaus, Vorsitzender\tgez. Gunhild Sperlbaum, Schriftführerin' : 'Olaf Brinkhaus                    Gunhild Sperlbaum\nVorsitzender                      Schriftführerin';
    expect(run(make({ body2: `Ende der Sitzung.\n\n${sig}` }), name).minutes).toBe('Gunhild Sperlbaum');
  });
});

describe.each(styles)('participant count (%s)', (_style, make, name) => {
  it.each([
    ['Teilnehmende: 30', 30],
    ['Anwesend: 14 Personen', 14],
    ['Teilnehmerzahl: 42', 42],
    ['Anwesend: 300 stimmberechtigte Mitglieder', 300],
  ])('takes the count stated in the header: "%s"', (header, count) => {
    const r = run(make({ header }), name);
    expect(r.count).toBe(count);
    expect(r.attendees).toEqual([]);
  });

  it('counts the people named as present, not the excused ones, and never a count in the body', () => {
    const r = run(make({ header: 'Anwesend: Kai Brettschneider, Gunhild Sperlbaum, Olaf Brinkhaus\n\nEntschuldigt: Arvid Töpperwien', body1: 'Es kamen 30 Teilnehmende zum Empfang.' }), name);
    expect(r.count).toBe(3);
    expect(r.attendees).not.toContain('Arvid Töpperwien');
  });

  it('counts a minute-taker listed among the groups of "Anwesend:"', () => {
    const r = run(make({ header: 'Anwesend:\nVorsitz: Kai Brettschneider\nMitglieder: Olaf Brinkhaus, Arvid Töpperwien\nSchriftführung: Gunhild Sperlbaum\n\nEntschuldigt: Jan Ottenbreit' }), name);
    expect(r.minutes).toBe('Gunhild Sperlbaum');
    expect(r.count).toBe(4);
    expect(r.attendees).not.toContain('Jan Ottenbreit');
  });
});

describe('attendance table (Word export)', () => {
  it('counts the rows marked present, not the excused ones', () => {
    const header = ['Mitglied\tGruppe\tanwesend\tentschuldigt', 'Bgm. Kai Brettschneider\tListe A\tja\t', 'Olaf Brinkhaus\tListe B\tja\t', 'Arvid Töpperwien\tListe B\t\tja'].join('\n');
    const r = run(word({ header }), 'protokoll.md');
    expect(r.attendees).toEqual(['Kai Brettschneider', 'Olaf Brinkhaus']);
    expect(r.count).toBe(2);
  });
});
