/**
 * The static JSON API: every document validates against the JSON Schema published beside it
 * (checked with Ajv, an independent JSON Schema validator, not with the Zod schemas the
 * JSON Schemas came from), the index lists every holder and location with the hash of the
 * bytes served, and the documents carry codes, never labels.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { exportDateOf, type Register } from '../../src/register/index.ts';
import { buildApi } from '../../src/site/api.ts';
import { generatedRegister, loadRegister } from '../support/register.ts';
import { ROOT } from '../support/site.ts';

const load = (dir: string): Register => loadRegister(resolve(ROOT, dir));

const registers: [string, () => Register][] = [
  ['the sample in data/', () => load('data')],
  ['the hostile fixture (no courses.csv)', () => load('tests/fixtures/hostile')],
  ['a generated register (scale 1)', () => generatedRegister({ scale: 1, seed: 3 })],
];

describe.each(registers)('the API of %s', (_, make) => {
  const register = make();
  const api = buildApi(register, exportDateOf(register));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  const schema = (kind: keyof typeof api.schemas) => ajv.compile(JSON.parse(api.schemas[kind]));

  it('every location document validates against vestiging.schema.json', () => {
    const validate = schema('vestiging');
    for (const [id, text] of api.locations) {
      const ok = validate(JSON.parse(text));
      expect(ok ? [] : validate.errors, id).toEqual([]);
    }
  });

  it('every holder document validates against aanbieder.schema.json', () => {
    const validate = schema('aanbieder');
    for (const [id, text] of api.holders) {
      const ok = validate(JSON.parse(text));
      expect(ok ? [] : validate.errors, id).toEqual([]);
    }
  });

  it('index.json validates, lists every holder and location once, with the URL and hash of the bytes served', () => {
    const validate = schema('index');
    const index = JSON.parse(api.index);
    expect(validate(index) ? [] : validate.errors).toEqual([]);
    expect(index.holders.map((h: { id: string }) => h.id)).toEqual(register.holders.map((h) => h.holder_id));
    expect(index.locations.map((l: { id: string }) => l.id)).toEqual(register.locations.map((l) => l.location_id));
    for (const entry of index.locations) {
      expect(entry.url).toBe(`/api/v1/vestiging/${entry.id}.json`);
      expect(entry.sha256).toBe(createHash('sha256').update(api.locations.get(entry.id)!, 'utf8').digest('hex'));
    }
    for (const entry of index.holders) {
      expect(entry.url).toBe(`/api/v1/aanbieder/${entry.id}.json`);
      expect(entry.sha256).toBe(createHash('sha256').update(api.holders.get(entry.id)!, 'utf8').digest('hex'));
    }
  });

  it('a document that breaks its schema is refused (the check can fail)', () => {
    const validate = schema('vestiging');
    const doc = JSON.parse(api.locations.values().next().value!);
    expect(validate({ ...doc, holder: { ...doc.holder, keurmerk_status: 'Keurmerk (bepaalde tijd)' } })).toBe(false);
    expect(validate({ ...doc, postcode: '1234ab' })).toBe(false);
    expect(validate({ ...doc, extra: 'personal data' })).toBe(false);
  });

  it('says whether the course planning was published, and keeps ended courses with their phase', () => {
    const docs = [...api.locations.values()].map((t) => JSON.parse(t));
    expect(docs.every((d) => d.courses_published === register.published.courses)).toBe(true);
    const courses = register.locations.reduce((n, l) => n + l.courses.length, 0);
    expect(docs.reduce((n, d) => n + d.courses.length, 0)).toBe(courses);
  });
});

describe('the sample API', () => {
  it('holds ended, running and upcoming courses, and links to the pages in every language', () => {
    const register = load('data');
    const api = buildApi(register, exportDateOf(register));
    const phases = new Set([...api.locations.values()].flatMap((t) => JSON.parse(t).courses.map((c: { phase: string }) => c.phase)));
    expect(phases).toEqual(new Set(['ended', 'running', 'upcoming']));
    const doc = JSON.parse(api.locations.get(register.locations[0]!.location_id)!);
    expect(Object.keys(doc.pages)).toEqual(['nl', 'en', 'ar', 'tr', 'uk', 'fa', 'ti', 'so', 'ps']);
    expect(doc.pages.ar).toBe(`/ar/vestiging/${doc.location_id}/`);
  });
});
