/**
 * The words for codes (src/i18n/labels.ts) and the formats (src/i18n/format.ts), made from a
 * dictionary file directly, as plain Node code (the open data, scripts) makes them: a profile
 * is labelled in the page's language with its law, the same way in lists, tables and cards.
 */
import { describe, expect, it } from 'vitest';
import ar from '../../src/i18n/dictionaries/ar.ts';
import en from '../../src/i18n/dictionaries/en.ts';
import nl from '../../src/i18n/dictionaries/nl.ts';
import { translator } from '../../src/i18n/fill.ts';
import { formatDate, formatDateByShape, formatKm, formatNumber, formatNumberByShape, formatPrice, localeShape } from '../../src/i18n/format.ts';
import { LANG_CODES } from '../../src/i18n/languages.ts';
import { cardLabels, codeLabel, offerLabel, offerLabels, offerLine, statusLabels } from '../../src/i18n/labels.ts';
import { OFFERS, STATUSES } from '../../src/register/index.ts';

const t = { nl: translator(nl, 'nl'), en: translator(en, 'en'), ar: translator(ar, 'ar') };

describe('offer labels', () => {
  it('name a profile with its law in the page\'s language, a route as DUO writes it', () => {
    expect(offerLabel(t.nl, 'laag')).toBe('Wi2013: Laag opgeleid');
    expect(offerLabel(t.en, 'laag')).toBe('Wi2013 profile: Little schooling (laag)');
    // Arabic: translated, with the profile isolated so "(laag)" keeps its brackets in place.
    expect(offerLabel(t.ar, 'laag')).toBe('ملف Wi2013: \u2068تعليم قليل (laag)\u2069');
    expect(offerLabel(t.en, 'B1')).toBe('B1-route');
    expect(offerLabel(t.ar, 'Z')).toBe(ar['route.Z']);
  });

  it('are one text per offer, for every offer, in the order the pages list them', () => {
    const labels = offerLabels(t.en);
    expect(Object.keys(labels)).toEqual([...OFFERS]);
    for (const offer of OFFERS) expect(labels[offer]).toBe(offerLabel(t.en, offer));
  });

  it('make the cards\' offer line: routes, then profiles, in offer order whatever the input order', () => {
    const labels = offerLabels(t.nl);
    expect(offerLine({ profile: ['hoog', 'analfabeet'], route: ['Z', 'B1'] }, labels)).toBe('B1-route, Z-route, Wi2013: Analfabeet, Wi2013: Hoog opgeleid');
    expect(offerLine({ route: ['B1'] }, offerLabels(t.en))).toBe('B1-route');
    expect(offerLine({}, labels)).toBe('');
  });
});

describe('code labels', () => {
  it('find each kind of code\'s dictionary text', () => {
    expect(codeLabel(t.nl, 'status', 'geschorst')).toBe(nl['status.geschorst.label']);
    expect(codeLabel(t.en, 'daypart', 'avond')).toBe(en['daypart.avond']);
    expect(codeLabel(t.en, 'modality', 'afstand')).toBe(en['modality.afstand']);
    expect(codeLabel(t.nl, 'law', 'wi2013')).toBe('Wet inburgering 2013');
    expect(Object.keys(statusLabels(t.ar))).toEqual([...STATUSES]);
  });

  it('give the search page and the map the same card labels', () => {
    const labels = cardLabels(t.nl, 'nl');
    expect(labels.offer).toEqual(offerLabels(t.nl));
    expect(labels.status).toEqual(statusLabels(t.nl));
    expect(labels.rating.words['3']).toBe('3 van de 4 sterren');
    expect(labels.nextStart).toBe(nl['search.result.nextStart']);
  });
});

describe('formats', () => {
  it('write a date the long way in the language, Gregorian and in UTC', () => {
    expect(formatDate('nl', '2026-11-06')).toBe('6 november 2026');
    expect(formatDate('en', '2026-11-06')).toBe('November 6, 2026');
    // Persian would default to the Solar Hijri calendar; the register's dates are Gregorian.
    expect(formatDate('fa', '2026-11-06')).toContain('۲۰۲۶');
  });

  it('hand a browser without the language\'s locale data a date shape that writes every date exactly as the build does', () => {
    const dates = ['2026-01-01', '2026-03-16', '2027-09-30', '2028-12-09', '2026-05-21'];
    for (const lang of LANG_CODES) {
      const shape = localeShape(lang);
      expect(new Set(shape.months).size, lang).toBe(12);
      for (const iso of dates) expect(formatDateByShape(shape, iso), `${lang} ${iso}`).toBe(formatDate(lang, iso));
    }
    // Pashto in its own digits and order, not the English date Chromium writes without its data.
    expect(formatDateByShape(localeShape('ps'), '2026-03-16')).toBe('۲۰۲۶ مارچ ۱۶');
  });

  it('hand it the digits, signs and units too, so a count, a distance and a price drawn in the browser match the build\'s', () => {
    for (const lang of LANG_CODES) {
      const shape = localeShape(lang);
      for (const n of [0, 7, 1234, 98765.25, 1234567]) expect(formatNumberByShape(shape, n), `${lang} ${n}`).toBe(formatNumber(lang, n));
      for (const km of [0.4, 2.5, 12, 187.36]) expect(shape.km.replace('{n}', formatNumberByShape(shape, km, 'km')), `${lang} ${km} km`).toBe(formatKm(lang, km));
      expect(shape.price.replace('{n}', formatNumberByShape(shape, 2950, 'wholeEuros')), `${lang} €`).toBe(formatPrice(lang, 2950));
      expect(shape.price.replace('{n}', formatNumberByShape(shape, 2950.5, 'cents')), `${lang} € cents`).toBe(formatPrice(lang, 2950.5));
    }
    // Pashto's own digits and decimal sign, Tigrinya's own unit: what Chromium, lacking both, got wrong.
    expect(formatNumberByShape(localeShape('ps'), 2.5, 'km')).toBe('۲٫۵');
    expect(localeShape('ti').km).toBe('{n} ኪሜ');
  });
});
