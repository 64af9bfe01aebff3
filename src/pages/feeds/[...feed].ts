/**
 * Every RSS feed of the site (`allFeeds`, src/lib/publish/feeds.ts): `/feeds/sitzungen.xml`,
 * `/feeds/beschluesse.xml`, `/feeds/gremien/<id>.xml`, `/feeds/personen/<id>.xml`,
 * `/feeds/organisationen/<id>.xml`, `/feeds/themen/<id>.xml`, `/feeds/vorgaenge/<id>.xml`.
 */
import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPathsOptions } from 'astro';
import { getArchive } from '../../lib/archive';
import { allFeeds, feedKey, rssOptions, type Feed } from '../../lib/publish/feeds';
import { keyedPathsBy } from '../../lib/views/page-key';

export async function getStaticPaths({ routePattern }: GetStaticPathsOptions) {
  const feeds = allFeeds(await getArchive(), import.meta.env.SITE);
  // Keyed by its JSON, each shared meeting item by its key (`feedKey`).
  return keyedPathsBy(routePattern, feeds.map((feed) => ({ params: { feed: feed.path.replace(/^\/feeds\//, '') }, props: { feed } })), ({ props }) => feedKey(props.feed));
}

export const GET: APIRoute<{ feed: Feed }> = ({ props, site }) => rss(rssOptions(props.feed, site!));
