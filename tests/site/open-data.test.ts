/**
 * The open data as one set: the Data Package holds over its own files (sizes, hashes, every
 * cell, keys and references), the CSVs are the register, SHA256SUMS and the DCAT record
 * describe the same bytes, and the same input gives the same bytes whatever the clock says.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXPORT_FILES, countRegister, type Register } from '../../src/register/index.ts';
import { registerJson } from '../../src/register/serialize.ts';
import { buildOpenData, type OpenData } from '../../src/site/open-data.ts';
import { preparePublication, type OpenDataSettings } from '../../src/site/publication.ts';
import { generateRegister } from '../../scripts/generate-register.ts';
import { checkDataPackage, type DataPackage } from '../support/data-package.ts';
import { TMP } from '../support/site.ts';
import { loadRegister, registerFromCsv } from '../support/register.ts';

const load = (path: string): Register => loadRegister(fileURLToPath(new URL(path, import.meta.url)));
const fromFiles = registerFromCsv;

function publish(register: Register, settings: OpenDataSettings = {}, site?: string): OpenData {
  const prepared = preparePublication(register, settings);
  if (!prepared.ok) throw new Error(prepared.errors.join('\n'));
  return buildOpenData(register, prepared.publication, site);
}

const contents = (data: OpenData) => Object.fromEntries(data.files.map((f) => [f.name, f.content]));

const registers: [string, () => Register][] = [
  ['the sample', () => load('../../data/')],
  ['the hostile fixture', () => load('../fixtures/hostile/')],
  ['a generated register (scale 1)', () => fromFiles(generateRegister({ scale: 1, seed: 11 }))],
];

afterEach(() => {
  vi.useRealTimers();
});

/**
 * The mandatory properties of DCAT-AP-NL 3.0 (Geonovum, docs.geostandaarden.nl/dcat/dcat-ap-nl30,
 * the class tables of its "Klassen" and "Ondersteunende klassen" chapters: cardinality 1..1 or
 * 1..n) for the classes the record uses, by full IRI; `one` for 1..1.
 */
const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const MANDATORY: Record<string, { property: string; one?: boolean }[]> = {
  [`${DCAT}Catalog`]: [
    { property: `${DCAT}contactPoint`, one: true },
    { property: `${DCAT}dataset` },
    { property: `${DCT}description` },
    { property: `${DCT}publisher`, one: true },
    { property: `${DCT}title` },
  ],
  [`${DCAT}Dataset`]: [
    { property: `${DCT}accessRights`, one: true },
    { property: `${DCAT}contactPoint` },
    { property: `${DCT}creator` },
    { property: `${DCT}description` },
    { property: `${DCT}identifier`, one: true },
    { property: `${DCT}publisher`, one: true },
    { property: `${DCAT}theme` },
    { property: `${DCT}title` },
  ],
  [`${DCAT}Distribution`]: [
    { property: `${DCAT}accessURL`, one: true },
    { property: `${DCT}license`, one: true },
  ],
  [`${DCAT}DataService`]: [
    { property: `${DCT}accessRights`, one: true },
    { property: `${DCAT}contactPoint` },
    { property: `${DCT}description` },
    { property: `${DCAT}endpointDescription`, one: true },
    { property: `${DCAT}endpointURL`, one: true },
    { property: `${DCT}identifier`, one: true },
    { property: `${DCT}license`, one: true },
    { property: `${DCT}publisher`, one: true },
    { property: `${DCAT}theme` },
    { property: `${DCT}title` },
  ],
  [`${FOAF}Agent`]: [{ property: `${FOAF}name` }],
  ['http://spdx.org/rdf/terms#Checksum']: [
    { property: 'http://spdx.org/rdf/terms#algorithm', one: true },
    { property: 'http://spdx.org/rdf/terms#checksumValue', one: true },
  ],
};

/** The JSON-LD record as nodes with full IRIs (a small expansion of the record's own context: prefixes, no remote contexts). */
function nodesOf(doc: Record<string, unknown>): Node[] {
  const context = doc['@context'] as Record<string, string>;
  const full = (term: string) => {
    const [prefix, local] = term.split(':') as [string, string | undefined];
    return local !== undefined && context[prefix] ? `${context[prefix]}${local}` : term;
  };
  const nodes: Node[] = [];
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== 'object') return value;
    const object = value as Record<string, unknown>;
    if ('@value' in object) return object;
    const node: Node = { types: [object['@type']].flat().filter(Boolean).map((t) => full(t as string)), properties: new Map() };
    for (const [key, child] of Object.entries(object)) {
      if (key.startsWith('@')) continue;
      node.properties.set(full(key), [child].flat().map(walk));
    }
    if (node.types.length > 0) nodes.push(node);
    return object['@id'] ? { '@id': object['@id'] } : node;
  };
  walk(Object.fromEntries(Object.entries(doc).filter(([k]) => k !== '@context')));
  return nodes;
}
interface Node {
  types: string[];
  properties: Map<string, unknown[]>;
}

/** Every mandatory property of DCAT-AP-NL 3.0 the record lacks (or states more than once where once is the rule). */
function missingMandatory(record: Record<string, unknown>): string[] {
  const nodes = nodesOf(record);
  const problems: string[] = [];
  for (const [type, properties] of Object.entries(MANDATORY)) {
    const instances = nodes.filter((n) => n.types.includes(type));
    if (instances.length === 0) problems.push(`no ${type}`);
    for (const node of instances) {
      for (const { property, one } of properties) {
        const values = (node.properties.get(property) ?? []).filter((v) => v !== '' && v !== null && v !== undefined);
        if (values.length === 0) problems.push(`${type} without ${property}`);
        else if (one && values.length > 1) problems.push(`${type} with ${values.length} values of ${property}, where the profile allows one`);
      }
    }
  }
  return problems;
}

describe.each(registers)('the open data of %s', (_, make) => {
  const register = make();
  const data = publish(register);
  const files = contents(data);
  const pkg = JSON.parse(files['datapackage.json']!) as DataPackage & Record<string, unknown>;

  it('datapackage.json holds over its files: sizes, hashes, types, constraints, keys, references', () => {
    expect(checkDataPackage(pkg, files)).toEqual([]);
  });

  it('describes every file but itself, the DCAT record and the checksums, with a Table Schema per CSV', () => {
    const described = pkg.resources.map((r) => r.path);
    expect(described).toEqual(data.files.map((f) => f.name).filter((n) => !['datapackage.json', 'dcat.jsonld', 'dcat-ap-nl.jsonld', 'SHA256SUMS.txt'].includes(n)));
    for (const r of pkg.resources) expect(Boolean(r.schema), r.path).toBe(r.path.endsWith('.csv'));
    expect(pkg.licenses).toEqual([expect.objectContaining({ name: 'CC0-1.0' })]);
  });

  it('the CSVs hold exactly the register’s rows and read back as the same register', () => {
    const counts = countRegister(register);
    const rows = (name: string) => files[name]!.split('\r\n').length - 2; // header, and the empty string after the last CRLF
    // The version-2 files are published only when the export had them.
    const csv = Object.fromEntries(Object.values(EXPORT_FILES).flatMap((f) => (files[f.name] === undefined ? [] : [[f.name, files[f.name]!]])));
    expect(files['quality.csv'] !== undefined).toBe(register.published.quality);
    expect(files['classroom_visits.csv'] !== undefined).toBe(register.published.classroomVisits);
    expect(files['courses.csv'] !== undefined).toBe(register.published.courses);
    if (register.published.quality) expect(rows('quality.csv')).toBe(counts.assessments);
    if (register.published.classroomVisits) expect(rows('classroom_visits.csv')).toBe(counts.classroomVisits);
    // Multi-line values would break this count; the sample and the fixtures have none in these files.
    expect([rows('holders.csv'), rows('locations.csv'), rows('routes.csv'), rows('profiles.csv'), rows('status_history.csv')]).toEqual([
      counts.holders, counts.locations, counts.routes, counts.profiles, counts.statusEvents,
    ]);
    expect(fromFiles(csv)).toEqual(register);
  });

  it('the national CSV downloads start with a byte order mark, so Excel reads them as UTF-8', () => {
    for (const f of data.files.filter((f) => f.name.endsWith('.csv'))) expect(f.content.startsWith('\uFEFF'), f.name).toBe(true);
    for (const f of data.files.filter((f) => !f.name.endsWith('.csv'))) expect(f.content.startsWith('\uFEFF'), f.name).toBe(false);
  });

  it('the metadata says how current the register is, in the words of the pages', () => {
    const dcat = JSON.parse(files['dcat.jsonld']!);
    const described = (lang: string) => dcat['dcat:dataset']['dct:description'].find((d: { '@language': string }) => d['@language'] === lang)['@value'];
    const nlDate = new Intl.DateTimeFormat('nl', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${data.exportDate}T00:00:00Z`));
    const enDate = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${data.exportDate}T00:00:00Z`));
    expect(described('nl')).toMatch(new RegExp(`^Stand van het register: ${nlDate}\\. `));
    expect(described('en')).toMatch(new RegExp(`^Register as of ${enDate}\\. `));
    expect(pkg.description).toMatch(new RegExp(`^Register as of ${enDate}\\. `));
  });

  it('SHA256SUMS lists every other file with its SHA-256', () => {
    const lines = files['SHA256SUMS.txt']!.trimEnd().split('\n');
    expect(lines).toEqual(data.files.filter((f) => f.name !== 'SHA256SUMS.txt').map((f) => `${f.sha256}  ${f.name}`));
  });

  it('the DCAT record has one dataset with a distribution per file, each with its size, checksum, format and licence', () => {
    const dcat = JSON.parse(publish(register, {}, 'https://register.example/').files.find((f) => f.name === 'dcat.jsonld')!.content);
    expect(dcat['@type']).toBe('dcat:Catalog');
    const dataset = dcat['dcat:dataset'];
    expect(dataset['@type']).toBe('dcat:Dataset');
    for (const key of ['dct:identifier', 'dct:title', 'dct:description', 'dct:language', 'dct:license', 'dct:publisher', 'dcat:contactPoint', 'dcat:theme', 'dct:modified', 'dct:accessRights']) {
      expect(dataset[key], key).toBeDefined();
    }
    expect(dataset['dct:title'].map((t: { '@language': string }) => t['@language'])).toEqual(['nl', 'en']);
    const distributions = dataset['dcat:distribution'] as Record<string, { '@id'?: string; '@value'?: string } & Record<string, unknown>>[];
    const published = data.files.filter((f) => !f.name.endsWith('.jsonld') && f.name !== 'SHA256SUMS.txt');
    expect(distributions.map((d) => d['dct:title'])).toEqual(published.map((f) => f.name));
    distributions.forEach((d, i) => {
      const file = published[i]!;
      expect(d['dcat:downloadURL']!['@id']).toBe(`https://register.example/data/${file.name}`);
      expect(d['dcat:byteSize']!['@value']).toBe(String(file.bytes));
      expect((d['spdx:checksum'] as unknown as { 'spdx:checksumValue': { '@value': string } })['spdx:checksumValue']['@value']).toBe(file.sha256);
      expect(d['dct:format']!['@id']).toMatch(/^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/[A-Z_]+$/);
      expect(d['dct:license']).toBeDefined();
    });
  });

  it('the DCAT-AP-NL 3.0 record has every property the profile makes mandatory, for every class it uses', () => {
    const record = JSON.parse(publish(register, {}, 'https://register.example/').files.find((f) => f.name === 'dcat-ap-nl.jsonld')!.content);
    expect(missingMandatory(record)).toEqual([]);
    // The check can fail: a dataset without its identifier, a distribution with two licences.
    const broken = structuredClone(record);
    delete broken['dcat:dataset']['dct:identifier'];
    broken['dcat:dataset']['dcat:distribution'][0]['dct:license'] = [{ '@id': 'https://a.example/' }, { '@id': 'https://b.example/' }];
    delete broken['dcat:service']['dcat:endpointDescription'];
    expect(missingMandatory(broken)).toEqual([
      'http://www.w3.org/ns/dcat#Dataset without http://purl.org/dc/terms/identifier',
      'http://www.w3.org/ns/dcat#Distribution with 2 values of http://purl.org/dc/terms/license, where the profile allows one',
      'http://www.w3.org/ns/dcat#DataService without http://www.w3.org/ns/dcat#endpointDescription',
    ]);
  });

  it('the DCAT-AP-NL 3.0 record states its profile, takes values from the EU lists, and describes every file and the API', () => {
    const record = JSON.parse(publish(register, {}, 'https://register.example/').files.find((f) => f.name === 'dcat-ap-nl.jsonld')!.content);
    expect(record['dcat:record']['dct:conformsTo']['@id']).toBe('https://docs.geostandaarden.nl/dcat/dcat-ap-nl30/');
    const dataset = record['dcat:dataset'];
    const EU = 'http://publications.europa.eu/resource/authority/';
    for (const theme of dataset['dcat:theme']) expect(theme['@id']).toMatch(new RegExp(`^${EU}data-theme/[A-Z]{4}$`));
    expect(dataset['dct:accessRights']['@id']).toBe(`${EU}access-right/PUBLIC`);
    const published = data.files.filter((f) => !f.name.endsWith('.jsonld') && f.name !== 'SHA256SUMS.txt');
    const distributions = dataset['dcat:distribution'] as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(distributions.map((d) => d['dct:title'])).toEqual(published.map((f) => f.name));
    distributions.forEach((d, i) => {
      expect(d['dcat:accessURL']['@id']).toBe(`https://register.example/data/${published[i]!.name}`);
      expect(d['dcat:byteSize']).toEqual({ '@value': String(published[i]!.bytes), '@type': 'xsd:nonNegativeInteger' });
      expect(d['spdx:checksum']['spdx:checksumValue']['@value']).toBe(published[i]!.sha256);
      expect(d['dct:format']['@id']).toMatch(new RegExp(`^${EU}file-type/[A-Z_]+$`));
    });
    const service = record['dcat:service'];
    expect(service['dcat:endpointURL']['@id']).toBe('https://register.example/api/v1');
    expect(service['dcat:endpointDescription']['@id']).toBe('https://register.example/api/v1/openapi.json');
    expect(service['dcat:servesDataset']['@id']).toBe(dataset['@id']);
    // The older DCAT-AP-DONL record stays, for the harvesters that read it.
    expect(data.files.map((f) => f.name)).toEqual(expect.arrayContaining(['dcat.jsonld', 'dcat-ap-nl.jsonld']));
  });

  it('the same input gives the same bytes, whatever the clock says', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2031-07-04T12:34:56Z'));
    const later = contents(publish(make()));
    // A clock before the register's own decisions would refuse them as dated in the future
    // (tests/site/publication-guard.test.ts); any clock after them gives the same bytes.
    vi.setSystemTime(new Date('2027-01-02T00:00:00Z'));
    const earlier = contents(publish(make()));
    expect(later).toEqual(files);
    expect(earlier).toEqual(files);
  });
});

describe('the Data Package checker', () => {
  const data = publish(load('../fixtures/hostile/'));
  const files = contents(data);
  const pkg = JSON.parse(files['datapackage.json']!) as DataPackage;

  it('finds a reference to nothing, a broken pattern and a changed byte', () => {
    const broken = { ...files, 'locations.csv': files['locations.csv']!.replace('KH-XSS1', 'KH-NONE') };
    const problems = checkDataPackage(pkg, broken);
    expect(problems.some((p) => p.includes('not found in holders.csv'))).toBe(true);
    expect(problems.some((p) => p.startsWith('locations.csv: hash is wrong'))).toBe(true);
    const badPostcode = { ...files, 'locations.csv': files['locations.csv']!.replace(/,(\d{4}) ([A-Z]{2}),/, ',$1$2,') };
    expect(checkDataPackage(pkg, badPostcode).some((p) => p.includes('postcode') && p.includes('does not match'))).toBe(true);
  });
});

describe('spreadsheet safety in the Table Schemas', () => {
  const pkg = JSON.parse(contents(publish(load('../fixtures/hostile/')))['datapackage.json']!) as DataPackage;
  const field = (resource: string, name: string) =>
    pkg.resources.find((r) => r.name === resource)!.schema!.fields.find((f) => f.name === name)!;

  it('allow the apostrophe only where a value can start with = + - or @', () => {
    expect(field('holders', 'phone').constraints!.pattern).toBe("'?([0-9 +()-]+)");
    expect(field('holders', 'trade_name').constraints!.maxLength).toBe(201);
    expect(field('holders', 'kvk_number').constraints!.pattern).toBe('\\d{8}');
    expect(field('locations', 'postcode').constraints!.pattern).toBe('[1-9][0-9]{3} [A-Z]{2}');
    expect(field('locations', 'latitude')).toMatchObject({ type: 'number', constraints: { minimum: 50.7, maximum: 53.7 } });
    expect(field('holders', 'distance_learning')).toMatchObject({ type: 'boolean', trueValues: ['true'], falseValues: ['false'] });
  });
});

describe('publication settings', () => {
  const register = load('../../data/');
  const dir = join(TMP, 'open-data-settings');
  mkdirSync(dir, { recursive: true });
  // Every previous register.json has its change log beside it, as a publication writes them.
  writeFileSync(join(dir, 'changes.json'), JSON.stringify({ basis: 'history', export_date: '2020-01-01', changes: [] }));

  it('the export date is the newest date in the register, or REGISTER_EXPORT_DATE', () => {
    const prepared = preparePublication(register, {});
    const newest = register.holders.flatMap((h) => [h.status_since, ...h.history.map((e) => e.effective_from)]).sort().at(-1);
    expect(prepared.ok && prepared.publication.exportDate).toBe(newest);
    // A date after today is nonsense (tests/site/publication-guard.test.ts), so "today" is set here.
    const set = preparePublication(register, { exportDate: '2030-01-31', today: '2030-02-01' });
    expect(set.ok && set.publication.exportDate).toBe('2030-01-31');
    expect(JSON.parse(publish(register, { exportDate: '2030-01-31', today: '2030-02-01' }).files.find((f) => f.name === 'register.json')!.content).export_date).toBe('2030-01-31');
  });

  it('a date that is not a real date is refused', () => {
    const prepared = preparePublication(register, { exportDate: '2030-02-30' });
    expect(prepared.ok).toBe(false);
    expect(!prepared.ok && prepared.errors).toEqual([expect.stringMatching(/^REGISTER_EXPORT_DATE: .*"2030-02-30"/)]);
  });

  it('a previous register.json that lacks nothing is read and compared with', () => {
    const path = join(dir, 'register.json');
    writeFileSync(path, registerJson(register, '2020-01-01'));
    const prepared = preparePublication(register, { previousPath: path });
    expect(prepared.ok && prepared.publication.previous?.exportDate).toBe('2020-01-01');
    const data = publish(register, { previousPath: path });
    expect(data.changes).toMatchObject({ basis: 'previous', since: '2020-01-01', changes: [] });
  });

  it('the previous change log beside register.json is carried forward, and a broken one stops the publication', () => {
    const folder = join(dir, 'with-log');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'register.json'), registerJson(register, '2020-01-01'));
    const closed = { date: '2020-01-01', change: 'location_closed', holder_id: register.holders[0]!.holder_id, holder_name: 'Oude naam', location_id: 'V-WEG', location_name: 'Gesloten vestiging', city: 'Assen', municipality_code: 'GM0106' };
    writeFileSync(join(folder, 'changes.json'), JSON.stringify({ basis: 'history', export_date: '2020-01-01', changes: [closed] }));
    const data = publish(register, { previousPath: join(folder, 'register.json') });
    expect(data.changes.changes).toEqual([closed]);
    expect(data.files.find((f) => f.name === 'changes.csv')!.content).toContain('V-WEG');

    writeFileSync(join(folder, 'changes.json'), JSON.stringify({ changes: [{ ...closed, change: 'vanished' }] }));
    const prepared = preparePublication(register, { previousPath: join(folder, 'register.json') });
    expect(!prepared.ok && prepared.errors[0]).toMatch(/^REGISTER_PREVIOUS: .*changes\.json: cannot be read as a previous changes\.json: changes\.0\.change: /);
  });

  it('a holder of the previous publication that the export lacks stops the publication, by name', () => {
    const path = join(dir, 'register-plus.json');
    const doc = JSON.parse(registerJson(register, '2020-01-01'));
    doc.holders.push({ holder_id: 'KH-GONE', name: 'Verdwenen Taalschool', keurmerk_status: 'geschorst', status_since: '2019-05-01', laws: ['wi2021'], locations: [], history: [] });
    writeFileSync(path, JSON.stringify(doc));
    const prepared = preparePublication(register, { previousPath: path });
    expect(!prepared.ok && prepared.errors).toEqual([expect.stringMatching(/^holders\.csv: holder_id: Verdwenen Taalschool was in the publication of 2020-01-01 .*\(got "KH-GONE"\)$/)]);
  });

  it('a previous file that is not a published register.json is refused with the reason', () => {
    const path = join(dir, 'not-a-register.json');
    writeFileSync(path, '{"holders": 3}');
    const prepared = preparePublication(register, { previousPath: path });
    expect(!prepared.ok && prepared.errors[0]).toMatch(/^REGISTER_PREVIOUS: .*not-a-register\.json: cannot be read/);
    expect(preparePublication(register, { previousPath: join(dir, 'absent.json') }).ok).toBe(false);
  });
});
