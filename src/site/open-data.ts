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
  files.push(file('dcat_ap_nl', DCAT_AP_NL_FILE, 'openData.file.dcatApNl', 'application/ld+json', 'JSON_LD', dcatApNlRecord(files, exportDate, site)));
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

/** The Dutch keywords of the dataset, in both DCAT records. */
const DATASET_KEYWORDS = ['inburgering', 'Keurmerk Inburgeren', 'taalschool', 'B1-route', 'Z-route', 'Wet inburgering 2021'];

/** The JSON-LD prefixes of both DCAT records. */
const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  spdx: 'http://spdx.org/rdf/terms#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

/** The EU Publications Office's authority tables (file type, language, theme, …), which DCAT-AP asks for. */
const EU = 'http://publications.europa.eu/resource/authority';

/** What both DCAT records say the same way: addresses, bilingual texts, the date, the publisher, a file. */
function dcatParts(exportDate: string, site: URL | string | undefined, licence: { '@id': string }) {
  const iri = (path: string) => (site ? new URL(path, site).href : path);
  const texts = (key: UIKey) => [
    { '@value': nl(key), '@language': 'nl' },
    { '@value': en(key), '@language': 'en' },
  ];
  const date = { '@value': exportDate, '@type': 'xsd:date' };
  /** One file as a distribution; `byteSizeType` is the datatype each profile asks for. */
  const distribution = (f: OpenDataFile, recordIri: string, byteSizeType: string) => ({
    '@id': `${recordIri}#${f.name}`,
    '@type': 'dcat:Distribution',
    'dct:title': f.name,
    'dct:description': texts(f.about),
    'dcat:accessURL': { '@id': iri(paths.dataFile(f.name)) },
    'dcat:downloadURL': { '@id': iri(paths.dataFile(f.name)) },
    'dcat:mediaType': { '@id': `http://www.iana.org/assignments/media-types/${f.mediaType}` },
    'dct:format': { '@id': `${EU}/file-type/${f.euFormat}` },
    'dcat:byteSize': { '@value': String(f.bytes), '@type': byteSizeType },
    'spdx:checksum': {
      '@type': 'spdx:Checksum',
      'spdx:algorithm': { '@id': 'http://spdx.org/rdf/terms#checksumAlgorithm_sha256' },
      'spdx:checksumValue': { '@value': f.sha256, '@type': 'xsd:hexBinary' },
    },
    'dct:license': licence,
    'dct:modified': date,
    ...(f.name === 'datapackage.json' ? { 'dct:conformsTo': { '@id': 'https://datapackage.org/standard/data-package/' } } : {}),
    ...(f.mediaType === 'text/csv' ? { 'dct:conformsTo': { '@id': 'https://www.rfc-editor.org/rfc/rfc4180' } } : {}),
  });
  const datasetDescription = [
    { '@value': `${asOfSentence('nl', exportDate)} ${nl('openData.dataset.description')}`, '@language': 'nl' },
    { '@value': `${asOfSentence('en', exportDate)} ${en('openData.dataset.description')}`, '@language': 'en' },
  ];
  const keywords = DATASET_KEYWORDS.map((k) => ({ '@value': k, '@language': 'nl' }));
  return { iri, texts, date, distribution, datasetDescription, keywords };
}

/** The files a DCAT record describes: the data, not the records themselves or the checksums. */
const describedByDcat = (files: readonly OpenDataFile[]) => files.filter((f) => !f.name.endsWith('.jsonld') && f.name !== SUMS_FILE);

/**
 * `dcat.jsonld`: a DCAT-AP catalogue record (JSON-LD) with one dataset and a distribution per
 * file, in the DCAT-AP-DONL shape data.overheid.nl harvests: Dutch and English texts, the EU
 * and OWMS value lists for language, theme, licence, format and frequency.
 */
function dcatRecord(files: readonly OpenDataFile[], exportDate: string, site?: URL | string): string {
  const { iri, texts, date, distribution, datasetDescription, keywords } = dcatParts(exportDate, site, { '@id': LICENCE.donl });
  const catalogIri = iri(paths.dataFile('dcat.jsonld'));
  const publisher = { '@type': 'foaf:Agent', 'foaf:name': 'Blik op Werk', 'foaf:homepage': { '@id': EXTERNAL.blikOpWerk } };
  const doc = {
    '@context': DCAT_CONTEXT,
    '@id': catalogIri,
    '@type': 'dcat:Catalog',
    'dct:title': texts('openData.dataset.title'),
    'dct:description': texts('openData.dataset.description'),
    'dct:publisher': publisher,
    'dct:language': { '@id': `${EU}/language/NLD` },
    'dct:modified': date,
    'foaf:homepage': { '@id': iri(paths.openData('nl')) },
    'dcat:dataset': {
      '@id': `${catalogIri}#dataset`,
      '@type': 'dcat:Dataset',
      'dct:identifier': `${catalogIri}#dataset`,
      'dct:title': texts('openData.dataset.title'),
      'dct:description': datasetDescription,
      'dct:language': { '@id': `${EU}/language/NLD` },
      'dct:license': { '@id': LICENCE.donl },
      'dct:accessRights': { '@id': `${EU}/access-right/PUBLIC` },
      'dct:publisher': publisher,
      'dct:creator': publisher,
      'dcat:contactPoint': { '@type': 'vcard:Organization', 'vcard:fn': 'Blik op Werk', 'vcard:hasURL': { '@id': EXTERNAL.blikOpWerk } },
      'dcat:theme': [
        { '@id': 'http://standaarden.overheid.nl/owms/terms/Migratie_en_integratie' },
        { '@id': `${EU}/data-theme/EDUC` },
      ],
      'dcat:keyword': keywords,
      'dcat:landingPage': { '@id': iri(paths.openData('nl')) },
      'dct:spatial': { '@id': 'http://standaarden.overheid.nl/owms/terms/Nederland' },
      'dct:accrualPeriodicity': { '@id': `${EU}/frequency/IRREG` },
      'dct:modified': date,
      'dcat:distribution': describedByDcat(files).map((f) => distribution(f, catalogIri, 'xsd:decimal')),
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** The file name of the DCAT-AP-NL 3.0 record, beside the DCAT-AP-DONL one (`dcat.jsonld`). */
export const DCAT_AP_NL_FILE = 'dcat-ap-nl.jsonld';

/** The application profile the record follows, as its catalogue record states (`dct:conformsTo`). */
export const DCAT_AP_NL_PROFILE = 'https://docs.geostandaarden.nl/dcat/dcat-ap-nl30/';

/**
 * `dcat-ap-nl.jsonld`: the catalogue record in DCAT-AP-NL 3.0 (Geonovum), the Dutch profile of
 * DCAT-AP 3.0 that follows DCAT-AP-DONL 2.0 (`dcat.jsonld`, kept for the harvesters that read
 * it). It has every property the profile makes mandatory for each class it uses (the catalogue
 * and its record, the dataset with a distribution per file, the agent, the contact, the
 * checksums, and the JSON API as a data service described by its OpenAPI document), with the
 * EU vocabularies for the values the profile takes from a list (data theme, access right, file
 * type, language, country, frequency). tests/site/open-data.test.ts checks them.
 */
function dcatApNlRecord(files: readonly OpenDataFile[], exportDate: string, site?: URL | string): string {
  const licence = { '@id': LICENCE.url };
  const { iri, texts, date, distribution, datasetDescription, keywords } = dcatParts(exportDate, site, licence);
  const recordIri = iri(paths.dataFile(DCAT_AP_NL_FILE));
  const datasetIri = `${recordIri}#dataset`;
  const serviceIri = `${recordIri}#api`;
  const publisher = { '@type': 'foaf:Agent', 'foaf:name': 'Blik op Werk', 'foaf:homepage': { '@id': EXTERNAL.blikOpWerk } };
  const contactPoint = { '@type': 'vcard:Organization', 'vcard:fn': 'Blik op Werk', 'vcard:hasURL': { '@id': EXTERNAL.blikOpWerk } };
  const publicAccess = { '@id': `${EU}/access-right/PUBLIC` };
  const themes = [{ '@id': `${EU}/data-theme/EDUC` }, { '@id': `${EU}/data-theme/SOCI` }];
  const description = paths.apiDescription();
  const doc = {
    '@context': DCAT_CONTEXT,
    '@id': iri(paths.openData('nl')),
    '@type': 'dcat:Catalog',
    'dct:title': texts('openData.dataset.title'),
    'dct:description': texts('openData.dataset.description'),
    'dct:publisher': publisher,
    'dcat:contactPoint': contactPoint,
    'dct:language': [{ '@id': `${EU}/language/NLD` }, { '@id': `${EU}/language/ENG` }],
    'dct:license': licence,
    'dct:modified': date,
    'foaf:homepage': { '@id': iri(paths.openData('nl')) },
    'dcat:record': {
      '@id': recordIri,
      '@type': 'dcat:CatalogRecord',
      'dct:conformsTo': { '@id': DCAT_AP_NL_PROFILE },
      'foaf:primaryTopic': { '@id': datasetIri },
      'dct:modified': date,
    },
    'dcat:dataset': {
      '@id': datasetIri,
      '@type': 'dcat:Dataset',
      'dct:identifier': datasetIri,
      'dct:title': texts('openData.dataset.title'),
      'dct:description': datasetDescription,
      'dct:publisher': publisher,
      'dct:creator': publisher,
      'dcat:contactPoint': contactPoint,
      'dcat:theme': themes,
      'dct:accessRights': publicAccess,
      'dct:language': { '@id': `${EU}/language/NLD` },
      'dcat:keyword': keywords,
      'dcat:landingPage': { '@id': iri(paths.openData('nl')) },
      'dct:spatial': { '@id': `${EU}/country/NLD` },
      'dct:accrualPeriodicity': { '@id': `${EU}/frequency/IRREG` },
      'dct:modified': date,
      'dcat:distribution': describedByDcat(files).map((f) => distribution(f, recordIri, 'xsd:nonNegativeInteger')),
    },
    'dcat:service': {
      '@id': serviceIri,
      '@type': 'dcat:DataService',
      'dct:identifier': serviceIri,
      'dct:title': texts('openData.api.heading'),
      'dct:description': texts('openData.api.intro'),
      'dcat:endpointURL': { '@id': iri(description.slice(0, description.lastIndexOf('/'))) },
      'dcat:endpointDescription': { '@id': iri(description) },
      'dct:conformsTo': { '@id': 'https://spec.openapis.org/oas/v3.1.0' },
      'dcat:servesDataset': { '@id': datasetIri },
      'dct:publisher': publisher,
      'dcat:contactPoint': contactPoint,
      'dct:license': licence,
      'dct:accessRights': publicAccess,
      'dcat:theme': themes,
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
