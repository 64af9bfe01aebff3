/**
 * End-to-end: runs a real `astro build` of the site on the fixture archive in
 * `test/fixtures/site/content/` (a temporary copy of the project, sharing
 * node_modules), then again (warm: the content data store kept) with a broken person
 * id and with code in a protocol. Proves what unit tests cannot: the protocols' loader
 * and its pipeline are wired in, sources are served byte for byte, a warm build renders
 * only the edited protocol, and a broken reference or code in a protocol fails the build
 * (Astro's own `reference()` would only log it). About 3 s per build.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLinks, formatLinkProblem, readSite } from '../../src/lib/checks/link-check';
import { contactDataInFiles, knownContactData } from '../e2e/dist-files';
import { astroBuild, copyProject, runInCopy } from './build-copy';

const repo = resolve(import.meta.dirname, '../..');
const fixture = join(repo, 'test/fixtures/site/content');
let project: string;

/** Runs `astro build` in the temporary project; returns exit code and all output. */
const build = () => runInCopy(project, astroBuild);

/** Reads a built file. */
function built(path: string): string {
  return readFileSync(join(project, 'dist', path), 'utf8');
}

beforeAll(() => {
  project = copyProject(fixture);
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('astro build on the fixture archive', () => {
  let result: { status: number | null; output: string };
  beforeAll(() => {
    result = build();
  }, 120_000);

  it('succeeds', () => {
    expect(result.output).not.toMatch(/\[ERROR\]/);
    expect(result.status).toBe(0);
  });

  it('links agenda items to TOP headings and gives resolutions their own anchors', () => {
    const html = built('sitzungen/2021-11-11-plenum/index.html');
    expect(html).toContain('<a href="#top-2">');
    expect(html).toMatch(/<h3 id="top-2">TOP 2 – Arbeitsschutz/);
    expect(html).toMatch(/<h4 class="resolution-label" id="2021-11-11-plenum-b2">/);
    expect(html).toContain('href="#2021-11-11-plenum-b2"');
  });

  it('marks only <main> for the search index and makes no external requests', () => {
    const html = built('sitzungen/2021-11-11-plenum/index.html');
    expect(html).toContain('<html lang="de">');
    expect(html.match(/data-pagefind-body/g)).toHaveLength(1);
    expect(html).toMatch(/<main[^>]*data-pagefind-body/);
    // Nothing loads from elsewhere: no external script, stylesheet, image or font.
    expect(html).not.toMatch(/<link(?![^>]*rel="(?:canonical|alternate)")[^>]*href="https?:|src="https?:/);
    // A meeting page ships one script, an external module: the search-word highlighter's loader
    // (src/components/SearchHighlight.astro). JSON-LD (`<script type="application/ld+json">`) is data.
    const scripts = html.match(/<script(?! type="application\/ld\+json")[^>]*>/g) ?? [];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^<script type="module" src="\/_astro\/SearchHighlight\.[^"]+\.js">$/);
    expect(html).not.toMatch(/<script type="module">/);
  });

  it('keeps separators between inline metadata (no "PlenumDonnerstag" in extracted text)', () => {
    // A separator keeps its word on the line before it: " · " is written with a no-break space first.
    const text = built('sitzungen/2021-11-11-plenum/index.html').replace(/<[^>]+>/g, '').replace(/\u00a0/g, ' ');
    expect(text).toContain('Plenum · Donnerstag, 11. November 2021');
    expect(text).toContain('Dr. Annette Icks, Oleg Cernavin, Achim Sieker, Dipl.-Ing. Karl-Heinz Mustermann + 11 weitere');
  });

  it('serves the original protocol byte for byte, as UTF-8 with a byte-order mark (umlauts under any host)', () => {
    const original = readFileSync(join(fixture, 'sources/2021-04-22-strategiekreis.txt'));
    expect(readFileSync(join(project, 'dist/quellen/2021-04-22-strategiekreis.txt')).equals(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), original]))).toBe(true);
    expect(built('sitzungen/2021-04-22-strategiekreis/index.html')).toContain('href="/quellen/2021-04-22-strategiekreis.txt"');
  });
});

describe('attachments (Anlagen) of the fixture meeting, built', () => {
  const page = () => built('sitzungen/2021-11-11-plenum/index.html');

  it('publishes a PDF without contact data with its pages only, text masked, and withholds a PDF with contact data', () => {
    const pdf = readFileSync(join(project, 'dist/anlagen/2021-11-11-plenum/anlage-1-arbeitsschutz.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('/Type /Page');
    expect(pdf.toString('latin1')).not.toMatch(/\/(?:Author|Producer|Creator|Metadata|Annots)\b/);
    expect(readFileSync(join(project, 'dist/anlagen/2021-11-11-plenum/anlage-2-verfahren.txt'), 'utf8')).toContain('Tel. [Telefonnummer entfernt].');
    expect(existsSync(join(project, 'dist/anlagen/2021-11-11-plenum/anlage-3-teilnehmerliste.pdf'))).toBe(false);
  });

  it('lists the attachments on the meeting page, with file, TOP and why one is missing', () => {
    const text = page().replace(/<[^>]+>/g, '').replace(/\u00a0/g, ' ');
    expect(page()).toMatch(/<section id="anlagen"[^>]*><h2>Anlagen<\/h2>/);
    expect(page()).toMatch(/<li id="anlage-1">.*?<a href="\/anlagen\/2021-11-11-plenum\/anlage-1-arbeitsschutz\.pdf">Präsentation Arbeitsschutzstrategie<\/a>/);
    expect(text).toContain('Anlage 3: Teilnehmerliste der AG Qualitätssicherung · zu TOP 3 – nicht veröffentlicht: enthält Kontaktdaten');
    // Without a file: named as plain text, and said once for all under the list.
    expect(text).toContain('Anlage 4: Terminübersicht 2022 · zu TOP 4');
    expect(text).not.toContain('Datei liegt dem Archiv nicht vor');
    expect(text).toContain('Die Datei der Anlage ohne Link liegt dem Archiv nicht vor.');
  });

  it('links "Anlage N" in the protocol text and the agenda to the file, and only where there is one', () => {
    expect(page()).toContain('<a href="/anlagen/2021-11-11-plenum/anlage-1-arbeitsschutz.pdf" class="attachment-link">Anlage 1</a>');
    // Anlage 3 is withheld (contact data): named, not linked.
    expect(page()).toContain('<a href="/anlagen/2021-11-11-plenum/anlage-2-verfahren.txt" class="attachment-link">Anlagen 2</a> und 3');
    expect(page()).toContain('<p class="agenda-attachments">Anlagen: <a href="/anlagen/2021-11-11-plenum/anlage-2-verfahren.txt">Anlage 2</a>, Anlage 3</p>');
    expect(page()).not.toContain('href="#anlage-');
  });

  it('passes the link check and the contact-data check, attachments included', async () => {
    const dist = join(project, 'dist');
    expect(checkLinks(readSite(dist)).map(formatLinkProblem)).toEqual([]);
    const known = await knownContactData(fixture);
    expect(await contactDataInFiles(dist, known)).toEqual([]);
    // The check would see the withheld PDF's address if it were published.
    expect(known).toContain('erika.beispiel@example.org');
  }, 60_000);

  it('exports the published attachments as OParl Files of the meeting', () => {
    const meeting = JSON.parse(readFileSync(join(project, 'dist/oparl/1.1/meeting/2021-11-11-plenum.json'), 'utf8'));
    expect(meeting.auxiliaryFile.map((file: { fileName: string }) => file.fileName)).toEqual(['anlage-1-arbeitsschutz.pdf', 'anlage-2-verfahren.txt']);
  });
});

describe('astro build with a broken reference', () => {
  it('fails with the file, the field and the fix', () => {
    const file = join(project, 'content/protocols/2021-11-11-plenum.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('presenters: [achim-sieker]', 'presenters: [achim-siecker]'));
    const { status, output } = build();
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/protocols/2021-11-11-plenum.mdx: agenda[1].presenters[0]: unknown person "achim-siecker". Fix: add content/people/achim-siecker.yaml or correct the id.',
    );
    // Warm: the data store of the first build is kept, only the edited protocol is rendered again.
    expect(output).toMatch(/protocols: 1 rendered, 5 unchanged/);
  }, 120_000);
});

describe('astro build with code in a protocol', () => {
  it('fails naming the file, the line and what is allowed, and runs nothing', () => {
    const file = join(project, 'content/protocols/2022-03-15-ag-transfer.mdx');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, `${text.trimEnd()}\n\nEin Satz {process.exit(0)} mit Code.\n`);
    const line = `${text.trimEnd()}\n\n`.split('\n').length;
    const { status, output } = build();
    writeFileSync(file, text); // the next test builds the same copy
    expect(status).not.toBe(0);
    expect(output).toContain(`content/protocols/2022-03-15-ag-transfer.mdx:${line}: a JavaScript expression {process.exit(0)} in the protocol text; nothing in a protocol is evaluated.`);
    expect(output).toContain('Allowed in a protocol: Markdown (GFM), comments {/* … */} and <Resolution');
  }, 120_000);

  it('fails on an attachment file that is not there, naming the file and the field', () => {
    const file = join(project, 'content/protocols/2021-11-11-plenum.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('file: anlage-2-verfahren.txt', 'file: anlage-2-verfahren.docx'));
    const { status, output } = build();
    expect(status).not.toBe(0);
    expect(output).toContain(
      'content/protocols/2021-11-11-plenum.mdx: attachments[1].file: "anlage-2-verfahren.docx" is not in content/attachments/2021-11-11-plenum/.',
    );
  }, 120_000);
});
