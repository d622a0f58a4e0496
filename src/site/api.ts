/**
 * The documents of the static JSON API, written from the validated register: one per
 * location and per holder, the index with a hash of each, and their JSON Schemas. Computed
 * once per build and shared by the endpoints, so the hashes in the index are those of the
 * very bytes served.
 */
import { createHash } from 'node:crypto';
import {
  API_DOCUMENT_KINDS,
  API_VERSION,
  apiJsonSchema,
  type ApiSchemaKind,
  type ApiHolder,
  type ApiIndex,
  type ApiLocation,
} from '../register/api-schema.ts';
import { byStart, coursePhase } from '../register/courses.ts';
import type { Holder, Location, Register } from '../register/model.ts';
import { holdsValidKeurmerk } from '../register/vocabulary.ts';
import { LANG_CODES, type Lang } from '../i18n/languages.ts';
import { paths } from './paths.ts';
import { openApiDescription } from './openapi.ts';
import { getExportDate, getRegister } from './register.ts';

/** The API's files: path (as `paths` writes it) → JSON text. */
export interface ApiFiles {
  locations: Map<string, string>;
  holders: Map<string, string>;
  index: string;
  schemas: Record<ApiSchemaKind, string>;
  /** The OpenAPI 3.1 description of the whole API (`/api/v1/openapi.json`, src/site/openapi.ts). */
  openapi: string;
}

/** Only the values that are there, so a document never says `null` for "absent". */
function present<T extends object>(row: T, keys: readonly (keyof T)[]): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) if (row[key] !== undefined) out[key] = row[key];
  return out;
}

function pagesOf(path: (lang: Lang) => string): Record<string, string> {
  return Object.fromEntries(LANG_CODES.map((lang) => [lang, path(lang)]));
}

/** The holder's assessments and visits as the API writes them (codes and numbers, absent values left out). */
function qualityOf(register: Register, holder: Holder) {
  return {
    quality_published: register.published.quality,
    assessments: holder.quality.map(
      (q) =>
        present(q, ['measurement_year', 'rating', 'norm_organisation', 'norm_results', 'norm_satisfaction', 'exam_candidates', 'exam_pass_rate', 'satisfaction_score', 'satisfaction_respondents', 'certified_teacher_share', 'decision_date']) as ApiLocation['assessments'][number],
    ),
    classroom_visits_published: register.published.classroomVisits,
    classroom_visits: holder.visits.map((v) => present(v, ['location_id', 'visit_date', 'kind', 'outcome']) as ApiLocation['classroom_visits'][number]),
  };
}

/** One location's document. */
export function locationDocument(register: Register, location: Location, exportDate: string): ApiLocation {
  const holder = register.holderById.get(location.holder_id)!;
  return {
    api_version: API_VERSION,
    export_date: exportDate,
    courses_published: register.published.courses,
    location_id: location.location_id,
    name: location.name ?? holder.name,
    own_name: location.name !== undefined,
    holder: {
      holder_id: holder.holder_id,
      name: holder.name,
      keurmerk_status: holder.keurmerk_status,
      status_since: holder.status_since,
      valid_keurmerk: holdsValidKeurmerk(holder.keurmerk_status),
      url: paths.apiHolder(holder.holder_id),
    },
    ...(present(location, ['street', 'house_number', 'house_number_suffix', 'postcode', 'city', 'municipality_code', 'municipality_name', 'province', 'latitude', 'longitude', 'phone', 'email', 'wheelchair_accessible']) as Pick<
      ApiLocation,
      'street' | 'house_number' | 'postcode' | 'city' | 'municipality_code' | 'municipality_name' | 'province'
    >),
    routes: location.routes.map((r) => present(r, ['route', 'dayparts', 'modality']) as ApiLocation['routes'][number]),
    profiles: location.profiles.map((p) => present(p, ['profile', 'dayparts', 'modality']) as ApiLocation['profiles'][number]),
    courses: [...location.courses].sort(byStart).map((c) => ({
      offer: c.offer,
      start_date: c.start_date,
      ...present(c, ['end_date']),
      phase: coursePhase(c, exportDate),
      ...present(c, ['hours_per_week', 'dayparts', 'modality', 'max_group_size', 'places_left', 'price_eur']),
    })),
    history: holder.history.map((e) => present(e, ['status', 'effective_from', 'note']) as ApiLocation['history'][number]),
    ...qualityOf(register, holder),
    pages: pagesOf((lang) => paths.location(lang, location.location_id)),
  };
}

/** One holder's document. */
export function holderDocument(register: Register, holder: Holder, exportDate: string): ApiHolder {
  return {
    api_version: API_VERSION,
    export_date: exportDate,
    ...(present(holder, ['holder_id', 'name', 'trade_name', 'kvk_number', 'website', 'email', 'phone', 'keurmerk_status', 'status_since']) as Pick<ApiHolder, 'holder_id' | 'name' | 'keurmerk_status' | 'status_since'>),
    valid_keurmerk: holdsValidKeurmerk(holder.keurmerk_status),
    ...present(holder, ['first_granted']),
    laws: holder.laws,
    ...present(holder, ['distance_learning']),
    history: holder.history.map((e) => present(e, ['status', 'effective_from', 'note']) as ApiHolder['history'][number]),
    ...qualityOf(register, holder),
    locations: holder.locations.map((l) => ({
      location_id: l.location_id,
      name: l.name ?? holder.name,
      city: l.city,
      municipality_code: l.municipality_code,
      url: paths.apiLocation(l.location_id),
    })),
    pages: pagesOf((lang) => paths.holder(lang, holder.holder_id)),
  };
}

const json = (doc: unknown) => `${JSON.stringify(doc)}\n`;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Every file of the API for a register on an export date. */
export function buildApi(register: Register, exportDate: string): ApiFiles {
  const locations = new Map(register.locations.map((l) => [l.location_id, json(locationDocument(register, l, exportDate))]));
  const holders = new Map(register.holders.map((h) => [h.holder_id, json(holderDocument(register, h, exportDate))]));
  const index: ApiIndex = {
    api_version: API_VERSION,
    export_date: exportDate,
    schemas: { location: paths.apiSchema('vestiging'), holder: paths.apiSchema('aanbieder'), index: paths.apiSchema('index') },
    holders: [...holders].map(([id, text]) => ({ id, url: paths.apiHolder(id), sha256: sha256(text) })),
    locations: [...locations].map(([id, text]) => ({ id, url: paths.apiLocation(id), sha256: sha256(text) })),
  };
  const schemas = Object.fromEntries(
    Object.entries(API_DOCUMENT_KINDS).map(([kind, { schema, title }]) => [kind, `${JSON.stringify(apiJsonSchema(schema, title), null, 2)}\n`]),
  ) as Record<ApiSchemaKind, string>;
  const indexText = json(index);
  return { locations, holders, index: indexText, schemas, openapi: `${JSON.stringify(openApiDescription({ locations, holders, index: indexText }), null, 2)}\n` };
}

let cached: ApiFiles | undefined;

/** This build's API, computed once. */
export function getApi(): ApiFiles {
  cached ??= buildApi(getRegister(), getExportDate());
  return cached;
}

