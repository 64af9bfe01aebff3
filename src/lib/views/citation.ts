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
