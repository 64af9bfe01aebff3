/**
 * Decisions by vote (issue #23): a sentence that states an outcome becomes a `<Resolution>`
 * with its kind, result and vote, in both styles (PDF text and Word export), and what stays
 * prose stays prose. Invented protocols of the AG Transfer, imported through `importProtocol`
 * against the committed registries (in memory); every reported resolution must be on the page.
 */
import { describe, expect, it } from 'vitest';
import { findDecision, readVote } from '../../scripts/import/steps/votes.ts';
import { importTextIn } from './helpers.ts';
import { compilePage } from './compile.ts';

/** A PDF-text protocol with the given text under TOP 2. */
function pdf(text: string): string {
  return ['Protokoll der AG Transfer', '', '12. März 2024, Videokonferenz, 10:00 - 12:00 Uhr', '', 'Tagesordnung', '', '1. Begrüßung', '2. Anträge', '', '1. Begrüßung', '', 'Die Sitzung beginnt pünktlich.', '', '2. Anträge', '', text, ''].join('\n');
}

/** The same as a Word export. */
function word(text: string): string {
  return ['## Protokoll', '', '### Treffen der AG Transfer', '', '12. März 2024, Videokonferenz, 10:00 - 12:00 Uhr', '', 'Tagesordnung\t\t', '1.\t<b>Begrüßung</b>\t', '2.\t<b>Anträge</b>\t', '', '## TOP 1 Begrüßung', '', 'Die Sitzung beginnt pünktlich.', '', '## TOP 2 Anträge', '', text, ''].join('\n');
}

const styles = [
  ['PDF text', pdf, 'protokoll.txt'],
  ['Word export', word, 'protokoll.md'],
] as const;

/** The resolutions of the imported protocol as the page shows them, with kind, result and vote. */
async function decisions(text: string, name: string) {
  const { result } = importTextIn(text, name);
  const page = await compilePage(result.mdx);
  expect(page.resolutions.map((r) => r.id)).toEqual(result.resolutions.map((r) => r.id));
  return result.resolutions.map((r) => ({ kind: r.kind, result: r.result, vote: r.vote, text: page.resolutions.find((p) => p.id === r.id)!.text.trim() }));
}

describe.each(styles)('decisions by vote (%s)', (_style, make, name) => {
  it('takes the motion and "Der Antrag wird einstimmig angenommen." as one Beschluss', async () => {
    const got = await decisions(make('Frau Sperlbaum beantragt, den Stammtisch ins Rathaus zu verlegen.\n\nDer Antrag wird einstimmig angenommen.'), name);
    expect(got).toEqual([{ kind: 'Beschluss', result: 'einstimmig', vote: { unanimous: true }, text: expect.stringMatching(/^Frau Sperlbaum beantragt.*Der Antrag wird einstimmig angenommen\.$/s) }]);
  });

  it('reads "Es wird einstimmig bei einer Enthaltung beschlossen, dass …", the sentences before it staying prose', async () => {
    const { result } = importTextIn(make('Zwei Angebote liegen vor. Es wird einstimmig bei einer Enthaltung beschlossen, dass die Firma Olm den Auftrag erhält.'), name);
    expect(result.resolutions.map((r) => [r.kind, r.vote, r.text])).toEqual([['Beschluss', { unanimous: true, abstain: 1 }, 'Es wird einstimmig bei einer Enthaltung beschlossen, dass die Firma Olm den Auftrag erhält.']]);
    expect(result.mdx).toContain('Zwei Angebote liegen vor.');
  });

  it.each([
    ['Abstimmung: 7 Ja, 0 Nein, 4 Enthaltungen', { yes: 7, no: 0, abstain: 4 }, '7 Ja, 0 Nein, 4 Enthaltungen'],
    ['Ergebnis 6/0/1 – angenommen', { yes: 6, no: 0, abstain: 1 }, '6/0/1'],
  ])('makes a motion followed by "%s" a resolution with that vote', async (vote, counts, result) => {
    const got = await decisions(make(`Herr Olm schlägt vor, den Beitrag bei 20 EUR zu lassen.\n\n${vote}`), name);
    expect(got).toEqual([{ kind: 'Beschluss', result, vote: counts, text: expect.stringContaining('Herr Olm schlägt vor') }]);
  });

  it('records a rejected motion with the result "abgelehnt"', async () => {
    const got = await decisions(make('Der Antrag auf eine Ballmaschine wird mit 2 Ja, 4 Nein, 1 Enthaltung abgelehnt.'), name);
    expect(got).toEqual([{ kind: 'Beschluss', result: 'abgelehnt', vote: { yes: 2, no: 4, abstain: 1 }, text: expect.stringContaining('Ballmaschine') }]);
  });

  it.each([
    ['Gunhild Sperlbaum wird einstimmig zur Vorsitzenden gewählt.', 'Wahl', 'einstimmig'],
    ['Zum Kassenwart wird Olaf Brinkhaus mit 9 Ja, 1 Nein gewählt.', 'Wahl', '9 Ja, 1 Nein'],
    ['Der Vorstand wird einstimmig entlastet.', 'Entlastung', 'einstimmig'],
    ['Die Versammlung erteilt dem Vorstand Entlastung.', 'Entlastung', undefined],
    ['Die Beratung über den Busantrag wird auf die nächste Sitzung vertagt.', 'Vertagung', 'vertagt'],
  ])('reads "%s" as a %s', async (sentence, kind, result) => {
    const got = await decisions(make(sentence), name);
    expect(got.map((r) => [r.kind, r.result, r.text])).toEqual([[kind, result, sentence]]);
  });

  it('gives "Einstimmig angenommen." right after a labelled resolution to that resolution', async () => {
    const got = await decisions(make('Beschluss: Der Beitrag bleibt bei 20 EUR.\n\nEinstimmig angenommen.'), name);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ result: 'einstimmig', vote: { unanimous: true } });
  });

  it.each([
    'Die Tagesordnung wird einstimmig angenommen.',
    'Das Protokoll der letzten Sitzung wird ohne Änderungen genehmigt.',
    'Zum Versammlungsleiter wird einstimmig Olaf Brinkhaus gewählt.',
    'Die Bewässerung soll im nächsten Jahr beschlossen werden.',
    'Wie im März beschlossen, wird der Flyer gedruckt.',
    'Wurde der Antrag angenommen?',
    'Es wird angenommen, dass die Kosten steigen.',
    'Im Vorjahr haben 13 Mitglieder die Ersatzzahlung gewählt; der Vorstand wurde informiert.',
  ])('keeps "%s" as prose', async (sentence) => {
    const { result } = importTextIn(make(sentence), name);
    expect(result.resolutions).toEqual([]);
    expect(result.mdx).toContain(sentence.split(' ').slice(0, 3).join(' '));
  });
});

describe('readVote and findDecision', () => {
  it.each([
    ['21 Ja, 0 Nein, 2 Enthaltungen', { yes: 21, no: 0, abstain: 2 }],
    ['7/0/1', { yes: 7, no: 0, abstain: 1 }],
    ['einstimmig bei einer Enthaltung', { unanimous: true, abstain: 1 }],
    ['mit zwei Gegenstimmen', { no: 2 }],
    ['ohne Gegenstimmen', undefined],
    ['am 01/02/2020', undefined],
  ])('reads the vote in "%s"', (text, vote) => {
    expect(readVote(text)).toEqual(vote);
  });

  it('finds the decision sentence after a sentence with an abbreviation', () => {
    expect(findDecision('Dr. Eck berichtet. Der Vorstand wird entlastet.')).toEqual({ index: 19, kind: 'Entlastung', anaphoric: false });
  });
});
