/**
 * Ready-made citations of resolutions: the text a reader pastes into a letter,
 * a paper or a later protocol, with the permanent URL of the resolution's page.
 */
import { formatDate } from '../model/format';

/** What a citation names. */
export interface CitationParts {
  /** Committee name without the OM prefix (`"Strategiekreis"`). */
  committee: string;
  /** ISO date of the meeting (`"2021-11-11"`). */
  date: string;
  /** TOP number the resolution belongs to (`"1"`), if any. */
  item?: string;
  /** `"Beschluss"` or `"Vereinbarung"`. */
  kind: string;
  /** What it decides (`ResolutionInMeeting.title`); the id stays in the URL only. */
  title: string;
  /** The absolute URL of the resolution's page. */
  url: string;
}

/**
 * The citation of a resolution, one line: readers name it by what it decides; the URL is the
 * machine part (it holds the id, which stays stable when the title is reworded).
 * @example citationText({ committee: 'Strategiekreis', date: '2021-11-11', item: '1', kind: 'Beschluss', title: 'Lieferantendatenbank als OM-Produkt entwickeln', url: 'https://example.org/beschluesse/2021-11-11-strategiekreis-b1/' })
 *   // => 'Strategiekreis der Offensive Mittelstand, Sitzung vom 11. November 2021, TOP 1, Beschluss „Lieferantendatenbank als OM-Produkt entwickeln“, https://example.org/beschluesse/2021-11-11-strategiekreis-b1/'
 */
export function citationText(parts: CitationParts): string {
  return [
    `${parts.committee} der Offensive Mittelstand`,
    `Sitzung vom ${formatDate(parts.date)}`,
    parts.item && `TOP ${parts.item}`,
    // Quotes inside the quoted title become half quotes, as German nests them.
    `${parts.kind} „${parts.title.replace(/„([^“]*)“/g, '‚$1‘')}“`,
    parts.url,
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * Makes a site path absolute with the site's base URL (`Astro.site`, set from `SITE`);
 * without a site the path stays as it is.
 * @example absoluteUrl('/beschluesse/x-b1/', new URL('https://protokolle.example.org')) // => 'https://protokolle.example.org/beschluesse/x-b1/'
 */
export function absoluteUrl(path: string, site: URL | string | undefined): string {
  return site ? new URL(path, site).href : path;
}

/** What the citation box shows: the link, and the citation around it. */
export interface CitationDisplay {
  /** The permalink as shown: absolute with a configured public URL, else the site path. */
  link: string;
  /** The link is a site path that the page's script completes from the reader's address. */
  relative: boolean;
  /** The citation's text before the link (the citation ends with it), or the whole citation if it does not. */
  before: string;
  /** Whether the citation ends with the link. */
  endsWithLink: boolean;
}

/**
 * The citation box's text. With a configured public URL (`siteUrl()` of src/site-config.ts) the
 * permalink is absolute; without one the build only knows its own address (localhost), which a
 * reader must never copy, so the box shows the path and the page's script completes it from
 * `location.href`, the address the reader is on.
 * @example citationDisplay('http://localhost:4321/beschluesse/x-b1/', 'Plenum …, http://localhost:4321/beschluesse/x-b1/', false)
 *   // => { link: '/beschluesse/x-b1/', relative: true, before: 'Plenum …, ', endsWithLink: true }
 */
export function citationDisplay(url: string, citation: string, configured: boolean): CitationDisplay {
  const endsWithLink = citation.endsWith(url);
  const before = endsWithLink ? citation.slice(0, -url.length) : citation;
  if (configured) return { link: url, relative: false, before, endsWithLink };
  const { pathname, search, hash } = new URL(url, 'http://site.invalid');
  return { link: `${pathname}${search}${hash}`, relative: true, before, endsWithLink };
}
