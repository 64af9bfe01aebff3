/**
 * The editorial pages (`content/pages/<id>.mdx`, collection `pages`): about the archive,
 * Impressum, privacy and accessibility statements. Each has a route of its own
 * (`src/pages/<id>.astro`) and a link in the footer of every page (`BaseLayout.astro`).
 */

/** One editorial page: its collection id, its URL and its footer label. */
export interface EditorialPageLink {
  /** Entry id in the `pages` collection = file name in `content/pages/` without `.mdx`. */
  id: string;
  /** Site path, `"/impressum/"`. */
  href: string;
  /** Footer link text. */
  label: string;
}

/** The editorial pages, in footer order. */
export const editorialPages: readonly EditorialPageLink[] = [
  { id: 'ueber', href: '/ueber/', label: 'Über das Archiv' },
  { id: 'impressum', href: '/impressum/', label: 'Impressum' },
  { id: 'datenschutz', href: '/datenschutz/', label: 'Datenschutz' },
  { id: 'barrierefreiheit', href: '/barrierefreiheit/', label: 'Barrierefreiheit' },
];
