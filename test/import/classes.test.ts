/**
 * Issue #12, classes 1, 4, 5, 6, 7 and 10: each with an invented protocol in both styles
 * (PDF text and Word export), imported through `importProtocol` against the committed
 * registries (in memory, nothing written).
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../scripts/import/cli.ts';
import { ImportError } from '../../scripts/import/errors.ts';
import { refuseOrganisation, refusePerson } from '../../scripts/import/steps/gate.ts';
import { importTextIn } from './helpers.ts';

type Parts = { title?: string; date?: string; header?: string; body1?: string; body2?: string };

/** A PDF-text protocol of the AG Transfer with the given header lines and TOP texts. */
function pdf(p: Parts): string {
  return [
    p.title ?? 'Protokoll der AG Transfer',
    '',
    p.date ?? '12. März 2024, Videokonferenz, 10:00 - 12:00 Uhr',
    p.header ?? '',
    '',
    'Tagesordnung',
    '',
    '1. Begrüßung',
    '2. Berichte aus den Gruppen',
    '',
    '1. Begrüßung',
    '',
    p.body1 ?? 'Die Sitzung beginnt pünktlich.',
    '',
    '2. Berichte aus den Gruppen',
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
    `### ${p.title ?? 'Treffen der AG Transfer'}`,
    '',
    p.date ?? '12. März 2024, Videokonferenz, 10:00 - 12:00 Uhr',
    '',
    p.header ?? '',
    '',
    'Tagesordnung\t\t',
    '1.\t<b>Begrüßung</b>\t',
    '2.\t<b>Berichte aus den Gruppen</b>\t',
    '',
    '## TOP 1 Begrüßung',
    '',
    p.body1 ?? 'Die Sitzung beginnt pünktlich.',
    '',
    '## TOP 2 Berichte aus den Gruppen',
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
  const created = (kind: string) => registry.changes.filter((c) => c.change === 'new' && c.kind === kind).map((c) => c.id);
  return { result, registry, people: created('person'), organisations: created('organisation'), committees: created('committee') };
}

/** Every new entry must pass the gate (what the registry would write). */
function expectGateClean(r: ReturnType<typeof run>): void {
  for (const c of r.registry.changes.filter((c) => c.change === 'new')) {
    if (c.kind === 'person') expect(refusePerson(r.registry.personIndex.get(c.id)!.name), c.id).toBeNull();
    if (c.kind === 'organisation') expect(refuseOrganisation(r.registry.organisationIndex.get(c.id)!.name), c.id).toBeNull();
  }
}

describe.each(styles)('class 1, participant counts (%s)', (_style, make, name) => {
  it.each([
    ['Teilnehmende: 30', 30],
    ['30 Teilnehmende', 30],
    ['Teilnehmerzahl: 30', 30],
    ['Anwesend: 30 Personen', 30],
    ['Anwesend: 23 stimmberechtigte Mitglieder (siehe Anwesenheitsliste)', 23],
  ])('reads %j as a count, never as a person', (line, count) => {
    const r = run(make({ header: line }), name);
    expect(r.result.frontmatter.participantCount).toBe(count);
    expect(r.result.frontmatter.attendees).toEqual([]);
    expect(r.people).toEqual([]);
  });

  it('still counts named attendees when no number is given', () => {
    const r = run(make({ header: 'Teilnehmende: Erika Muster, Eda Beispiel' }), name);
    expect(r.result.frontmatter.participantCount).toBe(2);
    expect(r.people).toEqual(['erika-muster', 'eda-beispiel']);
  });
});

describe.each(styles)('class 4, phrases are not people or organisations (%s)', (_style, make, name) => {
  const body2 = [
    'Das Thema Datenschutzgrundverordnung (DSGVO) wird vertagt.',
    'Der Antrag kommt von Battle Bots (Marc).',
    'Anna Beispiel (Versammlungsleitung) eröffnet die Aussprache.',
    'Es nehmen teil: Max Muster (über Zoom), Erika Muster (entschuldigt) und Kim Beispiel (vertritt Max).',
    'Die Künstliche Intelligenz (KI) bleibt Thema.',
  ].join(' ');

  it('registers only the people, with no organisation from a role, note or abbreviation', () => {
    const r = run(make({ body2 }), name);
    expect(r.organisations).toEqual([]);
    expect(r.people.sort()).toEqual(['anna-beispiel', 'erika-muster', 'kim-beispiel', 'max-muster']);
    expectGateClean(r);
  });

  it('reports what it did not register as file:line: unresolved mention, and keeps the text', () => {
    const r = run(make({ body2 }), name);
    expect(r.result.warnings.some((w) => /^protokoll\.(txt|md):\d+: unresolved mention "Battle Bots \(Marc\)"/.test(w))).toBe(true);
    expect(r.result.mdx).toContain('Battle Bots (Marc)');
    expect(r.result.mdx).toContain('Datenschutzgrundverordnung (DSGVO)');
  });

  it('still registers a person with a real organisation', () => {
    const r = run(make({ body2: 'Eda Beispiel (Handwerkskammer Musterstadt) berichtet.' }), name);
    expect(r.people).toEqual(['eda-beispiel']);
    expect(r.organisations).toEqual(['handwerkskammer-musterstadt']);
    expect(r.result.frontmatter.memberships).toEqual([{ person: 'eda-beispiel', organization: 'handwerkskammer-musterstadt' }]);
  });
});

describe.each(styles)('class 5, people named alone (%s)', (_style, make, name) => {
  const body2 = (list: string) => `Die neuen Kolleginnen stellen sich vor:\n\n${list}\n\nFrau Muster übernimmt die Koordination.\n\nMitschrift Erika Muster`;

  it.each([
    ['bullets', '• Eda Beispiel\n• Erika Muster'],
    ['markdown bullets with glyphs', '- • Eda Beispiel\n- • Erika Muster'],
  ])('registers the names of a list of %s, and later mentions resolve to them', (_k, list) => {
    const r = run(make({ body2: body2(list) }), name);
    expect(r.people).toEqual(expect.arrayContaining(['eda-beispiel', 'erika-muster']));
    expect(r.result.frontmatter.minutesBy).toBe('erika-muster');
    expect(r.registry.personIndex.resolve('Frau Muster')).toMatchObject({ kind: 'match', id: 'erika-muster' });
    expect(r.registry.personIndex.resolve('Eda Beispiel')).toMatchObject({ kind: 'match', id: 'eda-beispiel' });
  });

  it('registers names listed inline after the colon', () => {
    const r = run(make({ body2: 'Die neuen Kolleginnen stellen sich vor: • Eda Beispiel • Erika Muster' }), name);
    expect(r.people.sort()).toEqual(['eda-beispiel', 'erika-muster']);
  });

  it('takes nothing from a list of things', () => {
    const r = run(make({ body2: 'Offene Punkte:\n\n• Weitere Termine\n• Erika Muster\n• Neue Flyer' }), name);
    expect(r.people).toEqual([]);
  });

  it('registers the minute-taker of a closing "Mitschrift" line without the link lines after it', () => {
    const r = run(make({ body2: 'Alles geklärt.\n\nMitschrift Erika Muster\nmailto:erika@example.org' }), name);
    expect(r.result.frontmatter.minutesBy).toBe('erika-muster');
  });
});

describe.each(styles)('class 6, header (%s)', (_style, make, name) => {
  it('finds the committee on a title line that carries the date', () => {
    // A body's kind alone ("Protokoll der Mitgliederversammlung vom …") is refused since issue #23: it names no body.
    const r = run(make({ title: 'Protokoll der Mitgliederversammlung des Imkervereins Obere Lahn e. V. vom 14. August 2017', date: 'Vereinsheim, 19:00 Uhr' }), name);
    expect(r.result.frontmatter.date).toBe('2017-08-14');
    expect(r.result.frontmatter.committee).toBe('mitgliederversammlung-des-imkervereins-obere-lahn-e-v');
    expect(r.committees).toEqual(['mitgliederversammlung-des-imkervereins-obere-lahn-e-v']);
  });

  it.each([
    ['vom 25.03.2014.', '2014-03-25'],
    ['2019-06-03, Raum 2, 18:15 – 20:05 Uhr', '2019-06-03'],
  ])('reads the date in %j', (date, iso) => {
    expect(run(make({ date }), name).result.frontmatter.date).toBe(iso);
  });

  it('never takes a weekday for the place, and sees a room with a video link as hybrid', () => {
    const f = run(make({ date: 'Dienstag, 2023-02-14, 18:30 – 20:15 Uhr, Rathaus Musterstadt' }), name).result.frontmatter;
    expect([f.date, f.location, f.start, f.end]).toEqual(['2023-02-14', 'Rathaus Musterstadt', '18:30', '20:15']);
    expect(run(make({ date: '2019-06-03, Raum C 2.14 und über Zoom, 18:15 – 20:05 Uhr' }), name).result.frontmatter.format).toBe('hybrid');
  });

  it('reads labelled header facts: Datum, Beginn/Ende, Ort', () => {
    const f = run(make({ date: 'Datum: 07.11.2022\nBeginn: 19:00 Uhr   Ende: 21:35 Uhr\nOrt: Vereinsheim, Lindenweg 4, Musterstadt' }), name).result.frontmatter;
    expect([f.date, f.start, f.end, f.location]).toEqual(['2022-11-07', '19:00', '21:35', 'Vereinsheim, Lindenweg 4, Musterstadt']);
  });

  it('fails naming the header line when only the body has a date', () => {
    const text = make({ date: 'Raum 2, Videokonferenz', body1: 'Die Einladung vom 03.02.2023 ging rechtzeitig raus.', body2: 'Nächster Termin: 15. März 2024.' });
    const attempt = () => run(text, name);
    expect(attempt).toThrow(ImportError);
    expect(attempt).toThrow(new RegExp(`^${name.replace('.', '\\.')}:\\d+: no meeting date found in the header.*Fix: `));
  });

  it('keeps a header sentence cut at commas whole in the text', () => {
    const sentence = 'Es versammelten sich heute, am 5. Mai 2018, im Gemeindehaus am Kirchplatz, um 19:00 Uhr die Mitglieder.';
    const r = run(make({ date: sentence }), name);
    expect(r.result.frontmatter.date).toBe('2018-05-05');
    const body = r.result.mdx.slice(r.result.mdx.lastIndexOf('*/}'));
    expect(body).toContain('Es versammelten sich heute, am 5. Mai 2018, im Gemeindehaus am Kirchplatz, um 19:00 Uhr die Mitglieder.');
  });
});

describe.each(styles)('class 7, attendance lists (%s)', (_style, make, name) => {
  it('ends the list at the next label line', () => {
    const r = run(make({ header: 'Anwesend: Erika Muster, Max Meier,\nEda Beispiel\nProtokoll: Paul Beispiel\nModeration: Kim Beispiel' }), name);
    const f = r.result.frontmatter;
    expect(f.attendees).toEqual(['erika-muster', 'max-meier', 'eda-beispiel']);
    expect(f.minutesBy).toBe('paul-beispiel');
    expect(f.moderator).toBe('kim-beispiel');
  });

  it('reads a list of one name per line as separate people, never one long name', () => {
    const names = Array.from({ length: 25 }, (_, i) => `Erika Muster${String.fromCharCode(97 + i)}`.replace(/([a-z])$/, (c) => `-${c.toUpperCase()}eispiel`));
    const r = run(make({ header: `Anwesend:\n${names.join('\n')}` }), name);
    expect(r.result.frontmatter.attendees).toHaveLength(25);
    for (const id of r.people) expect(id.length).toBeLessThan(80);
  });

  it('never registers a "(...)" placeholder', () => {
    const r = run(make({ header: 'Anwesend: Erika Muster, (...), Herr (...)', body2: 'Herr (...) berichtet. Frau (...) (entschuldigt) fehlt.' }), name);
    expect(r.people).toEqual(['erika-muster']);
    expect(r.result.warnings.some((w) => /:\d+: unresolved mention "Herr/.test(w))).toBe(true);
  });
});

describe('class 6/7, a PDF protocol without agenda', () => {
  it('reads the label block after a blank line as header: date, attendance, minute-taker', () => {
    const text = 'Betriebsrat der Musterwerk GmbH\n\nNiederschrift der Betriebsratssitzung\n\nDatum: 07.11.2022\nZeit: 13:30 Uhr bis 15:45 Uhr\n\nAnwesende Betriebsratsmitglieder:\nErika Muster (Vorsitzende), Max Meier,\nEda Beispiel\nProtokollführerin: Eda Beispiel\n\nDie Sitzung wurde am 31.10.2022 einberufen.\n\nBeschluss: Der Betriebsrat stimmt zu.\n';
    const r = run(text, 'br.txt');
    const f = r.result.frontmatter;
    expect([f.date, f.start, f.end, f.minutesBy]).toEqual(['2022-11-07', '13:30', '15:45', 'eda-beispiel']);
    expect(f.attendees).toEqual(['erika-muster', 'max-meier', 'eda-beispiel']);
    expect(f.committee).toBe('betriebsrat-der-musterwerk-gmbh');
  });
});

describe.each(styles)('class 10, wrong merges (%s)', (_style, make, name) => {
  it('keeps Max Meier and Max Maier, Anna Kühn and Anna Kuhn apart', () => {
    const r = run(make({ body2: 'Max Meier (IfM Bonn) und Max Maier (IfM Bonn) berichten. Anna Kühn (BMAS) fragt Anna Kuhn (BMAS).' }), name);
    expect(r.people.sort()).toEqual(['anna-kuehn', 'anna-kuhn', 'max-maier', 'max-meier']);
    expect(r.result.warnings.some((w) => /new person "Max Maier" is spelled like max-meier/.test(w))).toBe(true);
  });

  it('merges by the documented rules: ß/ss, ph/f, umlauts, titles, and registry aliases', () => {
    const r = run(make({ body2: 'Norman Weiß (IG BCE), Ralf Papenfuß (ZDH), Dr. Annette Icks (IfM Bonn) und Hr. Weis (IG BCE) sprechen.' }), name);
    expect(r.people).toEqual([]);
  });

  it('files the plenum of another body as a new committee, not the OM Plenum', () => {
    const r = run(make({ title: 'Protokoll des Plenums der FSFW Dresden' }), name);
    expect(r.result.frontmatter.committee).not.toBe('plenum');
    expect(r.committees).toEqual([r.result.frontmatter.committee]);
    expect(r.committees[0]).toMatch(/fsfw-dresden/);
  });

  it('keeps the OM Plenum when the genitive names the OM', () => {
    const r = run(make({ title: 'Protokoll des 26. Plenum der Offensive Mittelstand' }), name);
    expect(r.result.frontmatter.committee).toBe('plenum');
    expect(r.committees).toEqual([]);
  });
});

describe('summary', () => {
  it('shows each new entry with the line that made it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'om-classes-'));
    try {
      const content = join(dir, 'content');
      cpSync('content/committees', join(content, 'committees'), { recursive: true });
      const file = join(dir, 'p.txt');
      writeFileSync(file, pdf({ body2: 'Eda Beispiel (Handwerkskammer Musterstadt) berichtet.' }));
      const lines: string[] = [];
      const code = await main(['--dry-run', '--content', content, file], (s: string) => lines.push(s), () => {});
      expect(code).toBe(0);
      expect(lines).toContain(`  new: person eda-beispiel (Eda Beispiel) from ${file}:17`);
      expect(lines).toContain(`  new: organisation handwerkskammer-musterstadt (Handwerkskammer Musterstadt) from ${file}:17`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
