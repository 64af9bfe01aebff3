/**
 * The site's URLs, built in one place. All end in a slash (`trailingSlash: 'always'`),
 * except source files, which keep their own extension.
 */

/** @example meetingPath('2021-04-22-strategiekreis') // => '/sitzungen/2021-04-22-strategiekreis/' */
export function meetingPath(meetingId: string): string {
  return `/sitzungen/${meetingId}/`;
}

/** @example committeePath('plenum') // => '/gremien/plenum/' */
export function committeePath(committeeId: string): string {
  return `/gremien/${committeeId}/`;
}

/** @example yearPath('2021') // => '/jahre/2021/' */
export function yearPath(year: string): string {
  return `/jahre/${year}/`;
}

/** @example resolutionPath('2021-04-22-strategiekreis', '2021-04-22-strategiekreis-b1') // => '/sitzungen/2021-04-22-strategiekreis/#2021-04-22-strategiekreis-b1' */
export function resolutionPath(meetingId: string, resolutionId: string): string {
  return `${meetingPath(meetingId)}#${resolutionId}`;
}

/**
 * A resolution's own page: its permanent, citable URL (listed in `permalinks.txt`).
 * @example resolutionPagePath('2021-04-22-strategiekreis-b1') // => '/beschluesse/2021-04-22-strategiekreis-b1/'
 */
export function resolutionPagePath(resolutionId: string): string {
  return `/beschluesse/${resolutionId}/`;
}

/**
 * A page of the resolution register filtered by one facet (`jahr`, `gremium`, `art`, `thema`).
 * @example resolutionFacetPath('jahr', '2021') // => '/beschluesse/jahr/2021/'
 */
export function resolutionFacetPath(facet: string, value: string): string {
  return `/beschluesse/${facet}/${value}/`;
}

/** @example personPath('annette-icks') // => '/personen/annette-icks/' */
export function personPath(personId: string): string {
  return `/personen/${personId}/`;
}

/** @example organisationPath('bmas') // => '/organisationen/bmas/' */
export function organisationPath(organisationId: string): string {
  return `/organisationen/${organisationId}/`;
}

/** @example matterPath('musternetzwerke') // => '/vorgaenge/musternetzwerke/' */
export function matterPath(matterId: string): string {
  return `/vorgaenge/${matterId}/`;
}

/**
 * The served copy of an original protocol file (`src/pages/quellen/[file].ts`).
 * @example sourcePath('002_0dc63d0f3f6a9726.txt') // => '/quellen/002_0dc63d0f3f6a9726.txt'
 */
export function sourcePath(fileName: string): string {
  return `/quellen/${encodeURIComponent(fileName)}`;
}

/**
 * Whether a nav link is the current section (for `aria-current`).
 * @example isCurrentSection('/sitzungen/2021-04-22-strategiekreis/', '/sitzungen/') // => true
 */
export function isCurrentSection(pathname: string, sectionPath: string): boolean {
  return sectionPath === '/' ? pathname === '/' : pathname.startsWith(sectionPath);
}
