/**
 * The static JSON API (`/api/v1/…`) as Zod schemas: the documents the build writes, the
 * JSON Schemas published beside them (`z.toJSONSchema`), and the shape the comparison page
 * reads, all from this one file, so documentation, data and reader cannot drift apart.
 *
 * The documents are language-neutral: codes (`bepaalde_tijd`, `B1`, `avond`), never labels;
 * a reader translates them itself, as the site's own pages do. Pure: no Astro, no DOM.
 */
import * as z from 'zod';
import { OFFERS } from './courses.ts';
import { DAYPARTS, IDENTIFIER, LAWS, MODALITIES, NORM_OUTCOMES, ORGANISATION_OUTCOMES, PROFILES, PROVINCES, RATINGS, ROUTES, STATUSES, VISIT_KINDS, VISIT_OUTCOMES } from './vocabulary.ts';

/** The API's version, in every URL (`/api/v1/`): a change that breaks a reader gets a new one. */
export const API_VERSION = 1;

const date = z.iso.date().describe('Date, YYYY-MM-DD.');
const id = z.string().regex(IDENTIFIER);
/** Addresses of the same page in every language of the site, by language code. */
const pages = z.record(z.string(), z.string()).describe('The page about this item in every language of the site, by language code (nl, en, ar, tr, uk, fa, ti, so, ps).');
const dayparts = z.array(z.enum(DAYPARTS));
const modality = z.enum(MODALITIES);

export const apiStatusEvent = z.strictObject({
  status: z.enum(STATUSES),
  effective_from: date,
  note: z.string().optional(),
});

export const apiCourse = z.strictObject({
  offer: z.enum(OFFERS as [string, ...string[]]).describe('A Wi2021 route (B1, Z) or a Wi2013 profile.'),
  start_date: date,
  end_date: date.optional(),
  phase: z.enum(['upcoming', 'running', 'ended']).describe('Where the course stands on export_date: upcoming (starts on or after it), running, or ended (end_date before it).'),
  hours_per_week: z.number().min(1).max(40).optional(),
  dayparts: dayparts.optional(),
  modality: modality.optional(),
  max_group_size: z.int().min(1).max(40).optional(),
  places_left: z.int().min(0).optional().describe('0 means full.'),
  price_eur: z.number().min(0).max(20000).optional().describe('Absent: a municipality pays, or the price is on request.'),
});

/** One measurement year's quality assessment of the holder (quality.csv). */
export const apiAssessment = z.strictObject({
  measurement_year: z.int().min(2013),
  rating: z.enum(RATINGS).describe('1 to 4 stars, or aspirant for a holder too new to be rated.'),
  norm_organisation: z.enum(ORGANISATION_OUTCOMES),
  norm_results: z.enum(NORM_OUTCOMES),
  norm_satisfaction: z.enum(NORM_OUTCOMES),
  exam_candidates: z.int().min(0).optional(),
  exam_pass_rate: z.number().min(0).max(100).optional(),
  satisfaction_score: z.number().min(1).max(10).optional(),
  satisfaction_respondents: z.int().min(0).optional(),
  certified_teacher_share: z.number().min(0).max(100).optional(),
  decision_date: date.optional(),
});

/** One Toezicht in de Klas visit of the holder (classroom_visits.csv). */
export const apiVisit = z.strictObject({
  location_id: id.optional(),
  visit_date: date,
  kind: z.enum(VISIT_KINDS),
  outcome: z.enum(VISIT_OUTCOMES),
});

/** The holder's assessments and visits, and whether the export published them at all. */
const quality = {
  quality_published: z.boolean().describe('False when the export held no quality.csv: no assessments then means "not published", not "not assessed".'),
  assessments: z.array(apiAssessment).describe('The holder\'s quality assessments, oldest measurement year first.'),
  classroom_visits_published: z.boolean().describe('False when the export held no classroom_visits.csv.'),
  classroom_visits: z.array(apiVisit).describe('The holder\'s Toezicht in de Klas visits, oldest first.'),
};

const holderRef = z.strictObject({
  holder_id: id,
  name: z.string(),
  keurmerk_status: z.enum(STATUSES),
  status_since: date,
  valid_keurmerk: z.boolean().describe('Whether the holder holds a valid keurmerk (bepaalde_tijd, onbepaalde_tijd, herstelperiode).'),
  url: z.string().describe('This holder\'s API document.'),
});

/** Everything public about one location: `/api/v1/vestiging/{location_id}.json`. */
export const apiLocation = z.strictObject({
  api_version: z.literal(API_VERSION),
  export_date: date.describe('The date the register describes; course phases are counted from it.'),
  courses_published: z.boolean().describe('False when the export held no course planning: absent courses then mean "not published", not "none planned".'),
  location_id: id,
  name: z.string().describe('The location\'s own name, or its holder\'s when it has none.'),
  own_name: z.boolean().describe('Whether name is the location\'s own (true) or its holder\'s (false).'),
  holder: holderRef,
  street: z.string(),
  house_number: z.string(),
  house_number_suffix: z.string().optional(),
  postcode: z.string().regex(/^[1-9][0-9]{3} [A-Z]{2}$/),
  city: z.string(),
  municipality_code: z.string().regex(/^GM\d{4}$/),
  municipality_name: z.string(),
  province: z.enum(PROVINCES),
  latitude: z.number().optional(),
  longitude: z.number().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  wheelchair_accessible: z.boolean().optional(),
  routes: z.array(z.strictObject({ route: z.enum(ROUTES), dayparts: dayparts.optional(), modality: modality.optional() })),
  profiles: z.array(z.strictObject({ profile: z.enum(PROFILES), dayparts: dayparts.optional(), modality: modality.optional() })),
  courses: z.array(apiCourse).describe('Every course of the planning, ended ones included, by start date.'),
  history: z.array(apiStatusEvent).describe('The holder\'s keurmerk decisions, oldest first.'),
  ...quality,
  pages,
});

/** Everything public about one holder: `/api/v1/aanbieder/{holder_id}.json`. */
export const apiHolder = z.strictObject({
  api_version: z.literal(API_VERSION),
  export_date: date,
  holder_id: id,
  name: z.string(),
  trade_name: z.string().optional(),
  kvk_number: z.string().regex(/^\d{8}$/).optional(),
  website: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  keurmerk_status: z.enum(STATUSES),
  status_since: date,
  valid_keurmerk: z.boolean(),
  first_granted: date.optional(),
  laws: z.array(z.enum(LAWS)),
  distance_learning: z.boolean().optional(),
  history: z.array(apiStatusEvent),
  ...quality,
  locations: z.array(
    z.strictObject({ location_id: id, name: z.string(), city: z.string(), municipality_code: z.string(), url: z.string().describe('This location\'s API document.') }),
  ),
  pages,
});

const indexEntry = z.strictObject({
  id,
  url: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the document\'s bytes: fetch it again only when this changed.'),
});

/** Every document of the API: `/api/v1/index.json`. */
export const apiIndex = z.strictObject({
  api_version: z.literal(API_VERSION),
  export_date: date,
  schemas: z.strictObject({ location: z.string(), holder: z.string(), index: z.string() }),
  holders: z.array(indexEntry),
  locations: z.array(indexEntry),
});

export type ApiLocation = z.infer<typeof apiLocation>;
export type ApiHolder = z.infer<typeof apiHolder>;
export type ApiIndex = z.infer<typeof apiIndex>;
export type ApiCourse = z.infer<typeof apiCourse>;

/** The JSON Schema (draft 2020-12) of a document, as published beside it. */
export function apiJsonSchema(schema: z.ZodType, title: string, id?: string): Record<string, unknown> {
  return { ...(id ? { $id: id } : {}), title, ...z.toJSONSchema(schema, { target: 'draft-2020-12' }) };
}
