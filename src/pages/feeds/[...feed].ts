/**
 * Every RSS feed of the site (`allFeeds`, src/lib/publish/feeds.ts): `/feeds/sitzungen.xml`,
 * `/feeds/beschluesse.xml`, `/feeds/gremien/<id>.xml`, `/feeds/personen/<id>.xml`,
 * `/feeds/organisationen/<id>.xml`, `/feeds/themen/<id>.xml`, `/feeds/vorgaenge/<id>.xml`.
 */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPathsOptions } from 'astro';
import { getArchive } from '../../lib/archive';
import { allFeeds, rssOptions, type Feed } from '../../lib/publish/feeds';
import { keyedPaths } from '../../lib/views/page-key';

export async function getStaticPaths({ routePattern }: GetStaticPathsOptions) {
  const feeds = allFeeds(await getArchive(), import.meta.env.SITE);
  // Plain JSON (a Date as its ISO string, which fixes `pubDate`): keyed by `jsonKey`.
  return keyedPaths(routePattern, feeds.map((feed) => ({ params: { feed: feed.path.replace(/^\/feeds\//, '') }, props: { feed } })), [], { json: true });
}

export const GET: APIRoute<{ feed: Feed }> = ({ props, site }) => rss(rssOptions(props.feed, site!));
