/**
 * The page types of the site, each with one representative URL per language, chosen from
 * the validated register so the list follows the data instead of hard-coded identifiers.
 */
import { FORMER_STATUSES, holdsValidKeurmerk, provinceSlug, type Location, type Register } from '../../src/register/index.ts';
import { LANG_CODES, type Lang } from '../../src/i18n/languages.ts';

export interface PageType {
  name: string;
  path: (lang: Lang) => string;
}

/** One URL per page type; holder pages in each status family, since each shows differently. */
export function pageTypes(register: Register): PageType[] {
  const valid = register.holders.find((h) => holdsValidKeurmerk(h.keurmerk_status) && h.locations.length > 1) ?? register.holders[0]!;
  const suspended = register.holders.find((h) => h.keurmerk_status === 'geschorst');
  const former = register.holders.find((h) => FORMER_STATUSES.includes(h.keurmerk_status));
  const located = register.locations.find((l) => l.latitude !== undefined && l.routes.length > 0) ?? register.locations[0]!;
  // A municipality page with every kind of section: buyable locations, ones apart, and nearby ones.
  const buyable = (l: Location) => holdsValidKeurmerk(register.holderById.get(l.holder_id)!.keurmerk_status);
  const regionLocation =
    register.locations.find((l) => {
      const here = register.locations.filter((o) => o.municipality_code === l.municipality_code);
      return here.some((o) => !buyable(o)) && here.some((o) => buyable(o) && o.latitude !== undefined);
    }) ?? register.locations[0]!;
  const region = { code: regionLocation.municipality_code, province: regionLocation.province };
  const types: PageType[] = [
    { name: 'home', path: (lang) => `/${lang}/` },
    { name: 'holders', path: (lang) => `/${lang}/aanbieders/` },
    { name: 'holder (valid)', path: (lang) => `/${lang}/aanbieder/${valid.holder_id}/` },
    { name: 'location', path: (lang) => `/${lang}/vestiging/${located.location_id}/` },
    { name: 'keurmerk', path: (lang) => `/${lang}/keurmerk/` },
    { name: 'onderwijsroute', path: (lang) => `/${lang}/onderwijsroute/` },
    { name: 'municipality', path: (lang) => `/${lang}/gemeente/${region.code}/` },
    { name: 'province', path: (lang) => `/${lang}/provincie/${provinceSlug(region.province)}/` },
    { name: 'municipalities', path: (lang) => `/${lang}/gemeenten/` },
    { name: 'map', path: (lang) => `/${lang}/kaart/` },
    { name: 'search', path: (lang) => `/${lang}/zoeken/` },
    { name: 'guide', path: (lang) => `/${lang}/wegwijzer/` },
    { name: 'figures', path: (lang) => `/${lang}/cijfers/` },
  ];
  if (suspended) types.push({ name: 'holder (suspended)', path: (lang) => `/${lang}/aanbieder/${suspended.holder_id}/` });
  if (former) types.push({ name: 'holder (former)', path: (lang) => `/${lang}/aanbieder/${former.holder_id}/` });
  return types;
}

export const LANGS: readonly Lang[] = LANG_CODES;
