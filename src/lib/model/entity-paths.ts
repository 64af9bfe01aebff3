/**
 * URL of the topic pages, in the style of `src/lib/model/paths.ts` (which has
 * `personPath` and `organisationPath`; all end in a slash, `trailingSlash: 'always'`).
 * Kept apart only because several people edit `paths.ts` at once; may be merged into it.
 */

/** @example topicPath('digitalisierung') // => '/themen/digitalisierung/' */
export function topicPath(topicId: string): string {
  return `/themen/${topicId}/`;
}
