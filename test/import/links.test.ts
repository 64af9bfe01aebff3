/**
 * Issue #22: the importer reports every link of a protocol the site will not publish
 * (scripts/import/steps/links.ts), with the line, in the same words as the build; the site
 * drops such links to their text (test/site/safe-urls.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { importText } from './helpers.ts';

const protocol = (lines: string[]) =>
  ['Protokoll des Strategiekreises', '', '11.11.2021, 10:00 - 12:00 Uhr', '', '## TOP 1: Bericht', '', ...lines, ''].join('\n');

describe('importer: links that will not be published', () => {
  it('warns with file:line for script, data and other non-web links and images, in any spelling', () => {
    const { warnings } = importText(
      protocol([
        'Siehe [Unterlage](javascript:alert(1)).',
        'Oder [hier](JaVaScRiPt:alert(1)) und [da](&#106;avascript:alert(1)).',
        '![Bild](data:text/html;base64,PHNjcmlwdD4=)',
        '[Makro](vbscript:msgbox(1))',
        '',
        '[ref]: javascript:alert(2)',
      ]),
      'hostile.md',
    );
    const links = warnings.filter((w) => w.includes('will not be published'));
    expect(links.map((w) => w.replace(/ \(only.*$/, ''))).toEqual([
      'hostile.md:7: link to "javascript:alert(1)" will not be published',
      'hostile.md:8: link to "JaVaScRiPt:alert(1)" will not be published',
      'hostile.md:8: link to "javascript:alert(1)" will not be published',
      'hostile.md:9: image from "data:text/html;base64,PHNjcmlwdD4=" will not be published',
      'hostile.md:10: link to "vbscript:msgbox(1)" will not be published',
      'hostile.md:12: link to "javascript:alert(2)" will not be published',
    ]);
    expect(links[0]).toMatch(/its text stays\. Fix: remove the link or give it a web address\.$/);
  });

  it('says nothing about web, mail, relative and fragment links', () => {
    const { warnings } = importText(protocol(['[Web](https://example.org/) [Mail](mailto:a@example.org) [Seite](/sitzungen/) [Anker](#top-1)']), 'fine.md');
    expect(warnings.filter((w) => w.includes('will not be published'))).toEqual([]);
  });
});
