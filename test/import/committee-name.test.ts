/** The committee-name step (`scripts/import/steps/committee-name.ts`) and the ids it gives. */
import { describe, expect, it } from 'vitest';
import { cleanCommitteeName } from '../../scripts/import/steps/committee-name.ts';
import { importTextIn } from './helpers.ts';

describe('committee names', () => {
  it.each([
    ['Mitgliederversammlung 2023 des Beispiel e. V.', 'Mitgliederversammlung des Beispiel e. V.'],
    ['Jahreshauptversammlung 2019/20 TuS Grün-Weiß Marschbrook 1908 e. V.', 'Jahreshauptversammlung TuS Grün-Weiß Marschbrook 1908 e. V.'],
    ['Mitgliederversammlung des Makerspace&nbsp;X', 'Mitgliederversammlung des Makerspace X'],
    ['<b>Vorstand</b> des TSV 1860 e.&nbsp;V.', 'Vorstand des TSV 1860 e. V.'],
    ['**Elternbeirat** der Grundschule', 'Elternbeirat der Grundschule'],
    ['25. Mitgliederversammlung Nr. 3 des 1. FC Beispiel', 'Mitgliederversammlung des 1. FC Beispiel'],
    ['Mitgliederversammlung vom 14. März 2019', 'Mitgliederversammlung'],
  ])('%j is the committee %j', (raw, name) => {
    expect(cleanCommitteeName(raw)).toBe(name);
  });

  it('files the meetings of two years under one committee, whose id holds no year', () => {
    const protocol = (year: number) => `Protokoll der Mitgliederversammlung ${year} des Segelclubs Hohe Kante e. V.\n\n${year}-03-14, Clubhaus\n\nTOP 1: Bericht\n\nText.\n`;
    const a = importTextIn(protocol(2023)).result;
    const b = importTextIn(protocol(2024)).result;
    expect([a.meetingId, b.meetingId]).toEqual(['2023-03-14-mitgliederversammlung-des-segelclubs-hohe-kante-e-v', '2024-03-14-mitgliederversammlung-des-segelclubs-hohe-kante-e-v']);
  });

  it('gives an entity in a title no part of the id', () => {
    const { result, registry } = importTextIn('# Mitgliederversammlung des Makerspace&nbsp;Lindenhof e. V.\n\n8. April 2026\n\n## TOP 1: Bericht\n\nText.\n', 'mv.md');
    expect(result.frontmatter.committee).toBe('mitgliederversammlung-des-makerspace-lindenhof-e-v');
    expect(registry.committees.get(result.frontmatter.committee)?.name).toBe('Mitgliederversammlung des Makerspace Lindenhof e. V.');
  });
});
