/** The meeting-committee step (`scripts/import/steps/meeting-committee.ts`): which body met. */
import { describe, expect, it } from 'vitest';
import { importText, importTextIn } from './helpers.ts';

const body = '\n\nTOP 1: Bericht\n\nEs wird berichtet.\n';

describe('a title that names a meeting but no body', () => {
  it.each(['Treffen 17.07.2020', 'Protokoll Vorstandssitzung 07.04.2020', 'FSR-Sitzung vom 14.05.2025', 'Protokoll der Mitgliederversammlung 2021\n27.03.2021'])('%j is refused, and the Fix names --committee', (title) => {
    expect(() => importText(`${title}${body}`, 'p.txt')).toThrow(/^p\.txt:1: .* Fix: .*--committee ID .*--committee-name "Name"/s);
  });

  it.each([
    ['the line after the title', 'Protokoll Vorstandssitzung 07.04.2020\nSegelclub Hohe Kante e. V.', 'Vorstandssitzung Segelclub Hohe Kante e. V.'],
    ['the opening sentence', 'Treffen 17.07.2020\n\nDer Arbeitskreis Streuobst traf sich am 17.07.2020 auf der Wiese.', 'Arbeitskreis Streuobst'],
  ])('is the body named in %s', (_where, header, name) => {
    const { result, registry } = importTextIn(`${header}${body}`, 'p.txt');
    expect(registry.committees.get(result.frontmatter.committee)?.name).toBe(name);
  });

});

describe('options for what the text does not say', () => {
  it('files a meeting under an existing committee given by --committee', async () => {
    const { importProtocol } = await import('../../scripts/import/pipeline.ts');
    const { Registry } = await import('../../scripts/import/registry/registry.ts');
    const bytes = new TextEncoder().encode('Treffen 17.07.2020' + body);
    const r = importProtocol(bytes, 'p.txt', 'p.txt', new Registry('content'), undefined, { committee: 'ag-transfer' });
    expect(r.meetingId).toBe('2020-07-17-ag-transfer');
  });
});
