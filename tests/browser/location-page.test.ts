/**
 * A location page names each offer one way: the offer list, the course list and every other
 * place on the page say "Wi2013 profile: Little schooling (laag)" in English and the Arabic
 * label in Arabic. Two `offerLabel`s once put "Wi2013: …" beside "Wi2013 profile: …" on one
 * English page, and an untranslated "Wi2013:" on Arabic pages. Read from the built sample's
 * HTML (no browser needed), for every location that offers a Wi2013 profile.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import ar from '../../src/i18n/dictionaries/ar.ts';
import en from '../../src/i18n/dictionaries/en.ts';
import { translator } from '../../src/i18n/fill.ts';
import { codeLabel, offerLabel } from '../../src/i18n/labels.ts';
import type { Profile } from '../../src/register/index.ts';
import { loadRegister } from '../support/register.ts';
import { ROOT } from '../support/site.ts';

const out = inject('sampleOut');
const register = loadRegister(resolve(ROOT, 'data'));

/** The page's text nodes, entities decoded: what a reader sees, without tags and attributes. */
function pageText(html: string): string {
  const body = html.slice(html.indexOf('<body'));
  return body
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    // A Dutch term marked lang="nl" inside a label is part of the label's text.
    .replace(/<span lang="nl">([^<]*)<\/span>/g, '$1')
    .replace(/<[^>]*>/g, '\n')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const count = (text: string, part: string) => text.split(part).length - 1;

// Locations whose page names a profile in the offer list and again in the course list.
const withProfiles = register.locations.filter((l) => l.profiles.length > 0 && l.courses.some((c) => l.profiles.some((p) => p.profile === c.offer)));

describe('location page: one label per offer', () => {
  it('has locations that name a profile twice on their page (else this test checks nothing)', () => {
    expect(withProfiles.length).toBeGreaterThan(0);
  });

  for (const [lang, dictionary] of [['en', en], ['ar', ar]] as const) {
    it(`in ${lang}, every mention of a profile is that profile's one offer label`, () => {
      const t = translator(dictionary, lang);
      const wrong: string[] = [];
      let inBothLists = 0;
      for (const location of withProfiles) {
        const text = pageText(readFileSync(join(out, lang, 'vestiging', location.location_id, 'index.html'), 'utf8'));
        const profiles = new Set<Profile>([...location.profiles.map((p) => p.profile)]);
        for (const profile of profiles) {
          const label = offerLabel(t, profile);
          const mentions = count(text, codeLabel(t, 'profile', profile));
          const labelled = count(text, label);
          // The offer list names it; the course list again where a course of it is upcoming or running.
          if (labelled < 1 || mentions !== labelled) wrong.push(`${location.location_id} ${profile}: "${label}" ${labelled} of ${mentions} mentions`);
          if (labelled >= 2) inBothLists += 1;
        }
      }
      expect(wrong).toEqual([]);
      expect(inBothLists).toBeGreaterThan(0);
    });
  }
});
