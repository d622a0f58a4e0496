/**
 * The feeds of one holder, one municipality and one province: who follows what. The change log
 * is grouped once per build (`changesByScope`), so each of the thousands of feed files is a
 * lookup and a string, never a scan of the whole log.
 *
 * Which changes a region's feed holds: those about a location in it (opened, closed, a course
 * planned there, a classroom visit there), and those about a holder that teaches in it now
 * (its decisions, ratings and visits not tied to a location, its removal). A closed location
 * counts for the municipality it was in; its province is the one that municipality lies in
 * while the register still has a location there.
 */
import type { Change, ChangeLog } from '../register/changes.ts';
import { municipalities, type Register } from '../register/model.ts';
import { provinceSlug, type Province } from '../register/vocabulary.ts';
import { formatDate, useTranslations, type Lang } from '../i18n/index.ts';
import { getOpenData } from './open-data.ts';
import { paths, type FeedFolder } from './paths.ts';
import { getRegister } from './register.ts';
import type { FeedSpec } from './changes.ts';

/** The changes of each holder, municipality (by CBS code) and province, newest first like the log. */
export interface ScopedChanges {
  holder: Map<string, Change[]>;
  municipality: Map<string, Change[]>;
  province: Map<string, Change[]>;
}

const push = (map: Map<string, Change[]>, key: string, change: Change) => {
  const list = map.get(key);
  if (list) list.push(change);
  else map.set(key, [change]);
};

/** Groups a change log by holder, municipality and province, in one pass over it. */
export function groupChanges(register: Register, log: ChangeLog): ScopedChanges {
  const provinceOf = new Map(municipalities(register).map((m) => [m.code, m.province]));
  const holderMunicipalities = new Map<string, string[]>();
  for (const holder of register.holders) holderMunicipalities.set(holder.holder_id, [...new Set(holder.locations.map((l) => l.municipality_code))]);
  const scoped: ScopedChanges = { holder: new Map(), municipality: new Map(), province: new Map() };
  for (const change of log.changes) {
    push(scoped.holder, change.holder_id, change);
    const codes = change.municipality_code ? [change.municipality_code] : (holderMunicipalities.get(change.holder_id) ?? []);
    const provinces = new Set<string>();
    for (const code of codes) {
      push(scoped.municipality, code, change);
      const province = provinceOf.get(code);
      if (province) provinces.add(province);
    }
    for (const province of provinces) push(scoped.province, province, change);
  }
  return scoped;
}

let grouped: { site: string; scoped: ScopedChanges } | undefined;

/** This build's change log, grouped once (the open data is computed once per site address too). */
export function changesByScope(site?: URL | string): ScopedChanges {
  const key = site?.toString() ?? '';
  if (grouped?.site !== key) grouped = { site: key, scoped: groupChanges(getRegister(), getOpenData(site).changes) };
  return grouped.scoped;
}

/** What a feed is about: a holder, a municipality or a province. */
export type FeedScope =
  | { kind: 'holder'; id: string; name: string }
  | { kind: 'municipality'; code: string; name: string }
  | { kind: 'province'; province: Province };

/** The feed's page, and its Atom and JSON Feed addresses (named after the page's own address). */
export function feedPaths(lang: Lang, scope: FeedScope): { page: string; atom: string; json: string } {
  const [folder, key, page]: [FeedFolder, string, string] =
    scope.kind === 'holder'
      ? ['aanbieder', scope.id, paths.holder(lang, scope.id)]
      : scope.kind === 'municipality'
        ? ['gemeente', scope.code, paths.municipality(lang, scope.code)]
        : ['provincie', provinceSlug(scope.province), paths.province(lang, scope.province)];
  return { page, atom: paths.feedAtom(lang, folder, key), json: paths.feedJson(lang, folder, key) };
}

/** The title of a scope's feed, also the discovery link's title. */
export function feedTitle(lang: Lang, scope: FeedScope): string {
  const t = useTranslations(lang);
  if (scope.kind === 'holder') return t('feed.title.holder', { name: scope.name });
  if (scope.kind === 'municipality') return t('feed.title.municipality', { name: scope.name });
  return t('feed.title.province', { name: scope.province });
}

/** Everything a feed file needs, from the grouped log. */
export function feedSpec(lang: Lang, scope: FeedScope, site?: URL | string): FeedSpec {
  const scoped = changesByScope(site);
  const key = scope.kind === 'holder' ? scope.id : scope.kind === 'municipality' ? scope.code : scope.province;
  const changes = scoped[scope.kind].get(key) ?? [];
  const exportDate = getOpenData(site).exportDate;
  const id = scope.kind === 'holder' ? `aanbieder/${scope.id}` : scope.kind === 'municipality' ? `gemeente/${scope.code}` : `provincie/${provinceSlug(scope.province)}`;
  return {
    key: id,
    title: feedTitle(lang, scope),
    subtitle: useTranslations(lang)('feed.subtitle', { date: formatDate(lang, exportDate) }),
    ...feedPaths(lang, scope),
    changes,
    exportDate,
  };
}
