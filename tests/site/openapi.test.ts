/**
 * The OpenAPI description of the static JSON API (`/api/v1/openapi.json`): valid OpenAPI 3.1
 * by an independent validator, 0 findings of Spectral with the repository's ruleset (the Dutch
 * API Design Rules a static API can meet, scripts/lib/api-design-rules.ts), each of those rules
 * able to fail, every example valid against its schema, the schemas the very ones published
 * beside the documents, and every file a build writes under /api/ described by a path and
 * valid against that path's schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import spectralCore from '@stoplight/spectral-core';
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDateOf } from '../../src/register/index.ts';
import { API_BASE, API_RELEASE } from '../../src/register/api-schema.ts';
import { buildApi } from '../../src/site/api.ts';
import { API_DESIGN_RULES } from '../../scripts/lib/api-design-rules.ts';
import { loadRegister } from '../support/register.ts';
import { builtSite, HOSTILE_SITE, ROOT } from '../support/site.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const sample = loadRegister(resolve(ROOT, 'data'));
const api = buildApi(sample, exportDateOf(sample));
const description = JSON.parse(api.openapi) as Json;

async function lint(doc: unknown) {
  const spectral = new spectralCore.Spectral();
  spectral.setRuleset(API_DESIGN_RULES);
  return spectral.run(JSON.stringify(doc, null, 2));
}

/** Ajv with the description's component schemas, so `#/components/schemas/X` resolves. */
function schemaValidator(doc: Json): (schema: Json) => ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'https://openapi.invalid/description', components: doc.components });
  return (schema) =>
    schema.$ref?.startsWith('#/components/') ? ajv.getSchema(`https://openapi.invalid/description${schema.$ref}`)! : ajv.compile(schema);
}

/** Every (path, status, media type object) of the description's GET operations. */
function responses(doc: Json): { path: string; status: string; media: Json }[] {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    Object.entries(item.get.responses as Json).flatMap(([status, response]) =>
      Object.values((response as Json).content ?? {}).map((media) => ({ path, status, media: media as Json })),
    ),
  );
}

describe('the OpenAPI description', () => {
  it('is valid OpenAPI 3.1 by an independent validator', async () => {
    expect(description.openapi).toBe('3.1.0');
    const result = await new Validator().validate(structuredClone(description));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('has 0 Spectral findings with the repository ruleset (Dutch API Design Rules)', async () => {
    const findings = await lint(description);
    expect(findings.map((f) => `${f.code} (${f.severity}) at ${f.path.join('.')}: ${f.message}`)).toEqual([]);
  });

  it('each design rule of the ruleset fails on a description that breaks it', async () => {
    const broken = structuredClone(description);
    broken.servers[0].url = '/api/';
    broken.info.version = '1.0';
    broken.paths['/index.json/'] = broken.paths['/index.json'];
    delete broken.paths['/index.json'];
    delete broken.paths['/openapi.json'];
    delete broken.paths['/index.json/'].get.responses['200'].headers['API-Version'];
    delete broken.info.contact.url;
    delete broken.info.license;
    broken.openapi = '2.0';
    const codes = new Set((await lint(broken)).filter((f) => f.severity === 0).map((f) => String(f.code)));
    for (const rule of Object.keys(API_DESIGN_RULES.rules)) expect(codes, rule).toContain(rule);
  });

  it('describes every kind of document with its path template, contact and licence, at version API_RELEASE', () => {
    expect(Object.keys(description.paths).sort()).toEqual(
      ['/aanbieder/{holder_id}.json', '/index.json', '/openapi.json', '/schema/{kind}.schema.json', '/vestiging/{location_id}.json'].sort(),
    );
    expect(description.servers).toEqual([expect.objectContaining({ url: API_BASE })]);
    expect(description.info.version).toBe(API_RELEASE);
    expect(description.info.contact).toEqual(expect.objectContaining({ name: expect.any(String), url: expect.stringMatching(/^https:\/\//) }));
    expect(description.info.license.url).toBe('https://creativecommons.org/publicdomain/zero/1.0/');
  });

  it('uses the same schemas as the JSON Schemas published beside the documents (one source)', () => {
    const published = (kind: keyof typeof api.schemas) => {
      const { $schema: _, ...rest } = JSON.parse(api.schemas[kind]);
      return rest;
    };
    expect(description.components.schemas.Location).toEqual(published('vestiging'));
    expect(description.components.schemas.Holder).toEqual(published('aanbieder'));
    expect(description.components.schemas.Index).toEqual(published('index'));
  });

  it('has an example from the sample register for every document kind, and each validates against its schema', () => {
    const validator = schemaValidator(description);
    const examples = responses(description).flatMap(({ path, media }) => Object.values(media.examples ?? {}).map((example) => ({ path, media, value: (example as Json).value })));
    expect(examples.map((e) => e.path).sort()).toEqual(['/aanbieder/{holder_id}.json', '/index.json', '/vestiging/{location_id}.json']);
    for (const { path, media, value } of examples) {
      const validate = validator(media.schema);
      expect(validate(value) ? [] : validate.errors, path).toEqual([]);
      // The examples are the register's own documents, not made up.
      if (path.startsWith('/vestiging/')) expect(JSON.parse(api.locations.get(value.location_id)!)).toEqual(value);
      if (path.startsWith('/aanbieder/')) expect(JSON.parse(api.holders.get(value.holder_id)!)).toEqual(value);
    }
    // A broken example is refused: the check can fail.
    const location = examples.find((e) => e.path.startsWith('/vestiging/'))!;
    expect(validator(location.media.schema)({ ...location.value, postcode: '1234ab' })).toBe(false);
  });
});

describe('every file a build writes under /api/', () => {
  let out: string;
  beforeAll(async () => {
    out = await builtSite(HOSTILE_SITE);
  }, 600_000);

  it('matches a path of the description and validates against its schema', () => {
    const built = JSON.parse(readFileSync(join(out, 'api/v1/openapi.json'), 'utf8')) as Json;
    const validator = schemaValidator(built);
    const templates = Object.keys(built.paths).map((template) => ({
      template,
      test: new RegExp(`^${built.servers[0].url}${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
      schema: built.paths[template].get.responses['200'].content['application/json'].schema as Json,
    }));
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) walk(join(dir, entry.name));
        else files.push(`/${relative(out, join(dir, entry.name)).split(sep).join('/')}`);
      }
    };
    walk(join(out, 'api'));
    expect(files.length).toBeGreaterThan(10);
    const problems: string[] = [];
    const used = new Set<string>();
    for (const file of files) {
      const match = templates.find((t) => t.test.test(file));
      if (!match) {
        problems.push(`${file}: no path of the description`);
        continue;
      }
      used.add(match.template);
      const validate = validator(match.schema);
      if (!validate(JSON.parse(readFileSync(join(out, file), 'utf8')))) problems.push(`${file}: ${JSON.stringify(validate.errors)}`);
    }
    expect(problems).toEqual([]);
    expect([...used].sort()).toEqual(Object.keys(built.paths).sort());
  });
});
