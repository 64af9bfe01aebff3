/**
 * `getStaticPaths` results for the dynamic routes: every path with the props its page
 * renders and the `cacheKey` of those props (`src/lib/views/page-key.ts`), derived from the
 * archive index, so route files stay short and a page's template lays out `Astro.props` only.
 *
 * Why props, not lookups in the template: Astro's incremental build skips a page whose key is
 * unchanged, so everything a keyed page shows must be in what the key hashes. A template that
 * read the archive itself could show stale data after a warm build; `test/incremental.test.ts`
 * fails if a keyed route's template reads the archive.
 */
import { yearList, committeeMeetings, meetingsOfYear, type ArchiveIndex } from '../index/archive-index';
import { groupByYear, yearNeighbours } from '../index/meetings';
import { peopleIndex } from '../index/people-index';
import type { PublishedOriginal } from '../index/published-sources';
import type { Committee } from '../model/model';
import { committeeAlternates, matterAlternates, meetingAlternates, organisationAlternates, personPageAlternates, topicAlternates, type Alternate } from '../publish/discovery';
import { meetingEvent } from '../publish/jsonld';
import { committeeSearchMeta, meetingSearchMeta, type SearchMetaProps } from '../search/page-meta';
import { committeeExtras, type CommitteeExtras } from './committee';
import { laterMentionsOfMatter, laterMentionsOfResolution, statusesStatedIn, type LaterMention, type StatedStatus } from './later-mentions';
import { matterPaths, matterView, mattersOfMeeting, type MatterView, type MeetingMatter } from './matter';
import { meetingListItems, meetingView, type MeetingListItem, type MeetingView } from './meeting';
import { organisationPaths, organisationView, type OrganisationView } from './organisation';
import { keyedPaths, type KeyedPath } from './page-key';
import { personPaths, personView, type PersonView } from './person';
import { facetPageView, registerFacets, resolutionFacetPaths, type Facet, type FacetPageView, type FacetValue } from './register';
import { resolutionPaths, resolutionView, type ResolutionView } from './resolution';
import { committeeSearchLink, matterSearchLink, organisationSearchLink, personSearchLink, topicSearchLink, type SearchLink } from './search-links';
import { topicPaths, topicView, type TopicView } from './topic';

type Id = { id: string };

/** Props of `/sitzungen/<id>/`. `html`: the protocol body with resolution statuses filled in (`protocolHtml`). */
export interface MeetingPageProps {
  view: MeetingView;
  html: string;
  matters: MeetingMatter[];
  stated: StatedStatus[];
  feeds: Alternate[];
  event: Record<string, unknown>;
  searchMeta: SearchMetaProps;
}

/**
 * `/sitzungen/<id>/`: one path per meeting.
 * @param html the meeting's body HTML (`protocolHtml` of src/lib/archive.ts, which reads the collection)
 * @param site the site's base URL (`import.meta.env.SITE`), for JSON-LD
 */
export async function meetingPages(
  index: ArchiveIndex,
  published: Map<string, PublishedOriginal>,
  site: string,
  html: (meetingId: string) => Promise<string>,
): Promise<KeyedPath<Id, MeetingPageProps>[]> {
  const paths = [];
  for (const meeting of index.meetings) {
    const view = meetingView(index, meeting.id, published);
    paths.push({
      params: { id: meeting.id },
      props: {
        view,
        html: await html(meeting.id),
        matters: mattersOfMeeting(index, meeting.id),
        stated: statusesStatedIn(index, meeting.id),
        feeds: meetingAlternates(index, view.meeting),
        event: meetingEvent(index, view.meeting, site),
        searchMeta: meetingSearchMeta(index, view.meeting),
      },
    });
  }
  return keyedPaths(paths);
}

/** Props of `/beschluesse/<id>/`. */
export interface ResolutionPageProps {
  view: ResolutionView;
  later: LaterMention[];
}

/** `/beschluesse/<id>/`: one path per resolution. @param site the site's base URL, for the citation */
export function resolutionPages(index: ArchiveIndex, site: string): KeyedPath<Id, ResolutionPageProps>[] {
  return keyedPaths(
    resolutionPaths(index).map(({ params }) => {
      const view = resolutionView(index, params.id, site);
      return { params, props: { view, later: laterMentionsOfResolution(index, view.resolution.id) } };
    }),
  );
}

/** Props of `/beschluesse/<facet>/<value>/`. `facets`: every facet's values, for the register's filter lists. */
export interface FacetPageProps {
  view: FacetPageView;
  facets: Record<Facet, FacetValue[]>;
}

/** `/beschluesse/<jahr|gremium|art|thema>/<value>/`: the register filtered by one facet value. */
export function facetPages(index: ArchiveIndex): KeyedPath<{ facet: Facet; value: string }, FacetPageProps>[] {
  const facets = registerFacets(index);
  return keyedPaths(resolutionFacetPaths(index).map(({ params }) => ({ params, props: { view: facetPageView(index, params.facet, params.value), facets } })));
}

/** Props of `/jahre/<yyyy>/`. `years`: every year with meetings, oldest first. */
export interface YearPageProps {
  year: string;
  years: string[];
  items: MeetingListItem[];
  newer?: string;
  older?: string;
}

/** `/jahre/<yyyy>/`: one path per year that has meetings. @example yearPages(index)[0].params // => { year: '2021' } */
export function yearPages(index: ArchiveIndex): KeyedPath<{ year: string }, YearPageProps>[] {
  const years = yearList(index);
  return keyedPaths(
    years.map((year) => ({ params: { year }, props: { year, years, items: meetingListItems(index, meetingsOfYear(index, year)), ...yearNeighbours(years, year) } })),
  );
}

/** Props of `/gremien/<id>/`. `groups`: the committee's meetings by year, newest first. */
export interface CommitteePageProps {
  committee: Committee;
  meetingCount: number;
  groups: { year: string; items: MeetingListItem[] }[];
  feeds: Alternate[];
  search: SearchLink;
  searchMeta: SearchMetaProps;
  extras: CommitteeExtras;
}

/** `/gremien/<id>/`: one path per committee in the registry, with or without meetings. */
export function committeePages(index: ArchiveIndex): KeyedPath<Id, CommitteePageProps>[] {
  const people = peopleIndex(index);
  return keyedPaths(
    index.committees.map((committee) => {
      const meetings = committeeMeetings(index, committee.id);
      return {
        params: { id: committee.id },
        props: {
          committee,
          meetingCount: meetings.length,
          groups: groupByYear(meetings).map((group) => ({ year: group.year, items: meetingListItems(index, group.meetings) })),
          feeds: committeeAlternates(index, committee.id),
          search: committeeSearchLink(index, committee.id),
          searchMeta: committeeSearchMeta(committee),
          extras: committeeExtras(index, people, committee.id),
        },
      };
    }),
  );
}

/** Props of the entity pages (person, organisation, topic, matter): the view, its feeds and its "In der Suche" link. */
export interface EntityPageProps<View> {
  view: View;
  feeds: Alternate[];
  search: SearchLink;
}

/** Props of `/personen/<id>/`. */
export type PersonPageProps = EntityPageProps<PersonView>;
/** Props of `/organisationen/<id>/`. */
export type OrganisationPageProps = EntityPageProps<OrganisationView>;
/** Props of `/themen/<id>/`. */
export type TopicPageProps = EntityPageProps<TopicView>;

/** `/personen/<id>/`: one path per person seen in the protocols. */
export function personPages(index: ArchiveIndex): KeyedPath<Id, EntityPageProps<PersonView>>[] {
  const people = peopleIndex(index);
  return keyedPaths(
    personPaths(people).map(({ params }) => ({
      params,
      props: { view: personView(index, people, params.id), feeds: personPageAlternates(index, params.id), search: personSearchLink(index, params.id) },
    })),
  );
}

/** `/organisationen/<id>/`: one path per organisation seen in the protocols. */
export function organisationPages(index: ArchiveIndex): KeyedPath<Id, EntityPageProps<OrganisationView>>[] {
  const people = peopleIndex(index);
  return keyedPaths(
    organisationPaths(people).map(({ params }) => ({
      params,
      props: { view: organisationView(index, people, params.id), feeds: organisationAlternates(index, params.id), search: organisationSearchLink(index, params.id) },
    })),
  );
}

/** `/themen/<id>/`: one path per topic. */
export function topicPages(index: ArchiveIndex): KeyedPath<Id, EntityPageProps<TopicView>>[] {
  const people = peopleIndex(index);
  return keyedPaths(
    topicPaths(people).map(({ params }) => ({
      params,
      props: { view: topicView(index, people, params.id), feeds: topicAlternates(index, params.id), search: topicSearchLink(index, params.id) },
    })),
  );
}

/** Props of `/vorgaenge/<id>/`: the entity props plus the later meetings that name the matter. */
export interface MatterPageProps extends EntityPageProps<MatterView> {
  later: LaterMention[];
}

/** `/vorgaenge/<id>/`: one path per matter. */
export function matterPages(index: ArchiveIndex): KeyedPath<Id, MatterPageProps>[] {
  return keyedPaths(
    matterPaths(index).map(({ params }) => {
      const view = matterView(index, params.id);
      return { params, props: { view, feeds: matterAlternates(index, params.id), search: matterSearchLink(index, params.id), later: laterMentionsOfMatter(index, view.matter) } };
    }),
  );
}
