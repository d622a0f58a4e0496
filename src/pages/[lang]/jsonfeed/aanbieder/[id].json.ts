/**
 * `/{lang}/jsonfeed/aanbieder/{id}.json`: what changed for this holder, as a JSON Feed 1.1, one per
 * language because its entries are sentences (src/site/feeds.ts).
 */
import type { APIRoute } from 'astro';
import type { Lang } from '../../../../i18n/index.ts';
import { feedPathsOf, feedResponse, type FeedScope } from '../../../../site/feeds.ts';

export const getStaticPaths = () => feedPathsOf('holder');

export const GET: APIRoute = ({ props, site }) => {
  const { lang, item } = props as { lang: Lang; item: FeedScope };
  return feedResponse('json', lang, item, site);
};
