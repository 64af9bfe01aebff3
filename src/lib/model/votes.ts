/**
 * A resolution's vote between its two forms: the `<Resolution>` attributes the importer writes
 * (`yes="7" no="0" abstain="4" unanimous="true"`, strings) and `ResolutionVote` (numbers,
 * `src/lib/model/schema.ts`), and its German wording on the site, in the dataset and in OParl.
 */
import type { ResolutionVote } from './schema.ts';

/** The `<Resolution>` attributes that hold the vote, each with the format its value must have. */
export const voteAttributes = [
  { name: 'yes', pattern: /^\d{1,6}$/, format: 'a whole number, e.g. yes="7"' },
  { name: 'no', pattern: /^\d{1,6}$/, format: 'a whole number, e.g. no="0"' },
  { name: 'abstain', pattern: /^\d{1,6}$/, format: 'a whole number, e.g. abstain="4"' },
  { name: 'unanimous', pattern: /^true$/, format: 'unanimous="true" (or leave it out)' },
] as const;

/**
 * The vote in a `<Resolution>`'s string attributes, or undefined when it has none (values in the
 * wrong format are left out here; the render pipeline reports them).
 * @example voteFromAttributes({ yes: '7', no: '0', abstain: '4' }) // => { yes: 7, no: 0, abstain: 4 }
 */
export function voteFromAttributes(attributes: Readonly<Record<string, string | undefined>>): ResolutionVote | undefined {
  const vote: ResolutionVote = {};
  for (const name of ['yes', 'no', 'abstain'] as const) {
    const value = attributes[name];
    if (value !== undefined && /^\d{1,6}$/.test(value)) vote[name] = Number(value);
  }
  if (attributes.unanimous === 'true') vote.unanimous = true;
  return Object.keys(vote).length ? vote : undefined;
}

/**
 * The vote in German, as the site shows it.
 * @example voteLabel({ yes: 7, no: 0, abstain: 4 }) // => '7 Ja, 0 Nein, 4 Enthaltungen'
 * @example voteLabel({ unanimous: true, abstain: 1 }) // => 'einstimmig, 1 Enthaltung'
 */
export function voteLabel(vote: ResolutionVote): string {
  const counts = [
    vote.yes !== undefined ? `${vote.yes} Ja` : '',
    vote.no !== undefined ? `${vote.no} Nein` : '',
    vote.abstain !== undefined ? `${vote.abstain} ${vote.abstain === 1 ? 'Enthaltung' : 'Enthaltungen'}` : '',
  ].filter(Boolean);
  return [vote.unanimous ? 'einstimmig' : '', counts.join(', ')].filter(Boolean).join(', ');
}

/**
 * A resolution's result with its vote, as one text (OParl's AgendaItem `result`, which has no vote
 * field): the vote in brackets unless the result already states it.
 * @example resultWithVote('abgelehnt', { yes: 2, no: 4, abstain: 1 }) // => 'abgelehnt (2 Ja, 4 Nein, 1 Enthaltung)'
 * @example resultWithVote('7/0/1', { yes: 7, no: 0, abstain: 1 }) // => '7/0/1'
 */
export function resultWithVote(result: string | undefined, vote: ResolutionVote | undefined): string | undefined {
  const label = vote && voteLabel(vote);
  if (!label || label === result || /\d/.test(result ?? '')) return result;
  return result ? `${result} (${label})` : label;
}
