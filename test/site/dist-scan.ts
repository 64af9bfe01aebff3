/**
 * Scans every byte of a built `dist/` for what must never be published (issue #22): active
 * content (script URLs, event-handler attributes, inline scripts) and contact data. Shared by
 * the tests that build a copy of the project; `test/e2e/dist-files.ts` reads the files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contactDataInFiles, listFiles, readUnpacked } from '../e2e/dist-files';

/** URL schemes that run or smuggle content: never a URL of the archive. */
const ACTIVE_SCHEME = String.raw`(?:javascript|vbscript|data):`;
/** An attribute that holds a URL (HTML, SVG, RSS), followed by an active scheme. */
const activeUrlAttribute = new RegExp(String.raw`\s(?:href|src|xlink:href|action|formaction|poster|srcset|url|background|cite)\s*=\s*["']?[\s\x00-\x1f]*${ACTIVE_SCHEME}`, 'i');
/** An event-handler attribute inside a tag (`<img onerror=…>`). */
const handlerAttribute = /<[a-z][^>]*\son[a-z]+\s*=/i;
/** A `<script>` with content of its own (JSON-LD data blocks excepted): the CSP forbids them. */
const inlineScript = /<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>\s*[^<\s]/i;
/** An RSS/Atom `<link>` element whose text is an active URL. */
const activeLinkElement = new RegExp(String.raw`<link>\s*${ACTIVE_SCHEME}`, 'i');
/** A JSON URL field (`accessUrl`, `web`, `href` …) whose value is an active URL. */
const activeJsonUrl = new RegExp(String.raw`"(?:[a-z]*Url|url|href|web|link)"\s*:\s*"\s*${ACTIVE_SCHEME}`, 'i');

/** Entities undone once: feeds carry HTML escaped inside XML (`&lt;a href=&quot;…`). */
function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0*39;|&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/**
 * Active content in `dist/`: `<file>: <what>` for each HTML, SVG or XML file with a
 * `javascript:`/`vbscript:`/`data:` URL in an attribute, an `on…=` handler, or an inline script
 * (also inside the escaped HTML of a feed), and each JSON file with such a URL in a URL field.
 * @example activeContentInDist('dist') // => ['sitzungen/x/index.html: URL attribute with javascript:/vbscript:/data:']
 */
export function activeContentInDist(dist: string): string[] {
  const problems: string[] = [];
  for (const file of listFiles(dist)) {
    if (/\.(?:html?|svg|xml|xsl)$/i.test(file)) {
      const raw = readFileSync(join(dist, file), 'utf8');
      for (const text of [raw, decodeEntities(raw)]) {
        if (activeUrlAttribute.test(text)) problems.push(`${file}: URL attribute with javascript:/vbscript:/data:`);
        if (handlerAttribute.test(text)) problems.push(`${file}: event-handler attribute (on…=)`);
        if (activeLinkElement.test(text)) problems.push(`${file}: <link> with an active URL`);
      }
      if (/\.html?$/i.test(file) && inlineScript.test(raw)) problems.push(`${file}: inline <script>`);
    } else if (/\.json$/i.test(file) && activeJsonUrl.test(readFileSync(join(dist, file), 'utf8'))) {
      problems.push(`${file}: URL field with javascript:/vbscript:/data:`);
    }
  }
  return [...new Set(problems)];
}

/**
 * Contact data as written and as a reader or the search index may store it: invisible
 * characters (soft hyphen, zero-width) dropped, NFKC (fullwidth `＠` => `@`), each in
 * lower case too. Pagefind strips a zero-width space and keeps the plain address.
 * @example spellings(['a\u00adb@c.de']) // => ['a\u00adb@c.de', 'ab@c.de']
 */
export function spellings(known: readonly string[]): string[] {
  const all = new Set<string>();
  for (const item of known) {
    const plain = item.replace(/[\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g, '');
    for (const form of [item, plain, plain.normalize('NFKC')]) {
      all.add(form);
      all.add(form.toLowerCase());
    }
  }
  return [...all].filter((form) => form.length >= 6).sort();
}

/**
 * Contact data in any byte of `dist/`: `findContactData` over every text file (pages, feeds,
 * CSV, JSON, OParl, ICS, served originals, PDF/Word text), and the `known` data in all
 * spellings (`spellings`) in every other file, gunzipped ones included (Pagefind's fragments).
 * @example await contactDataInDist('dist', ['anna@example.org']) // => ['pagefind/fragment/x.pf_fragment: anna@example.org']
 */
export async function contactDataInDist(dist: string, known: readonly string[]): Promise<string[]> {
  const forms = spellings(known);
  const problems = await contactDataInFiles(dist, forms);
  // Text files too, byte for byte: a spelling `findContactData` would not see there still counts.
  for (const file of listFiles(dist)) {
    const text = readUnpacked(join(dist, file)).toString('utf8');
    for (const form of forms) if (text.includes(form)) problems.push(`${file}: ${form}`);
  }
  return [...new Set(problems)];
}
