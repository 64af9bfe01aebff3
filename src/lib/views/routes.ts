/**
 * The dynamic routes of the site as data: each `PageRoute` lists its paths and computes, for one
 * path, everything its page shows (its props). Route files use both halves:
 *
 * ```astro
 * export async function getStaticPaths({ routePattern }) { return keyedRoute(meetingRoute, await pageContext(), routePattern); }
 * const { view, html } = await routeProps(meetingRoute, await pageContext(), Astro.params);
 * ```
 *
 * Why: the incremental build (`src/lib/views/incremental.ts`) keeps a page whose key is unchanged,
 * so the key must cover everything the page shows: the hash of its props (`pageKey`), or, for the
 * routes with many pages, of its `inputs`, from which the props follow and which cost far less to
 * compute and hash (`src/lib/views/route-inputs.ts`, issue #24). A cold build lists every path and
 * each page records its key as it renders (`routeProps`); an incremental build computes every
 * page's key in `getStaticPaths` and lists only the changed pages, which compute their props with
 * the same functions from the same archive. (Keeping all 14,000 pages' props from `getStaticPaths`
 * to their rendering would hold about 450 MB more at 2,000 protocols.)
 * `test/site/keyed-routes.test.ts` fails if a route's template reads anything but its route's props.
 */
import { yearList, committeeMeetings, meetingsOfYear, type ArchiveIndex } from '../index/archive-index';
import { groupByYear, yearNeighbours } from '../index/meetings';
import { peopleIndex } from '../index/people-index';
import type { PublishedOriginal } from '../index/published-sources';
import type { Committee, Meeting } from '../model/model';
import { committeeAlternates, matterAlternates, meetingAlternates, organisationAlternates, personPageAlternates, topicAlternates, type Alternate } from '../publish/discovery';
import { meetingEvent } from '../publish/jsonld';
import { committeeCalendarPath } from '../publish/calendar';
import { committeeSearchMeta, meetingSearchMeta, type SearchMetaProps } from '../search/page-meta';
import { announcedBlock, type AnnouncedBlock } from './announced';
import { committeeExtras, type CommitteeExtras } from './committee';
import { laterMentionsOfMatter, laterMentionsOfResolution, statusesStatedIn, type LaterMention, type StatedStatus } from './later-mentions';
import { matterPaths, matterView, mattersOfMeeting, type MatterView, type MeetingMatter } from './matter';
import { meetingListItems, meetingView, type MeetingListItem, type MeetingView } from './meeting';
import { organisationPaths, organisationView, type OrganisationView } from './organisation';
import { incrementalBuild, keepOutput, outputPath } from './incremental';
import { pageKey } from './page-key';
import { entityInputs, groupsByKey, meetingInputs, resolutionInputs } from './route-inputs';
import { personPaths, personView, type PersonView } from './person';
import { facetPageView, registerChips, resolutionFacetPaths, yearCommitteePaths, yearCommitteeView, type Chip, type Facet, type FacetPageView } from './register';
import type { MeetingGroup } from './resolution';
import { resolutionPaths, resolutionView, type ResolutionView } from './resolution';
import { committeeSearchLink, matterSearchLink, organisationSearchLink, personSearchLink, topicSearchLink, type SearchLink } from './search-links';
import { topicPaths, topicView, type TopicView } from './topic';

/** What routes compute pages from: the archive index and what `src/lib/archive.ts` `pageContext()` adds. */
export interface PageContext {
  index: ArchiveIndex;
  /** Published originals by source file name (`publishedSources()`). */
  published: Map<string, PublishedOriginal>;
  /** The site's base URL (`import.meta.env.SITE`), for JSON-LD and citations. */
  site: string;
  /** A meeting's body HTML with resolution statuses filled in (`protocolHtml`). */
  html: (meetingId: string) => Promise<string>;
  /** The build's date, ISO (`buildDate`): which announced meetings are past. */
  today: string;
}

/** A dynamic route: its paths, and the props of the page at one of them. */
export interface PageRoute<Params extends Record<string, string>, Props> {
  paths(context: PageContext): Params[];
  props(context: PageContext, params: Params): Props | Promise<Props>;
  /**
   * What the page at `params` is made of, when that is cheaper to hash than its props: the page is
   * then keyed on `pageKey` of params and these (`src/lib/views/route-inputs.ts`: meetings by their
   * stand-in, registry entries by value, small computed results). The props must follow from them:
   * equal inputs, equal props (`test/site/route-inputs.property.test.ts`). Without it, the key is
   * the hash of the props. `props`: the page's props when the caller has them (a page being
   * rendered), for inputs that are derived from them.
   */
  inputs?(context: PageContext, params: Params, props?: Props): unknown;
}

/**
 * The key of one page: `pageKey` of params and the route's `inputs` where it has them, else of
 * params and props (`props`, when the caller has them already, else computed).
 * @example await routeKey(yearRoute, context, { year: '2021' }) // => 'Xq3…' (43 characters)
 */
export async function routeKey<Params extends Record<string, string>, Props>(route: PageRoute<Params, Props>, context: PageContext, params: Params, props?: Props): Promise<string> {
  if (route.inputs) return pageKey({ params, inputs: await route.inputs(context, params, props) });
  return pageKey({ params, props: props ?? (await route.props(context, params)) });
}

/** The route pattern each route was last listed under (`keyedRoute`), so its pages know their output path. */
const patterns = new WeakMap<object, string>();

/**
 * The route's `getStaticPaths` result: the paths to generate. Outside an incremental build that is
 * every path, without computing a page's props (the page computes them once and records its key,
 * `routeProps`). In an incremental build (`src/lib/views/incremental.ts`) each page's props are
 * computed and hashed (`pageKey`) here, and a path whose key is the last build's, with its file in
 * `dist/`, is left out: its page stays as it is.
 * @param routePattern the pattern Astro passes to `getStaticPaths` (`'/sitzungen/[id]'`)
 * @example await keyedRoute(yearRoute, context, '/jahre/[year]') // => [{ params: { year: '2017' } }, …]
 */
export async function keyedRoute<Params extends Record<string, string>, Props>(route: PageRoute<Params, Props>, context: PageContext, routePattern: string): Promise<{ params: Params }[]> {
  patterns.set(route, routePattern);
  const state = incrementalBuild();
  const paths = route.paths(context);
  if (state?.mode !== 'incremental') return paths.map((params) => ({ params }));
  const result = [];
  for (const params of paths) {
    if (!keepOutput(outputPath(routePattern, params, 'page'), await routeKey(route, context, params), state)) result.push({ params });
  }
  return result;
}

/**
 * The props of a path's page, as its template reads them (`Astro.params` typed by the route). In a
 * build, records the page's key (`routeKey`) for the next incremental build, unless `keyedRoute`
 * computed it already (an incremental build keys every path before any page renders).
 */
export async function routeProps<Params extends Record<string, string>, Props>(route: PageRoute<Params, Props>, context: PageContext, params: Record<string, string | undefined>): Promise<Props> {
  const props = await route.props(context, params as Params);
  const state = incrementalBuild();
  const pattern = patterns.get(route);
  if (!state || !pattern) return props;
  const path = outputPath(pattern, params, 'page');
  if (!state.next.has(path)) state.next.set(path, await routeKey(route, context, params as Params, props));
  return props;
}

type Id = { id: string };

/** Props of `/sitzungen/<id>/`. `html`: the protocol body with resolution statuses filled in. */
export interface MeetingPageProps {
  view: MeetingView;
  html: string;
  matters: MeetingMatter[];
  stated: StatedStatus[];
  feeds: Alternate[];
  event: Record<string, unknown>;
  searchMeta: SearchMetaProps;
}

/** Everything of a meeting page but its view and body HTML. */
function meetingPageRest({ index, site }: PageContext, meeting: Meeting): Omit<MeetingPageProps, 'html' | 'view'> {
  return {
    matters: mattersOfMeeting(index, meeting.id),
    stated: statusesStatedIn(index, meeting.id),
    feeds: meetingAlternates(index, meeting),
    event: meetingEvent(index, meeting, site),
    searchMeta: meetingSearchMeta(index, meeting),
  };
}

/** `/sitzungen/<id>/`: one page per meeting. */
export const meetingRoute: PageRoute<Id, MeetingPageProps> = {
  paths: ({ index }) => index.meetings.map((meeting) => ({ id: meeting.id })),
  async props(context, { id }) {
    const view = meetingView(context.index, id, context.published, context.today);
    return { view, ...meetingPageRest(context, view.meeting), html: await context.html(id) };
  },
  // The view and the body HTML (the loader's rendering, with the statuses of its resolutions filled
  // in) follow from the meeting's stand-in, its registry entries and resolutions, and the few
  // things `meetingInputs` computes; the view itself is not made (2,000 meetings a warm build).
  inputs(context, { id }) {
    const meeting = context.index.meetingById.get(id);
    if (!meeting) return { missing: id };
    return meetingInputs(context.index, meeting, context.today, context.published.get(meeting.source.file), meetingPageRest(context, meeting));
  },
};

/** Props of `/beschluesse/<id>/`. */
export interface ResolutionPageProps {
  view: ResolutionView;
  later: LaterMention[];
}

/** `/beschluesse/<id>/`: one page per resolution. */
export const resolutionRoute: PageRoute<Id, ResolutionPageProps> = {
  paths: ({ index }) => resolutionPaths(index).map(({ params }) => params),
  props: ({ index, site }, { id }) => ({ view: resolutionView(index, id, site), later: laterMentionsOfResolution(index, id) }),
  inputs: ({ index, site }, { id }) => resolutionInputs(index, site, id),
};

/** Props of `/beschluesse/<facet>/<value>/`. `chips`: the register's filter lists as this page links them (`registerChips`). */
export interface FacetPageProps {
  view: FacetPageView;
  chips: Record<Facet, Chip[]>;
}

/** `/beschluesse/<jahr|gremium|art|thema>/<value>/`: the register filtered by one facet value. */
export const facetRoute: PageRoute<{ facet: Facet; value: string }, FacetPageProps> = {
  paths: ({ index }) => resolutionFacetPaths(index).map(({ params }) => params),
  props: ({ index }, { facet, value }) => ({ view: facetPageView(index, facet, value), chips: registerChips(index, { [facet]: value }) }),
  inputs(context, params, props) {
    const { view, chips } = props ?? (facetRoute.props(context, params) as FacetPageProps);
    return { view: { ...view, groups: groupsByKey(view.groups) }, chips };
  },
};

/** Props of `/beschluesse/jahr/<yyyy>/gremium/<id>/`. */
export interface YearCommitteePageProps {
  view: { title: string; count: string; groups: MeetingGroup[] };
  chips: Record<Facet, Chip[]>;
}

/** `/beschluesse/jahr/<yyyy>/gremium/<id>/`: the register filtered by a year and a committee together. */
export const yearCommitteeRoute: PageRoute<{ year: string; committee: string }, YearCommitteePageProps> = {
  paths: ({ index }) => yearCommitteePaths(index),
  props: ({ index }, { year, committee }) => ({ view: yearCommitteeView(index, year, committee), chips: registerChips(index, { jahr: year, gremium: committee }) }),
  inputs(context, params, props) {
    const { view, chips } = props ?? (yearCommitteeRoute.props(context, params) as YearCommitteePageProps);
    return { view: { ...view, groups: groupsByKey(view.groups) }, chips };
  },
};

/** Props of `/jahre/<yyyy>/`. `years`: every year with meetings, oldest first. */
export interface YearPageProps {
  year: string;
  years: string[];
  items: MeetingListItem[];
  newer?: string;
  older?: string;
}

/** `/jahre/<yyyy>/`: one page per year that has meetings. */
export const yearRoute: PageRoute<{ year: string }, YearPageProps> = {
  paths: ({ index }) => yearList(index).map((year) => ({ year })),
  props({ index }, { year }) {
    const years = yearList(index);
    return { year, years, items: meetingListItems(index, meetingsOfYear(index, year)), ...yearNeighbours(years, year) };
  },
};

/** Props of `/gremien/<id>/`. `groups`: the committee's meetings by year, newest first. */
export interface CommitteePageProps {
  committee: Committee;
  meetingCount: number;
  groups: { year: string; items: MeetingListItem[] }[];
  feeds: Alternate[];
  search: SearchLink;
  searchMeta: SearchMetaProps;
  extras: CommitteeExtras;
  /** "Angekündigte Termine" of the committee, and their calendar file. */
  announced: AnnouncedBlock;
  calendar: string;
}

/** `/gremien/<id>/`: one page per committee in the registry, with or without meetings. */
export const committeeRoute: PageRoute<Id, CommitteePageProps> = {
  paths: ({ index }) => index.committees.map((committee) => ({ id: committee.id })),
  props({ index, today }, { id }) {
    const committee = index.registries.committees.get(id)!;
    const meetings = committeeMeetings(index, id);
    return {
      committee,
      meetingCount: meetings.length,
      groups: groupByYear(meetings).map((group) => ({ year: group.year, items: meetingListItems(index, group.meetings) })),
      feeds: committeeAlternates(index, id),
      search: committeeSearchLink(index, id),
      searchMeta: committeeSearchMeta(committee),
      extras: committeeExtras(index, peopleIndex(index), id),
      announced: announcedBlock(index, today, id),
      calendar: committeeCalendarPath(id),
    };
  },
};

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

/** `/personen/<id>/`: one page per person seen in the protocols. */
export const personRoute: PageRoute<Id, PersonPageProps> = {
  paths: ({ index }) => personPaths(peopleIndex(index)).map(({ params }) => params),
  props: ({ index }, { id }) => ({ view: personView(index, peopleIndex(index), id), feeds: personPageAlternates(index, id), search: personSearchLink(index, id) }),
  // The view reads the person's record and, through its meetings, what `entityInputs` covers.
  inputs({ index }, { id }) {
    const record = peopleIndex(index).people.get(id);
    const appearances = record?.appearances ?? [];
    return entityInputs(index, record, appearances.flatMap((a) => a.resolutions), { feeds: personPageAlternates(index, id), search: personSearchLink(index, id) });
  },
};

/** `/organisationen/<id>/`: one page per organisation seen in the protocols. */
export const organisationRoute: PageRoute<Id, OrganisationPageProps> = {
  paths: ({ index }) => organisationPaths(peopleIndex(index)).map(({ params }) => params),
  props: ({ index }, { id }) => ({
    view: organisationView(index, peopleIndex(index), id),
    feeds: organisationAlternates(index, id),
    search: organisationSearchLink(index, id),
  }),
  inputs({ index }, { id }) {
    const record = peopleIndex(index).organisations.get(id);
    const appearances = record?.appearances ?? [];
    return entityInputs(index, record, appearances.flatMap((a) => a.resolutions), { feeds: organisationAlternates(index, id), search: organisationSearchLink(index, id) });
  },
};

/** `/themen/<id>/`: one page per topic. */
export const topicRoute: PageRoute<Id, TopicPageProps> = {
  paths: ({ index }) => topicPaths(peopleIndex(index)).map(({ params }) => params),
  props: ({ index }, { id }) => ({ view: topicView(index, peopleIndex(index), id), feeds: topicAlternates(index, id), search: topicSearchLink(index, id) }),
  inputs({ index }, { id }) {
    const record = peopleIndex(index).topics.get(id);
    const items = record?.items ?? [];
    return entityInputs(index, record, items.flatMap((i) => i.resolutions), { feeds: topicAlternates(index, id), search: topicSearchLink(index, id) });
  },
};

/** Props of `/vorgaenge/<id>/`: the entity props plus the later meetings that name the matter. */
export interface MatterPageProps extends EntityPageProps<MatterView> {
  later: LaterMention[];
}

/** `/vorgaenge/<id>/`: one page per matter. */
export const matterRoute: PageRoute<Id, MatterPageProps> = {
  paths: ({ index }) => matterPaths(index).map(({ params }) => params),
  props({ index }, { id }) {
    const view = matterView(index, id);
    return { view, feeds: matterAlternates(index, id), search: matterSearchLink(index, id), later: laterMentionsOfMatter(index, view.matter) };
  },
};
