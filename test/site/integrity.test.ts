import { describe, expect, it } from 'vitest';
import { checkIntegrity, checkSourceFiles, integrityError } from '../../src/lib/checks/integrity';
import { meeting, registries } from './helpers';

const good = meeting(
  {
    date: '2021-04-22',
    committee: 'strategiekreis',
    attendees: ['oleg-cernavin'],
    moderator: 'annette-icks',
    minutesBy: 'oleg-cernavin',
    agenda: [
      { number: null, title: 'Begrüßung' },
      { number: '1', title: 'Neues', presenters: ['annette-icks'], organizations: ['ifm-bonn'] },
    ],
    nextMeetings: [{ date: '2021-11-11', committee: 'strategiekreis' }],
  },
  `## TOP 1 – Neues

<Resolution id="2021-04-22-strategiekreis-b1" kind="Beschluss" item="1">Ja.</Resolution>
`,
);

describe('checkIntegrity', () => {
  it('finds nothing wrong in consistent data', () => {
    expect(checkIntegrity([good], registries())).toEqual([]);
  });

  it('names file, field and fix for an unknown presenter', () => {
    const broken = meeting({
      date: '2021-04-22',
      committee: 'strategiekreis',
      agenda: [
        { number: null, title: 'Begrüßung' },
        { number: '1', title: 'Neues', presenters: ['annete-icks'] },
      ],
    });
    expect(checkIntegrity([broken], registries())).toEqual([
      'content/protocols/2021-04-22-strategiekreis.mdx: agenda[1].presenters[0]: unknown person "annete-icks". Fix: add content/people/annete-icks.yaml or correct the id.',
    ]);
  });

  it('checks every id field against the right registry', () => {
    const broken = meeting({
      date: '2021-04-22',
      committee: 'strategiekreiss',
      attendees: ['oleg-cernavin', 'x-person'],
      moderator: 'y-person',
      minutesBy: 'z-person',
      agenda: [{ number: '1', title: 'A', organizations: ['ifm-bon'] }],
      nextMeetings: [{ date: '2021-11-11', committee: 'plenumm' }],
    });
    expect(checkIntegrity([broken], registries()).map((p) => p.replace(/^[^:]+: /, '').replace(/\. Fix: .*$/, ''))).toEqual([
      'committee: unknown committee "strategiekreiss"',
      'attendees[1]: unknown person "x-person"',
      'moderator: unknown person "y-person"',
      'minutesBy: unknown person "z-person"',
      'agenda[0].organizations[0]: unknown organisation "ifm-bon"',
      'nextMeetings[0].committee: unknown committee "plenumm"',
    ]);
  });

  it('rejects a resolution id that does not belong to its meeting', () => {
    const broken = meeting(
      { date: '2021-04-22', committee: 'strategiekreis' },
      '<Resolution id="2021-11-11-plenum-b1" kind="Beschluss">Ja.</Resolution>',
    );
    expect(checkIntegrity([broken], registries())).toEqual([
      'content/protocols/2021-04-22-strategiekreis.mdx: <Resolution> #1 (body line 1) id: "2021-11-11-plenum-b1" does not have the form "<meeting-id>-b<n>". Fix: use id="2021-04-22-strategiekreis-b1".',
    ]);
  });

  it('rejects a resolution id used twice', () => {
    const broken = meeting(
      { date: '2021-04-22', committee: 'strategiekreis' },
      `<Resolution id="2021-04-22-strategiekreis-b1" kind="Beschluss">Ja.</Resolution>

<Resolution id="2021-04-22-strategiekreis-b1" kind="Beschluss">Nein.</Resolution>`,
    );
    const problems = checkIntegrity([broken], registries());
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"2021-04-22-strategiekreis-b1" is used twice');
    expect(problems[0]).toContain('<Resolution> #2 (body line 3) id');
  });

  it('rejects an unknown resolution kind', () => {
    const broken = meeting(
      { date: '2021-04-22', committee: 'strategiekreis' },
      '<Resolution id="2021-04-22-strategiekreis-b1" kind="Beschlus">Ja.</Resolution>',
    );
    expect(checkIntegrity([broken], registries())).toEqual([
      'content/protocols/2021-04-22-strategiekreis.mdx: <Resolution> #1 (body line 1) kind: "Beschlus" is not a resolution kind. Fix: use one of "Beschluss", "Vereinbarung", "Wahl", "Entlastung", "Vertagung".',
    ]);
  });
});

describe('checkSourceFiles', () => {
  it('warns about a missing original and a changed one', () => {
    const other = meeting({ date: '2021-11-11', committee: 'plenum' });
    const warnings = checkSourceFiles([good, other], new Map([['2021-11-11-plenum.txt', 'f'.repeat(64)]]));
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toBe(
      'content/protocols/2021-04-22-strategiekreis.mdx: source.file: "2021-04-22-strategiekreis.txt" is not in content/sources/. Fix: copy the original file there or correct the name.',
    );
    expect(warnings[1]).toContain('source.sha256: content/sources/2021-11-11-plenum.txt has SHA-256 ffff');
  });
});

describe('integrityError', () => {
  it('lists every problem on its own line', () => {
    expect(integrityError(['a: b: c. Fix: d.', 'e: f: g. Fix: h.']).message).toBe(
      'The archive has 2 integrity problems (src/lib/checks/integrity.ts):\n  a: b: c. Fix: d.\n  e: f: g. Fix: h.',
    );
  });
});
