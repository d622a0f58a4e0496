/**
 * `/{lang}/wijzigingen.atom`: the changes as an Atom feed, one per language, because its
 * entries are sentences and a feed reader shows one language. The data behind it is the
 * language-neutral /data/changes.json.
 */
import type { APIRoute } from 'astro';
import type { Lang } from '../../i18n/index.ts';
import { changesFeed } from '../../site/changes.ts';
import { getOpenData } from '../../site/open-data.ts';
import { languagePaths } from '../../site/static-paths.ts';

export const getStaticPaths = languagePaths;

export const GET: APIRoute = ({ props, site }) =>
  new Response(changesFeed((props as { lang: Lang }).lang, getOpenData(site).changes, site), {
    headers: { 'content-type': 'application/atom+xml; charset=utf-8' },
  });
