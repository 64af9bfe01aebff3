/** The front-matter step (`scripts/import/steps/front-matter.ts`): Jekyll/Hugo/Astro pages as protocols. */
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../scripts/import/steps/front-matter.ts';
import { LineError } from '../../scripts/import/errors.ts';
import { importTextIn } from './helpers.ts';

const lines = (text: string) => text.split('\n').map((t, i) => ({ n: i + 1, text: t }));

describe('front matter', () => {
  it('reads a YAML block into header lines at their own line, and lists what it does not read', () => {
    const fm = readFrontMatter(lines('\n---\nlayout: post\ntitle: "Protokoll vom 08.04.2026"\ndate: 2026-04-08\nauthor: Jonas Weidemann\n---\n# Text'));
    expect(fm?.header).toEqual([
      { n: 4, text: 'Protokoll vom 08.04.2026' },
      { n: 5, text: 'Datum: 2026-04-08' },
      { n: 6, text: 'Protokoll: Jonas Weidemann' },
    ]);
    expect(fm?.ignored).toEqual([{ key: 'layout', line: 3 }]);
    expect(fm?.lines.map((l) => l.n)).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('reads TOML between +++ lines, a date as ISO and a committee key apart', () => {
    const fm = readFrontMatter(lines('+++\ntitle = "FSR-Sitzung"\ndate = 2025-05-14\ncommittee = "Fachschaftsrat Informatik"\nauthors = ["Till Overbeck", "Mira Szymańska"]\n+++'));
    expect(fm?.header).toEqual([
      { n: 2, text: 'FSR-Sitzung' },
      { n: 3, text: 'Datum: 2025-05-14' },
      { n: 5, text: 'Protokoll: Till Overbeck, Mira Szymańska' },
    ]);
    expect(fm?.committee).toEqual({ text: 'Fachschaftsrat Informatik', line: 4 });
  });

  it('takes a markdown rule for what it is: no front matter', () => {
    expect(readFrontMatter(lines('---\nNur ein Strich\n---\n'))).toBeNull();
    expect(readFrontMatter(lines('# Protokoll\n---\ndate: 2026-04-08\n---'))).toBeNull();
  });

  it('names the line of a front matter that does not parse', () => {
    const run = () => readFrontMatter(lines('---\ntitle: Protokoll: Vorstand: neu\n---'));
    expect(run).toThrow(LineError);
    expect(run).toThrow(/^line 2: the YAML front matter does not parse .* Fix: correct the front matter/);
    expect(() => readFrontMatter(lines('+++\ntitle = "offen"'))).toThrow(/^line 1: front matter opened with "\+\+\+" is not closed/);
  });

  it('makes the page importable: date and minute-taker from the keys, the body from the heading, keys kept for review', () => {
    const { result } = importTextIn('---\ntitle: "Protokoll vom 08.04.2026"\ndate: 2026-04-08\nauthor: Jonas Weidemann\ntags: [mv]\n---\n\n# Mitgliederversammlung des Segelclubs Hohe Kante e. V.\n\nAnwesend: Jonas Weidemann, Carla Brettschneider\n\n## TOP 1: Bericht\n\nEs wird berichtet.\n', 'mv.md');
    expect([result.frontmatter.date, result.meetingId, result.frontmatter.minutesBy]).toEqual(['2026-04-08', '2026-04-08-mitgliederversammlung-des-segelclubs-hohe-kante-e-v', 'jonas-weidemann']);
    expect(result.mdx).toContain('tags: [mv]');
    expect(result.warnings).toContain('mv.md:5: front matter key "tags" not imported; kept in the MDX comment only.');
  });
});
