/**
 * What the committee page (`/gremien/<id>/`) adds to its meeting list: the people seen in the committee, its resolutions by meeting. Shared blocks: `./entity-page.ts`.
 */
import type { ArchiveIndex } from '../index/archive-index';
import { countLabel } from '../model/format';
import type { Link } from './meeting';
import { resolutionFacetPath } from '../model/paths';
import { committeeMembers, committeeResolutions, type PeopleIndex } from '../index/people-index';
import { groupByMeeting, resolutionListItems, type MeetingGroup } from './resolution';
import { personRoleLabels, personLink } from './entity-page';

/** A person seen in a committee. */
export interface CommitteePersonLine {
  person: Link;
  /** `"3 Sitzungen"` */
  count: string;
  /** `"Teilnahme, Vortrag"`, and the organisations they represented there. */
  details: string;
}

/**
 * How many meetings' resolutions the committee page lists (the newest); the rest are one link
 * away in the resolution register. Without a limit a committee with 250 meetings lists its
 * 1,500 resolutions: 1.1 MB of HTML on one page (2,000 generated protocols, issue #25).
 */
export const COMMITTEE_RESOLUTION_MEETINGS = 5;

/** What the committee page adds to its meeting list. */
export interface CommitteeExtras {
  people: CommitteePersonLine[];
  /** The resolutions of its newest `COMMITTEE_RESOLUTION_MEETINGS` meetings with any, grouped by meeting, newest first (`groupByMeeting`, `src/lib/views/resolution.ts`). */
  resolutions: MeetingGroup[];
  /** The committee's page in the resolution register, when it has resolutions. */
  registerHref?: string;
  /** When `resolutions` leaves some out: all its resolutions, and how many meetings they come from. */
  moreInRegister?: { resolutions: number; meetings: number };
}

/**
 * The people seen in a committee (with how many of its meetings) and the resolutions of its
 * newest meetings (`COMMITTEE_RESOLUTION_MEETINGS`; `moreInRegister` counts all).
 * @example committeeExtras(archive, people, 'strategiekreis').people[0] // => { person: { href: '/personen/oleg-cernavin/', label: 'Oleg Cernavin' }, count: '2 Sitzungen', details: 'Protokoll, Vortrag · für Stiftung' }
 */
export function committeeExtras(index: ArchiveIndex, people: PeopleIndex, committeeId: string): CommitteeExtras {
  const resolutions = committeeResolutions(index, committeeId);
  // List lines only for the newest meetings shown; the others are counted (a committee has ~1,500 resolutions at 2,000 protocols).
  const meetings = [...new Set(resolutions.map((r) => r.meeting.id))];
  const shown = new Set(meetings.slice(0, COMMITTEE_RESOLUTION_MEETINGS));
  const groups = groupByMeeting(resolutionListItems(index, resolutions.filter((r) => shown.has(r.meeting.id))));
  return {
    people: committeeMembers(people, committeeId).map((member) => {
      const organisations = [
        ...new Set(
          (people.people.get(member.person.id)?.appearances ?? [])
            .filter((a) => a.meeting.committee === committeeId)
            .flatMap((a) => a.memberships.map((m) => index.registries.organisations.get(m.id)?.shortName ?? m.id)),
        ),
      ];
      const roles = member.roles.filter((r) => r !== 'member').map((r) => personRoleLabels[r]);
      return {
        person: personLink(member.person),
        count: countLabel(member.meetings.length, 'Sitzung', 'Sitzungen'),
        details: [roles.join(', '), organisations.length > 0 ? `für ${organisations.join(', ')}` : ''].filter(Boolean).join(' · '),
      };
    }),
    resolutions: groups,
    ...(resolutions.length > 0 && { registerHref: resolutionFacetPath('gremium', committeeId) }),
    ...(meetings.length > COMMITTEE_RESOLUTION_MEETINGS && { moreInRegister: { resolutions: resolutions.length, meetings: meetings.length } }),
  };
}
