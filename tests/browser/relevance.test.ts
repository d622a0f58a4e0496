/**
 * The search relevance set: queries as people type them (names, trade names, typing
 * errors, words without their accents, places and their everyday names, postcodes, KvK
 * numbers, ids, on every language's page; digits and letters from Arabic, Persian,
 * full-width and Ethiopic keyboards; Dutch words spelled as they sound), each with what must come first or within the
 * first five results, run in Chromium against the built sample register (and, for names
 * with Turkish and Arabic letters and places the sample lacks, a small names fixture, built
 * here). Relevance is behaviour: a change that pushes the intended school off the first
 * screen fails here.
 *
 * What is intended is named by the register (a holder's name, a location id, a place), and
 * the ids are looked up in the register model, never counted by hand.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { LANG_CODES, type Lang } from '../../src/i18n/languages.ts';
import type { Location, Register } from '../../src/register/model.ts';
import { holdsValidKeurmerk } from '../../src/register/vocabulary.ts';
import { openReady, useBrowser } from '../support/browser.ts';
import { loadRegister } from '../support/register.ts';
import { builtSite, ROOT, serveSite } from '../support/site.ts';

type Site = 'sample' | 'names';
/** Which locations are meant. */
type Target = { holder: string } | { location: string } | { city: string } | { municipality: string } | { province: string };
interface Case {
  query: string;
  /** What comes first (`first`), is among the first five (`top5`), or fills the first results (`place`: every one of them, up to five, is there). */
  expect: 'first' | 'top5' | 'place';
  target: Target;
  lang?: Lang;
  site?: Site;
  /** Extra URL parameters, such as `inactive=1`. */
  params?: string;
}

const CASES: Case[] = [
  // Names and trade names, as written.
  { query: 'Taalpunt Tongenkompas', expect: 'first', target: { holder: 'Taalpunt Tongenkompas B.V.' } },
  { query: 'Stemmenroos', expect: 'first', target: { holder: 'Taalcentrum Stemmenroos B.V.' } },
  { query: 'Woordenpad', expect: 'first', target: { holder: 'Kennishuis Woordenpad V.O.F.' } },
  { query: 'Lânskip Nederlands', expect: 'first', target: { holder: 'Stichting Taalhuis Lânskip' } },
  { query: 'De Kade Taaltrainingen', expect: 'top5', target: { holder: 'Opleidingshuis De Kade B.V.' } },
  { query: 'Oosterkim Taal & Integratie', expect: 'first', target: { holder: 'Stichting Taalwerkplaats Oosterkim' } },
  { query: 'klankroos', expect: 'first', target: { holder: 'Taalcafé Klankroos B.V.' } },
  // A letter missing, doubled, swapped or wrong; spelled as it sounds.
  { query: 'Klankros', expect: 'first', target: { holder: 'Taalcafé Klankroos B.V.' } },
  { query: 'Leesbakken', expect: 'first', target: { holder: 'Leerhuis Leesbaken B.V.' } },
  { query: 'Taalhuiss', expect: 'top5', target: { holder: 'Taalhuis Het Kruispunt B.V.' } },
  { query: 'Tongenkompass', expect: 'first', target: { holder: 'Taalpunt Tongenkompas B.V.' } },
  { query: 'Stemenroos', expect: 'first', target: { holder: 'Taalcentrum Stemmenroos B.V.' } },
  { query: 'Praathafen', expect: 'first', target: { holder: 'Taalpunt Praathaven B.V.' } },
  { query: 'Kiezelhafen', expect: 'first', target: { holder: 'Kennishuis Kiezelhaven V.O.F.' } },
  { query: 'Woordepad', expect: 'first', target: { holder: 'Kennishuis Woordenpad V.O.F.' } },
  { query: 'Letterbronn', expect: 'first', target: { holder: 'Stichting Taalwerkplaats Letterbron' } },
  { query: 'Pennensteijger', expect: 'first', target: { holder: 'Kennishuis Pennensteiger' } },
  { query: 'Tongenwjizer', expect: 'first', target: { holder: 'Taalacademie Tongenwijzer B.V.' } },
  { query: 'taalpunt praathavn', expect: 'first', target: { holder: 'Taalpunt Praathaven B.V.' } },
  // Without the letters people cannot type, and in capitals.
  { query: 'Lanskip', expect: 'first', target: { holder: 'Stichting Taalhuis Lânskip' } },
  { query: 'Taalcafe Klankroos', expect: 'first', target: { holder: 'Taalcafé Klankroos B.V.' } },
  { query: 'zeeen', expect: 'first', target: { holder: 'Leerhuis Zeeën' } },
  { query: 'LEERHUIS ZEEËN', expect: 'first', target: { holder: 'Leerhuis Zeeën' } },
  { query: 'Yildiz', expect: 'first', target: { holder: 'Dil ve Uyum Merkezi Yıldız B.V.' }, site: 'names' },
  { query: 'YILDIZ TAALCENTRUM', expect: 'first', target: { holder: 'Dil ve Uyum Merkezi Yıldız B.V.' }, site: 'names' },
  { query: 'Cagdas Ogrenim', expect: 'first', target: { holder: 'Stichting Çağdaş Öğrenim' }, site: 'names' },
  { query: 'cağdaş', expect: 'first', target: { holder: 'Stichting Çağdaş Öğrenim' }, site: 'names' },
  { query: 'Al-Nur', expect: 'first', target: { holder: 'Taalhuis Al-Nūr' }, site: 'names' },
  { query: 'alnur', expect: 'first', target: { holder: 'Taalhuis Al-Nūr' }, site: 'names' },
  { query: 'Grossmann', expect: 'first', target: { holder: 'Taalatelier Großmann' }, site: 'names' },
  { query: 'Yildis', expect: 'first', target: { holder: 'Dil ve Uyum Merkezi Yıldız B.V.' }, site: 'names' },
  // A suspended school by its exact name, once shown.
  { query: 'Safak Inburgering', expect: 'first', target: { holder: 'Şafak Inburgering' }, site: 'names', params: 'inactive=1' },
  { query: 'Taalpunt Klankroos B.V.', expect: 'first', target: { holder: 'Taalpunt Klankroos B.V.' }, params: 'inactive=1' },
  // Places, with typing errors and everyday names.
  { query: 'Rotterdam', expect: 'place', target: { city: 'Rotterdam' } },
  { query: 'Roterdam', expect: 'place', target: { city: 'Rotterdam' } },
  { query: 'Amsterdm', expect: 'place', target: { city: 'Amsterdam' } },
  { query: 'Den Haag', expect: 'place', target: { city: "'s-Gravenhage" } },
  { query: "'s-Gravenhage", expect: 'place', target: { city: "'s-Gravenhage" } },
  { query: 'Ljouwert', expect: 'place', target: { city: 'Leeuwarden' } },
  { query: 'Snits', expect: 'place', target: { city: 'Sneek' } },
  { query: 'It Hearrenfean', expect: 'place', target: { city: 'Heerenveen' } },
  { query: 'Friesland', expect: 'place', target: { province: 'Fryslân' } },
  { query: 'Fryslan', expect: 'place', target: { province: 'Fryslân' } },
  { query: 'Zuidwest-Friesland', expect: 'place', target: { municipality: 'Súdwest-Fryslân' } },
  { query: 'Dordt', expect: 'place', target: { city: 'Dordrecht' } },
  { query: 'Utrecht', expect: 'place', target: { city: 'Utrecht' } },
  { query: 'Groningen', expect: 'place', target: { city: 'Groningen' } },
  { query: 'capelle aan den ijssel', expect: 'place', target: { city: 'Capelle aan den IJssel' } },
  { query: 'Ijmuiden', expect: 'place', target: { city: 'IJmuiden' } },
  { query: 'Den Bosch', expect: 'place', target: { city: "'s-Hertogenbosch" }, site: 'names' },
  { query: 'Hertogenbosch', expect: 'place', target: { city: "'s-Hertogenbosch" }, site: 'names' },
  { query: 'den bosh', expect: 'place', target: { city: "'s-Hertogenbosch" }, site: 'names' },
  // Postcodes, with and without the space, in any case.
  { query: '2531 PG', expect: 'first', target: { location: 'V00003' } },
  { query: '2531pg', expect: 'first', target: { location: 'V00003' } },
  { query: '2531 pg', expect: 'first', target: { location: 'V00003' } },
  { query: '6046', expect: 'top5', target: { location: 'V00001' } },
  // KvK numbers and ids.
  { query: '98007247', expect: 'first', target: { holder: 'Taalcafé Klankroos B.V.' } },
  { query: '76531496', expect: 'first', target: { holder: 'Taalinstituut Leeskompas' } },
  { query: 'V00032', expect: 'first', target: { location: 'V00032' } },
  { query: 'KH0012', expect: 'place', target: { holder: 'Opleidingshuis De Kade B.V.' } },
  { query: 'kh0003', expect: 'first', target: { holder: 'Taalcafé Klankroos B.V.' } },
  // Other languages' pages: the same index content, another language's stemming.
  { query: 'Den Haag', lang: 'en', expect: 'place', target: { city: "'s-Gravenhage" } },
  { query: 'The Hague', lang: 'en', expect: 'place', target: { city: "'s-Gravenhage" } },
  { query: 'Klankros', lang: 'ar', expect: 'first', target: { holder: 'Taalcafé Klankroos B.V.' } },
  { query: 'Lanskip', lang: 'tr', expect: 'first', target: { holder: 'Stichting Taalhuis Lânskip' } },
  { query: 'Yildiz Taalcentrum', lang: 'tr', expect: 'first', target: { holder: 'Dil ve Uyum Merkezi Yıldız B.V.' }, site: 'names' },
  { query: 'Roterdam', lang: 'uk', expect: 'place', target: { city: 'Rotterdam' } },
  { query: 'Leesbakken', lang: 'fa', expect: 'first', target: { holder: 'Leerhuis Leesbaken B.V.' } },
  { query: '98007247', lang: 'ti', expect: 'first', target: { holder: 'Taalcafé Klankroos B.V.' } },
  // Every keyboard's digits and letters: Arabic and Persian phone keyboards, full-width
  // letters and digits (Chinese and Japanese keyboards, some phones), Ethiopic wordspaces.
  { query: '٢٥٣١ PG', lang: 'ar', expect: 'first', target: { location: 'V00003' } },
  { query: '۲۵۳۱ PG', lang: 'fa', expect: 'first', target: { location: 'V00003' } },
  { query: '۲۵۳۱pg', lang: 'fa', expect: 'first', target: { location: 'V00003' } },
  { query: '٦٠٤٦', lang: 'ar', expect: 'top5', target: { location: 'V00001' } },
  { query: '٩٨٠٠٧٢٤٧', lang: 'ar', expect: 'first', target: { holder: 'Taalcafé Klankroos B.V.' } },
  { query: '۷۶۵۳۱۴۹۶', lang: 'fa', expect: 'first', target: { holder: 'Taalinstituut Leeskompas' } },
  { query: 'ＫＬＡＮＫＲＯＯＳ', lang: 'en', expect: 'first', target: { holder: 'Taalcafé Klankroos B.V.' } },
  { query: '２５３１　ＰＧ', lang: 'uk', expect: 'first', target: { location: 'V00003' } },
  { query: 'ｌｅｅｓｂａｋｅｎ', lang: 'tr', expect: 'first', target: { holder: 'Leerhuis Leesbaken B.V.' } },
  { query: 'ｋｈ０００３', lang: 'en', expect: 'first', target: { holder: 'Taalcafé Klankroos B.V.' } },
  { query: 'Taalpunt፡Tongenkompas', lang: 'ti', expect: 'first', target: { holder: 'Taalpunt Tongenkompas B.V.' } },
  { query: 'Den፡Haag', lang: 'ti', expect: 'place', target: { city: "'s-Gravenhage" } },
  // Spelled as heard (ij/y/ei, ou/au, c/k, ph/f, dt/d/t, double and single letters), also
  // where more letters differ than a typing error allows for the word's length.
  { query: 'Lijden', expect: 'place', target: { city: 'Leiden' } },
  { query: 'Nymegen', expect: 'place', target: { city: 'Nijmegen' } },
  { query: 'Zijst', expect: 'place', target: { city: 'Zeist' } },
  { query: 'Katweik', lang: 'en', expect: 'place', target: { city: 'Katwijk' } },
  { query: 'Katwyk', lang: 'tr', expect: 'place', target: { city: 'Katwijk' } },
  { query: 'Hofdorp', lang: 'uk', expect: 'place', target: { city: 'Hoofddorp' }, params: 'inactive=1' },
  { query: 'Zutfen', lang: 'ar', expect: 'place', target: { city: 'Zutphen' } },
  { query: 'Lelijstat', lang: 'fa', expect: 'place', target: { city: 'Lelystad' } },
  { query: 'Reissen', lang: 'ti', expect: 'place', target: { city: 'Rijssen' } },
  { query: 'Gauda', expect: 'place', target: { city: 'Gouda' } },
  { query: 'Kapelle aan den Ijsel', expect: 'place', target: { city: 'Capelle aan den IJssel' } },
  { query: 'Amersfort', lang: 'tr', expect: 'place', target: { city: 'Amersfoort' } },
  { query: 'Pennenstijger', lang: 'en', expect: 'first', target: { holder: 'Kennishuis Pennensteiger' } },
  { query: 'Tongenweizer', expect: 'first', target: { holder: 'Taalacademie Tongenwijzer B.V.' } },
  { query: 'Leinenbaken', lang: 'uk', expect: 'first', target: { holder: 'Leercentrum Lijnenbaken' } },
  { query: '۲۵۳۱ PG', lang: 'ps', expect: 'first', target: { location: 'V00003' } },
  { query: 'Nymegen', lang: 'ps', expect: 'place', target: { city: 'Nijmegen' } },
  { query: 'Lijden', lang: 'so', expect: 'place', target: { city: 'Leiden' } },
  { query: 'ＫＨ０００３', lang: 'so', expect: 'first', target: { holder: 'Taalcafé Klankroos B.V.' } },
];

const registers: Record<Site, Register> = {
  sample: loadRegister(resolve(ROOT, 'data')),
  names: loadRegister(resolve(ROOT, 'tests/fixtures/names')),
};
const urls: Partial<Record<Site, string>> = { sample: inject('sampleUrl') };

/** The locations a target means, in a register (a target that means none is a broken case). */
function meant(register: Register, target: Target): Location[] {
  const holderOf = (l: Location) => register.holderById.get(l.holder_id)!;
  const locations = register.locations.filter((l) => {
    if ('holder' in target) return holderOf(l).name === target.holder;
    if ('location' in target) return l.location_id === target.location;
    if ('city' in target) return l.city === target.city;
    if ('municipality' in target) return l.municipality_name === target.municipality;
    return l.province === target.province;
  });
  if (locations.length === 0) throw new Error(`no location in the register is ${JSON.stringify(target)}`);
  return locations;
}

let page: Page;
let errors: string[];
let stopNames: (() => Promise<void>) | undefined;

beforeAll(async () => {
  const server = await serveSite(await builtSite({ data: resolve(ROOT, 'tests/fixtures/names') }));
  urls.names = server.url;
  stopNames = server.stop;
});
afterAll(async () => {
  await stopNames?.();
});
useBrowser((session) => ({ page, errors } = session));

describe('relevance: what people type finds what they mean', () => {
  it('holds at least 40 queries, of every kind', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CASES.map((c) => c.lang ?? 'nl')).size).toBe(LANG_CODES.length);
  });

  for (const test of CASES) {
    const site = test.site ?? 'sample';
    const lang = test.lang ?? 'nl';
    it(`"${test.query}" (${lang}${site === 'names' ? ', names fixture' : ''}${test.params ? `, ${test.params}` : ''}): ${test.expect} ${JSON.stringify(test.target)}`, async () => {
      const register = registers[site];
      const want = meant(register, test.target)
        // Only what the page shows: without `inactive=1`, holders with a valid keurmerk.
        .filter((l) => test.params?.includes('inactive=1') || holdsValidKeurmerk(register.holderById.get(l.holder_id)!.keurmerk_status))
        .map((l) => l.location_id);
      expect(want.length, 'the case means something the page can show').toBeGreaterThan(0);
      await openReady(page, `${urls[site]}/${lang}/zoeken/?q=${encodeURIComponent(test.query)}${test.params ? `&${test.params}` : ''}`, 'search');
      const ids = await page.locator('[data-search-result]').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.locationId!));
      if (test.expect === 'first') expect(want, `first of ${ids.join(', ')}`).toContain(ids[0]);
      else if (test.expect === 'top5') expect(ids.slice(0, 5).some((id) => want.includes(id)), `top 5 of ${ids.join(', ')}`).toBe(true);
      else {
        const head = ids.slice(0, Math.min(5, want.length));
        expect(head.length, `results: ${ids.join(', ')}`).toBe(Math.min(5, want.length));
        expect(head.filter((id) => !want.includes(id)), `the first results (${ids.join(', ')}) are all in the place`).toEqual([]);
      }
      expect(errors).toEqual([]);
    });
  }
});
