/**
 * The national open data under `/data/`, assembled in one place from the validated register,
 * so the downloads, the sizes on the open-data page, the Data Package, the DCAT record and
 * the checksums all describe the very same bytes.
 *
 * Deterministic: the same export (and the same settings) gives byte-identical files. No date
 * in them comes from the build's clock: the export date is `REGISTER_EXPORT_DATE` when set,
 * else the newest decision date in the register.
 */
import { createHash } from 'node:crypto';
import { CHANGES_FILE, type ChangeLog } from '../register/changes.ts';
import {
  EXPORT_FILES,
  csvDownload,
  locationsGeoJson,
  publishedFileKeys,
  registerJson,
  registerRows,
  serializeRows,
  toCsv,
  type ExportFileKey,
  type Register,
} from '../register/index.ts';
import { tableSchema, type TableFile } from '../register/table-schema.ts';
import type { UIKey } from '../i18n/dictionary.ts';
// The two metadata languages directly, not through i18n/index.ts (which needs Vite), so
// scripts and benchmarks can assemble the open data in plain Node.
import nlTexts from '../i18n/dictionaries/nl.ts';
import enTexts from '../i18n/dictionaries/en.ts';
import { translator } from '../i18n/fill.ts';
import { formatDate } from '../i18n/format.ts';
import { paths } from './paths.ts';
import { EXTERNAL } from './external-links.ts';
import { changeLog, preparePublication, settingsFromEnv, type Publication } from './publication.ts';
import { getRegister } from './register.ts';

/**
 * The licence of the data. CC0 is what the Dutch government recommends for open data
 * (data.overheid.nl): anyone may reuse the register without conditions.
 */
export const LICENCE = {
  id: 'CC0-1.0',
  title: 'Creative Commons Zero v1.0 Universal',
  url: 'https://creativecommons.org/publicdomain/zero/1.0/',
  /** The form data.overheid.nl's licence list (DCAT-AP-DONL) uses. */
  donl: 'http://creativecommons.org/publicdomain/zero/1.0/deed.nl',
} as const;

/** One published file, with what every description of it needs. */
export interface OpenDataFile {
  /** Resource name in the Data Package: lower case, stable. */
  id: string;
  name: string;
  /** Dictionary key of its one-line description (the page, DCAT and the Data Package use it). */
  about: UIKey;
  mediaType: string;
  /** Format code of the EU file-type list, which DCAT-AP asks for. */
  euFormat: string;
  content: string;
  bytes: number;
  sha256: string;
}

/** One publication's open data: the files in page order, and the change log the pages and feeds show. */
export interface OpenData {
  exportDate: string;
  changes: ChangeLog;
  files: OpenDataFile[];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

function file(id: string, name: string, about: UIKey, mediaType: string, euFormat: string, content: string): OpenDataFile {
  return { id, name, about, mediaType, euFormat, content, bytes: Buffer.byteLength(content, 'utf8'), sha256: sha256(content) };
}

/** Dictionary keys of the export files' descriptions. */
const EXPORT_ABOUT: Record<ExportFileKey, UIKey> = {
  holders: 'openData.file.holders',
  locations: 'openData.file.locations',
  routes: 'openData.file.routes',
  profiles: 'openData.file.profiles',
  status_history: 'openData.file.statusHistory',
  courses: 'openData.file.courses',
  quality: 'openData.file.quality',
  classroom_visits: 'openData.file.classroomVisits',
};

/** The checksums file, in the format `sha256sum -c` reads. */
export const SUMS_FILE = 'SHA256SUMS.txt';

/** The columns of changes.csv, in its schema's order. */
export const CHANGE_COLUMNS = Object.keys(CHANGES_FILE.row.shape);

/** The JSON form of a change log (`changes.json`), with the same names as changes.csv. */
export function changesJson(log: ChangeLog): string {
  const doc = { basis: log.basis, ...(log.since ? { since: log.since } : {}), export_date: log.exportDate, changes: log.changes };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * Every file of /data/, in the order the open-data page lists them. `site` makes the DCAT
 * record's addresses absolute (`SITE_URL`); without it they are relative to the site.
 */
export function buildOpenData(register: Register, publication: Publication, site?: URL | string): OpenData {
  const { exportDate } = publication;
  const changes = changeLog(register, publication);
  const rows = registerRows(register);
  const files: OpenDataFile[] = publishedFileKeys(register).map((key) =>
    file(key, EXPORT_FILES[key].name, EXPORT_ABOUT[key], 'text/csv', 'CSV', csvDownload(serializeRows(key, rows[key]))),
  );
  files.push(
    file('register', 'register.json', 'openData.file.registerJson', 'application/json', 'JSON', registerJson(register, exportDate)),
    file('locations_geojson', 'locations.geojson', 'openData.file.geojson', 'application/geo+json', 'GEOJSON', locationsGeoJson(register)),
    file('changes', CHANGES_FILE.name, 'openData.file.changesCsv', 'text/csv', 'CSV', csvDownload(toCsv(CHANGE_COLUMNS, changes.changes))),
    file('changes_json', 'changes.json', 'openData.file.changesJson', 'application/json', 'JSON', changesJson(changes)),
  );
  // Each description covers the files before it; the checksums cover them all (`sha256sum -c SHA256SUMS.txt`).
  // `.txt` because an extensionless file is taken for a page by hosts with trailing-slash URLs (Astro's preview too).
  files.push(file('datapackage', 'datapackage.json', 'openData.file.datapackage', 'application/json', 'JSON', dataPackage(files, exportDate)));
  files.push(file('dcat', 'dcat.jsonld', 'openData.file.dcat', 'application/ld+json', 'JSON_LD', dcatRecord(files, exportDate, site)));
  files.push(file('sha256sums', SUMS_FILE, 'openData.file.sums', 'text/plain', 'TXT', files.map((f) => `${f.sha256}  ${f.name}\n`).join('')));
  return { exportDate, changes, files };
}

const cache = new Map<string, OpenData>();

/**
 * The open data of this build, computed once per site address. `scripts/build.ts` has
 * already checked the settings, so a problem here means `astro build` was run directly.
 */
export function getOpenData(site?: URL | string): OpenData {
  const key = site?.toString() ?? '';
  const hit = cache.get(key);
  if (hit) return hit;
  const register = getRegister();
  const prepared = preparePublication(register, settingsFromEnv());
  if (!prepared.ok) throw new Error(`the open data cannot be published:\n${prepared.errors.join('\n')}`);
  const data = buildOpenData(register, prepared.publication, site);
  cache.set(key, data);
  return data;
}

/** A dictionary text in Dutch and English, the two languages the metadata records carry. */
const METADATA = { nl: translator(nlTexts, 'nl'), en: translator(enTexts, 'en') };
const nl = (key: UIKey) => METADATA.nl(key);
const en = (key: UIKey) => METADATA.en(key);

/**
 * "Stand van het register: 6 november 2026." in Dutch or English: the same words as every
 * page's footer, so a download says as plainly as a page how current it is.
 */
export function asOfSentence(lang: 'nl' | 'en', exportDate: string): string {
  return `${METADATA[lang]('site.footer.asOf', { date: formatDate(lang, exportDate) })}.`;
}

/** The tables among the files, by file name: the export's files and changes.csv. */
const TABLES: Record<string, TableFile> = {
  ...Object.fromEntries(Object.values(EXPORT_FILES).map((f) => [f.name, f])),
  [CHANGES_FILE.name]: CHANGES_FILE,
};

/**
 * `datapackage.json`: a Frictionless Data Package (v2) with a Table Schema per CSV, derived
 * from the Zod schemas (src/register/table-schema.ts), and sizes and hashes of the files.
 */
function dataPackage(files: readonly OpenDataFile[], exportDate: string): string {
  const resources = files.map((f) => {
    const table = TABLES[f.name];
    return {
      name: f.id,
      path: f.name,
      ...(table ? { type: 'table' } : {}),
      title: f.name,
      description: en(f.about),
      format: f.name.slice(f.name.lastIndexOf('.') + 1),
      mediatype: f.mediaType,
      encoding: 'utf-8',
      bytes: f.bytes,
      hash: `sha256:${f.sha256}`,
      ...(table
        ? {
            dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
            schema: tableSchema(table),
          }
        : {}),
    };
  });
  const doc = {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'keurmerkregister-inburgeren',
    title: en('openData.dataset.title'),
    description: `${asOfSentence('en', exportDate)} ${en('openData.dataset.description')} ${en('openData.safety.body')}`,
    version: exportDate,
    created: `${exportDate}T00:00:00Z`,
    keywords: ['inburgering', 'Keurmerk Inburgeren', 'Blik op Werk', 'Wet inburgering 2021', 'B1-route', 'Z-route', 'language schools'],
    licenses: [{ name: LICENCE.id, path: LICENCE.url, title: LICENCE.title }],
    sources: [{ title: 'Keurmerk Inburgeren administration (Blik op Werk)', path: EXTERNAL.blikOpWerk }],
    resources,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/**
 * `dcat.jsonld`: a DCAT-AP catalogue record (JSON-LD) with one dataset and a distribution per
 * file, in the DCAT-AP-DONL shape data.overheid.nl harvests: Dutch and English texts, the EU
 * and OWMS value lists for language, theme, licence, format and frequency.
 */
function dcatRecord(files: readonly OpenDataFile[], exportDate: string, site?: URL | string): string {
  const iri = (path: string) => (site ? new URL(path, site).href : path);
  const catalogIri = iri(paths.dataFile('dcat.jsonld'));
  const texts = (key: UIKey) => [
    { '@value': nl(key), '@language': 'nl' },
    { '@value': en(key), '@language': 'en' },
  ];
  const date = { '@value': exportDate, '@type': 'xsd:date' };
  const publisher = { '@type': 'foaf:Agent', 'foaf:name': 'Blik op Werk', 'foaf:homepage': { '@id': EXTERNAL.blikOpWerk } };
  const licence = { '@id': LICENCE.donl };
  const distributions = files
    .filter((f) => f.name !== 'dcat.jsonld' && f.name !== SUMS_FILE)
    .map((f) => ({
      '@id': `${catalogIri}#${f.name}`,
      '@type': 'dcat:Distribution',
      'dct:title': f.name,
      'dct:description': texts(f.about),
      'dcat:accessURL': { '@id': iri(paths.dataFile(f.name)) },
      'dcat:downloadURL': { '@id': iri(paths.dataFile(f.name)) },
      'dcat:mediaType': { '@id': `http://www.iana.org/assignments/media-types/${f.mediaType}` },
      'dct:format': { '@id': `http://publications.europa.eu/resource/authority/file-type/${f.euFormat}` },
      'dcat:byteSize': { '@value': String(f.bytes), '@type': 'xsd:decimal' },
      'spdx:checksum': {
        '@type': 'spdx:Checksum',
        'spdx:algorithm': { '@id': 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256' },
        'spdx:checksumValue': { '@value': f.sha256, '@type': 'xsd:hexBinary' },
      },
      'dct:license': licence,
      'dct:modified': date,
      ...(f.name === 'datapackage.json' ? { 'dct:conformsTo': { '@id': 'https://datapackage.org/standard/data-package/' } } : {}),
      ...(f.mediaType === 'text/csv' ? { 'dct:conformsTo': { '@id': 'https://www.rfc-editor.org/rfc/rfc4180' } } : {}),
    }));
  const doc = {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      spdx: 'http://spdx.org/rdf/terms#',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': catalogIri,
    '@type': 'dcat:Catalog',
    'dct:title': texts('openData.dataset.title'),
    'dct:description': texts('openData.dataset.description'),
    'dct:publisher': publisher,
    'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/NLD' },
    'dct:modified': date,
    'foaf:homepage': { '@id': iri(paths.openData('nl')) },
    'dcat:dataset': {
      '@id': `${catalogIri}#dataset`,
      '@type': 'dcat:Dataset',
      'dct:identifier': `${catalogIri}#dataset`,
      'dct:title': texts('openData.dataset.title'),
      'dct:description': [
        { '@value': `${asOfSentence('nl', exportDate)} ${nl('openData.dataset.description')}`, '@language': 'nl' },
        { '@value': `${asOfSentence('en', exportDate)} ${en('openData.dataset.description')}`, '@language': 'en' },
      ],
      'dct:language': { '@id': 'http://publications.europa.eu/resource/authority/language/NLD' },
      'dct:license': licence,
      'dct:accessRights': { '@id': 'http://publications.europa.eu/resource/authority/access-right/PUBLIC' },
      'dct:publisher': publisher,
      'dct:creator': publisher,
      'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': 'Blik op Werk', 'vcard:hasURL': { '@id': EXTERNAL.blikOpWerk } },
      'dcat:theme': [
        { '@id': 'http://standaarden.overheid.nl/owms/terms/Migratie_en_integratie' },
        { '@id': 'http://publications.europa.eu/resource/authority/data-theme/EDUC' },
      ],
      'dcat:keyword': ['inburgering', 'Keurmerk Inburgeren', 'taalschool', 'B1-route', 'Z-route', 'Wet inburgering 2021'].map((k) => ({ '@value': k, '@language': 'nl' })),
      'dcat:landingPage': { '@id': iri(paths.openData('nl')) },
      'dct:spatial': { '@id': 'http://standaarden.overheid.nl/owms/terms/Nederland' },
      'dct:accrualPeriodicity': { '@id': 'http://publications.europa.eu/resource/authority/frequency/IRREG' },
      'dct:modified': date,
      'dcat:distribution': distributions,
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
