/**
 * A protocol's editorial review status (`review:` in its frontmatter, `src/lib/model/schema.ts`)
 * as the site, the dataset and OParl present it: until an editor sets `status: reviewed`,
 * every place that shows the protocol or its resolutions says
 * "automatisch importiert, noch nicht redaktionell geprüft".
 */
import type { ProtocolData } from './schema';

/** What unreviewed protocols say on pages, in lists, in the dataset and in OParl keywords. */
export const UNREVIEWED_LABEL = 'automatisch importiert, noch nicht redaktionell geprüft';

/** The review fields of a meeting; a meeting built without them counts as not reviewed. */
type Reviewable = { review?: Partial<ProtocolData['review']> };

/**
 * Whether an editor has reviewed the protocol
 * (e.g. `{ review: { status: 'reviewed', by: 'Redaktion', date: '2026-11-22' } }` => `true`, `{}` => `false`).
 */
export function isReviewed(meeting: Reviewable): boolean {
  return meeting.review?.status === 'reviewed';
}

/**
 * The review status for the dataset and OParl: `status` (`imported` | `reviewed`), and
 * `importer`, `by`, `date` where recorded
 * (e.g. `{}` => `{ status: 'imported' }`).
 */
export function reviewRecord(meeting: Reviewable): { status: 'imported' | 'reviewed'; importer?: string; by?: string; date?: string } {
  const r = meeting.review ?? {};
  return {
    status: isReviewed(meeting) ? 'reviewed' : 'imported',
    ...(r.importer && { importer: r.importer }),
    ...(r.by && { by: r.by }),
    ...(r.date && { date: r.date }),
  };
}
