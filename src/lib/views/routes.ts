/**
 * `getStaticPaths` results for the dynamic routes, derived from the archive
 * index, so route files stay one line.
 */
import { yearList, type ArchiveIndex } from '../index/archive-index';

/** `/sitzungen/<id>/`: one path per meeting. @example meetingPaths(index)[0] // => { params: { id: '2021-11-11-strategiekreis' } } */
export function meetingPaths(index: ArchiveIndex): { params: { id: string } }[] {
  return index.meetings.map((meeting) => ({ params: { id: meeting.id } }));
}

/** `/gremien/<id>/`: one path per committee in the registry, with or without meetings. */
export function committeePaths(index: ArchiveIndex): { params: { id: string } }[] {
  return index.committees.map((committee) => ({ params: { id: committee.id } }));
}

/** `/jahre/<yyyy>/`: one path per year that has meetings. @example yearPaths(index) // => [{ params: { year: '2021' } }] */
export function yearPaths(index: ArchiveIndex): { params: { year: string } }[] {
  return yearList(index).map((year) => ({ params: { year } }));
}
