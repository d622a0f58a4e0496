/**
 * The export contract as Zod schemas: one schema per column, one object schema per file.
 *
 * These schemas are the single source of the contract inside the project. The validator
 * runs them, the TypeScript types of the register come from them (`z.infer`), and the
 * open-data dictionary and Table Schemas are derived from them, so documentation and data
 * cannot drift apart. Every message is written for a data steward who fixes the export in
 * a spreadsheet, not for a programmer.
 */
import * as z from 'zod';
import {
  DAYPARTS,
  IDENTIFIER,
  LAWS,
  MODALITIES,
  MUNICIPALITY_CODE,
  NORM_OUTCOMES,
  ORGANISATION_OUTCOMES,
  PROFILES,
  PROVINCES,
  RATINGS,
  ROUTES,
  STATUSES,
  VISIT_KINDS,
  VISIT_OUTCOMES,
  type Profile,
} from './vocabulary.ts';
import { isCalendarDate } from './dates.ts';
import { NETHERLANDS } from './geo.ts';

const REQUIRED = 'a value is required here';

/**
 * How the open-data downloads write a column, where that is stricter than what an export may
 * send: postcodes as `1234 AB`, booleans as `true`/`false`, routes as `B1`/`Z`. Kept on the
 * column schemas with `.meta({ published })`, beside the rules they follow from, so the
 * Table Schemas (src/register/table-schema.ts) cannot drift from the validator.
 */
export interface PublishedForm {
  type?: 'string' | 'number' | 'boolean' | 'date';
  enum?: readonly string[];
  /** ECMAScript pattern of the whole value, anchored with ^ and $ like the validator's own. */
  pattern?: string;
  minimum?: number;
  maximum?: number;
  /** A `|`-separated list of these codes. */
  listOf?: readonly string[];
}

/** Metadata of a column schema: what it means (for the data dictionary) and how it is published. */
export interface ColumnMeta {
  description?: string;
  published?: PublishedForm;
  /**
   * The column may hold line breaks (inside a quoted value). The contract allows that for a
   * `note` only: anywhere else a line break is a control character, refused on reading.
   */
  multiline?: boolean;
}

/** Attaches column metadata; typed, so a misspelt key is a compile error rather than lost documentation. */
function about<T extends z.ZodType>(schema: T, meta: ColumnMeta): T {
  return schema.meta(meta as Record<string, unknown>) as T;
}

/** A required or optional column value arrives trimmed, with empty cells already removed. */
function str() {
  return z.string({ error: REQUIRED });
}

function text(max: number) {
  return str().max(max, `must be at most ${max} characters`);
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? REQUIRED
        : `is not a known ${what}; use one of ${values.join(', ')}` +
          (typeof issue.input === 'string' && values.includes(issue.input.toLowerCase() as T[number])
            ? ' (in lower case)'
            : ''),
  });
}

/** A `|`-separated list of codes, without repeats or empty items. */
function codeList<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return str()
    .transform((raw) => raw.split('|').map((item) => item.trim()))
    .pipe(
      z
        .array(
          z.enum(values, {
            error: (issue) =>
              issue.input === ''
                ? `has an empty item in its list; separate ${what}s with a single |`
                : `holds "${String(issue.input)}", which is not a known ${what}; use ${values.join(', ')}, separated by |`,
          }),
        )
        .refine((items) => new Set(items).size === items.length, `names the same ${what} twice`),
    )
    .meta({ published: { listOf: values } } satisfies ColumnMeta);
}

/** Identifiers end up in URLs (`/aanbieder/{holder_id}/`), which is why their alphabet is so small. */
export const identifier = str()
  .regex(IDENTIFIER, 'must be 2 to 32 characters of A-Z, a-z, 0-9, - and _')
  .meta({ description: 'identifier: 2 to 32 characters of A-Z a-z 0-9 - _' });

/** Calendar date. Regex first, then a real-date check, so 2023-02-30 is refused with a clear reason. */
export const isoDate = str()
  // abort: a value that is not written YYYY-MM-DD is one problem, not also "not a real date".
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date written YYYY-MM-DD', abort: true })
  .refine(isCalendarDate, 'is not a real calendar date')
  .meta({ format: 'date', published: { type: 'date' } });

const BOOLEAN_TRUE = ['ja', 'true', '1'];
const BOOLEAN_FALSE = ['nee', 'false', '0'];
export const booleanValue = z
  .stringbool({
    truthy: BOOLEAN_TRUE,
    falsy: BOOLEAN_FALSE,
    case: 'insensitive',
    error: 'must be ja, nee, true, false, 1 or 0',
  })
  .meta({ description: 'boolean: ja/nee, true/false or 1/0', published: { type: 'boolean' } });

/** An `@` before the first `/`, `?` or `#` after the scheme: user information in the address. */
const URL_USER_INFO = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i;

/**
 * Only http and https: a register must never publish a `javascript:` or `data:` link. And no
 * user information: `https://www.blikopwerk.nl@evil.example/` reads as Blik op Werk's address
 * but leads to evil.example, and the site shows the address as the link's text.
 */
export const website = str()
  .refine((s) => {
    try {
      const url = new URL(s);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, { error: 'must be a full web address starting with http:// or https://', abort: true })
  .refine((s) => !URL_USER_INFO.test(s), 'holds a user name or password before an @ (as in https://www.example.nl@other.example/), so the link would lead to the address after the @, not the one it seems to be; give the organisation\'s own address without the part up to the @')
  .meta({ format: 'uri' });

export const email = str()
  .pipe(z.email('is not an e-mail address'))
  .meta({ format: 'email' });

export const phone = str()
  .regex(/^[0-9 +()-]+$/, 'may hold only digits, spaces and + - ( )')
  .refine((s) => {
    const digits = s.replace(/\D/g, '').length;
    return digits >= 9 && digits <= 15;
  }, 'must hold 9 to 15 digits')
  .meta({ description: 'phone number: digits, spaces, + - ( ); 9 to 15 digits' });

/** Postcodes are normalised to `1234 AB`, the way PostNL and every letter writes them. */
export const postcode = str()
  .regex(/^[1-9][0-9]{3} ?[A-Za-z]{2}$/, 'is not a Dutch postcode; write four digits (the first 1-9) and two letters, like 1234 AB')
  .transform((s) => `${s.slice(0, 4)} ${s.slice(-2).toUpperCase()}`)
  .meta({ published: { pattern: '^[1-9][0-9]{3} [A-Z]{2}$' } } satisfies ColumnMeta);

/** Route codes as they appear in letters from DUO: `B1`, `B1-route`, `Z`, `Z-route`, any case. */
export const route = str()
  .transform((s, ctx) => {
    const code = s.toLowerCase().replace(/-?route$/, '');
    if (code === 'b1') return 'B1' as const;
    if (code === 'z') return 'Z' as const;
    if (s.toLowerCase().replace(/[\s-]/g, '') === 'onderwijsroute') {
      ctx.addIssue({
        code: 'custom',
        input: s,
        message:
          'the Onderwijsroute is not covered by the Keurmerk Inburgeren (the Inspectie van het Onderwijs supervises it); take this row out of the export',
      });
    } else {
      ctx.addIssue({ code: 'custom', input: s, message: 'is not a Wi2021 route; use B1 or Z (B1-route and Z-route are accepted too)' });
    }
    return z.NEVER;
  })
  .meta({ description: 'Wi2021 learning route: B1 or Z', published: { enum: ROUTES } } satisfies ColumnMeta);

const { latitude: LATITUDE, longitude: LONGITUDE } = NETHERLANDS;
const latitude = str()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number with a dot, like 52.3702')
  .transform(Number)
  .refine((n) => n >= LATITUDE.minimum && n <= LATITUDE.maximum, `is outside the Netherlands; latitude must be between ${LATITUDE.minimum} and ${LATITUDE.maximum}`)
  .meta({ published: { type: 'number', ...LATITUDE } } satisfies ColumnMeta);
const longitude = str()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number with a dot, like 4.8952')
  .transform(Number)
  .refine((n) => n >= LONGITUDE.minimum && n <= LONGITUDE.maximum, `is outside the Netherlands; longitude must be between ${LONGITUDE.minimum} and ${LONGITUDE.maximum}`)
  .meta({ published: { type: 'number', ...LONGITUDE } } satisfies ColumnMeta);

const dayparts = about(codeList(DAYPARTS, 'daypart'), {
  description: 'Parts of the week the course is taught: ochtend (morning), middag (afternoon), avond (evening), weekend; separated by |.',
});
const modality = about(oneOf(MODALITIES, 'modality'), {
  description: 'How the course is taught: klassikaal (in class), blended (in class and online), afstand (at a distance, online).',
});
const status = oneOf(STATUSES, 'keurmerk status');

/**
 * A number written with a decimal point and at most `decimals` decimals, within a range. A
 * comma is refused with its own message: Dutch spreadsheets write 71,5, and the steward should
 * learn that the export wants 71.5 rather than that "71,5 is not a number".
 */
function decimal(range: { minimum: number; maximum: number }, decimals: number, example: string) {
  const pattern = decimals === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${decimals}})?$`);
  const shape = decimals === 0 ? 'a whole number' : `a number with at most ${decimals === 1 ? 'one decimal' : `${decimals} decimals`}, written with a dot, like ${example}`;
  return str()
    .refine((s) => !/^\d+,\d+$/.test(s), { message: `must use a decimal point, not a comma, like ${example}`, abort: true })
    .regex(pattern, `must be ${shape}`)
    .transform(Number)
    .refine((n) => n >= range.minimum && n <= range.maximum, `must be between ${range.minimum} and ${range.maximum}`)
    .meta({ published: { type: 'number', ...range } } satisfies ColumnMeta);
}

/** A count of people: a whole number, 0 or more (no upper bound in the contract). */
function count() {
  return str()
    .regex(/^\d+$/, 'must be a whole number, 0 or more')
    .transform(Number)
    .meta({ published: { type: 'number', minimum: 0 } } satisfies ColumnMeta);
}

/** The first measurement year: the Keurmerk Inburgeren started in 2013. */
export const FIRST_MEASUREMENT_YEAR = 2013;

const measurementYear = str()
  .regex(/^\d{4}$/, 'must be a year written with four digits, like 2025')
  .transform(Number)
  .refine((n) => n >= FIRST_MEASUREMENT_YEAR, `must be ${FIRST_MEASUREMENT_YEAR} or later (the keurmerk started in ${FIRST_MEASUREMENT_YEAR})`)
  .meta({ published: { type: 'number', minimum: FIRST_MEASUREMENT_YEAR } } satisfies ColumnMeta);

const percentage = (example: string) => decimal({ minimum: 0, maximum: 100 }, 1, example);

/** Column rules per file. Order here is the order of the open-data downloads; descriptions feed their data dictionary. */
export const holderRow = z.object({
  holder_id: about(identifier, { description: 'Identifier of the keurmerk holder. Stable across publications, never reused; the holder\'s page is /{lang}/aanbieder/{holder_id}/.' }),
  name: about(text(200), { description: 'Name of the organisation that holds or held the keurmerk.' }),
  trade_name: about(text(200).optional(), { description: 'Trade name (handelsnaam) the organisation also uses.' }),
  kvk_number: about(str().regex(/^\d{8}$/, 'must be exactly 8 digits (a KvK number)').optional(), { description: 'Number in the Dutch business register (Kamer van Koophandel, KvK): 8 digits.' }),
  website: about(website.optional(), { description: 'Web address of the organisation; http or https only.' }),
  email: about(email.optional(), { description: 'Public e-mail address of the organisation.' }),
  phone: about(phone.optional(), { description: 'Public phone number of the organisation.' }),
  keurmerk_status: about(status, { description: 'Current keurmerk status. bepaalde_tijd, onbepaalde_tijd and herstelperiode hold a valid keurmerk; geschorst, ingetrokken and beeindigd do not.' }),
  status_since: about(isoDate, { description: 'Date the current status took effect.' }),
  first_granted: about(isoDate.optional(), { description: 'Date the keurmerk was first granted.' }),
  laws: about(codeList(LAWS, 'law'), { description: 'Laws the keurmerk covers: wi2013 (Wet inburgering 2013), wi2021 (Wet inburgering 2021), or both, separated by |.' }),
  distance_learning: about(booleanValue.optional(), { description: 'The holder has reported that it offers distance learning (afstandsonderwijs).' }),
});

export const locationRow = z.object({
  location_id: about(identifier, { description: 'Identifier of the teaching location (vestiging). Stable across publications; the location\'s page is /{lang}/vestiging/{location_id}/.' }),
  holder_id: about(identifier, { description: 'The holder this location belongs to (holders.csv).' }),
  name: about(text(200).optional(), { description: 'Name of the location; when empty, the site shows the holder\'s name.' }),
  street: about(text(200), { description: 'Street of the address.' }),
  house_number: about(str().regex(/^\d{1,5}$/, 'must be 1 to 5 digits'), { description: 'House number: 1 to 5 digits.' }),
  house_number_suffix: about(text(10).optional(), { description: 'Addition to the house number (huisnummertoevoeging), such as A or 2.' }),
  postcode: about(postcode, { description: 'Dutch postcode, written 1234 AB.' }),
  city: about(text(100), { description: 'Place (woonplaats) of the address.' }),
  municipality_code: about(str().regex(MUNICIPALITY_CODE, 'must be a CBS municipality code: GM and four digits, like GM0363'), { description: 'Statistics Netherlands (CBS) code of the municipality (gemeente): GM and four digits.' }),
  municipality_name: about(text(100), { description: 'Name of the municipality (gemeente).' }),
  province: about(oneOf(PROVINCES, 'province'), { description: 'Province, spelled as CBS spells it.' }),
  latitude: about(latitude.optional(), { description: 'Latitude in WGS84 decimal degrees; empty together with longitude when the place is not known.' }),
  longitude: about(longitude.optional(), { description: 'Longitude in WGS84 decimal degrees.' }),
  phone: about(phone.optional(), { description: 'Phone number of this location, when it has its own.' }),
  email: about(email.optional(), { description: 'E-mail address of this location, when it has its own.' }),
  wheelchair_accessible: about(booleanValue.optional(), { description: 'The location can be reached in a wheelchair.' }),
});

export const routeRow = z.object({
  location_id: about(identifier, { description: 'The location that teaches this route (locations.csv).' }),
  route: about(route, { description: 'Learning route of the Wet inburgering 2021: B1 (B1-route) or Z (Z-route, zelfredzaamheidsroute).' }),
  dayparts: dayparts.optional(),
  modality: modality.optional(),
});

export const profileRow = z.object({
  location_id: about(identifier, { description: 'The location that teaches this profile (locations.csv).' }),
  profile: about(oneOf(PROFILES, 'Wi2013 learner profile'), { description: 'Learner profile of the Wet inburgering 2013: analfabeet (not literate), laag, middel or hoog (little, some or much schooling).' }),
  dayparts: dayparts.optional(),
  modality: modality.optional(),
});

export const statusRow = z.object({
  holder_id: about(identifier, { description: 'The holder the decision is about (holders.csv).' }),
  status: about(status, { description: 'The keurmerk status the decision gave.' }),
  effective_from: about(isoDate, { description: 'Date the decision took effect.' }),
  note: about(text(500).optional(), { description: 'Public note on the decision.', multiline: true }),
});

export const qualityRow = z.object({
  holder_id: about(identifier, { description: 'The holder that was assessed (holders.csv).' }),
  measurement_year: about(measurementYear, { description: 'Measurement year (meetjaar) the assessment is about: four digits.' }),
  rating: about(oneOf(RATINGS, 'rating'), { description: 'Outcome of the assessment: 1, 2, 3 or 4 stars, or aspirant for a holder too new to be rated.' }),
  norm_organisation: about(oneOf(ORGANISATION_OUTCOMES, 'outcome of the organisation norm'), { description: 'Main norm on the organisation: behaald (met) or niet_behaald (not met).' }),
  norm_results: about(oneOf(NORM_OUTCOMES, 'norm outcome'), { description: 'Main norm on exam results: behaald (met), niet_behaald (not met) or geen_oordeel (too few exam results to judge).' }),
  norm_satisfaction: about(oneOf(NORM_OUTCOMES, 'norm outcome'), { description: 'Main norm on the learner satisfaction survey: behaald (met), niet_behaald (not met) or geen_oordeel (too few respondents to judge).' }),
  exam_candidates: about(count().optional(), { description: 'Number of the holder\'s learners who sat inburgering exams in the measurement year.' }),
  exam_pass_rate: about(percentage('71.5').optional(), { description: 'Percentage of those candidates who passed, 0 to 100; only published when there were at least 10 candidates.' }),
  satisfaction_score: about(decimal({ minimum: 1, maximum: 10 }, 1, '7.8').optional(), { description: 'Average mark (1 to 10) the learners gave in the satisfaction survey; only published when at least 10 learners answered.' }),
  satisfaction_respondents: about(count().optional(), { description: 'Number of learners who answered the satisfaction survey.' }),
  certified_teacher_share: about(percentage('85').optional(), { description: 'Percentage of lessons given by NT2 teachers in a recognised register; the norm is at least 80.' }),
  decision_date: about(isoDate.optional(), { description: 'Date of Blik op Werk\'s decision on the measurement year.' }),
});

export const classroomVisitRow = z.object({
  holder_id: about(identifier, { description: 'The holder whose lessons were visited (holders.csv).' }),
  location_id: about(identifier.optional(), { description: 'The location visited (locations.csv), when the visit was at one location of the holder.' }),
  visit_date: about(isoDate, { description: 'Date of the visit.' }),
  kind: about(oneOf(VISIT_KINDS, 'kind of visit'), { description: 'periodiek (the classroom inspection every four years) or onaangekondigd (an unannounced visit).' }),
  outcome: about(oneOf(VISIT_OUTCOMES, 'visit outcome'), { description: 'Outcome of the visit: voldoende (sufficient) or onvoldoende (insufficient).' }),
});

/**
 * A course's offer: a Wi2021 route (same spellings as routes.csv) or a Wi2013 profile. One
 * column for both, because a school plans course groups, not laws; the code says which law.
 */
export const offer = str()
  .transform((s, ctx) => {
    if ((PROFILES as readonly string[]).includes(s)) return s as Profile;
    const asRoute = route.safeParse(s);
    if (asRoute.success) return asRoute.data;
    const onderwijsroute = s.toLowerCase().replace(/[\s-]/g, '') === 'onderwijsroute';
    ctx.addIssue({
      code: 'custom',
      input: s,
      message: onderwijsroute
        ? asRoute.error.issues[0]!.message
        : `is not a known offer; use a route (B1 or Z) or a Wi2013 profile (${PROFILES.join(', ')})` +
          ((PROFILES as readonly string[]).includes(s.toLowerCase()) ? ' (in lower case)' : ''),
    });
    return z.NEVER;
  })
  .meta({ published: { enum: [...ROUTES, ...PROFILES] } } satisfies ColumnMeta);

export const courseRow = z.object({
  location_id: about(identifier, { description: 'The location where the course is taught (locations.csv).' }),
  offer: about(offer, { description: 'What the course teaches: a Wi2021 route (B1, Z) or a Wi2013 learner profile (analfabeet, laag, middel, hoog); the location offers it in routes.csv or profiles.csv.' }),
  start_date: about(isoDate, { description: 'Date of the first lesson.' }),
  end_date: about(isoDate.optional(), { description: 'Date of the last lesson; after start_date.' }),
  hours_per_week: about(decimal({ minimum: 1, maximum: 40 }, 1, '6 or 7.5').optional(), { description: 'Lesson hours per week, 1 to 40.' }),
  dayparts: dayparts.optional(),
  modality: modality.optional(),
  max_group_size: about(decimal({ minimum: 1, maximum: 40 }, 0, '12').optional(), { description: 'Largest number of learners in the group, 1 to 40.' }),
  places_left: about(count().optional(), { description: 'Places still free when the planning was exported; 0 means the course is full. At most max_group_size.' }),
  price_eur: about(decimal({ minimum: 0, maximum: 20000 }, 2, '2950 or 2950.50').optional(), { description: 'Course price in euros for learners who pay themselves or with a DUO loan; empty when a municipality buys the course or the price is on request.' }),
});

export type HolderRow = z.infer<typeof holderRow>;
export type LocationRow = z.infer<typeof locationRow>;
export type RouteRow = z.infer<typeof routeRow>;
export type ProfileRow = z.infer<typeof profileRow>;
export type StatusRow = z.infer<typeof statusRow>;
export type CourseRow = z.infer<typeof courseRow>;
export type QualityRow = z.infer<typeof qualityRow>;
export type ClassroomVisitRow = z.infer<typeof classroomVisitRow>;

/** A reference from some columns of one file to the key of another (a Table Schema foreign key). */
export interface ForeignKey {
  fields: readonly string[];
  reference: { resource: string; fields: readonly string[] };
}

/**
 * One export file of the contract: its name, whether the build needs it, its row schema,
 * and the keys the validator enforces (unique rows, references), stated once so the
 * open-data Table Schemas publish the same keys.
 */
export interface ExportFile<S extends z.ZodObject = z.ZodObject> {
  name: string;
  required: boolean;
  row: S;
  primaryKey: readonly string[];
  foreignKeys: readonly ForeignKey[];
}

const references = (resource: 'holders' | 'locations', field: 'holder_id' | 'location_id'): ForeignKey[] => [
  { fields: [field], reference: { resource, fields: [field] } },
];

/** Every file of the contract, in the order they are read and reported. */
export const EXPORT_FILES = {
  holders: { name: 'holders.csv', required: true, row: holderRow, primaryKey: ['holder_id'], foreignKeys: [] },
  locations: { name: 'locations.csv', required: true, row: locationRow, primaryKey: ['location_id'], foreignKeys: references('holders', 'holder_id') },
  routes: { name: 'routes.csv', required: true, row: routeRow, primaryKey: ['location_id', 'route'], foreignKeys: references('locations', 'location_id') },
  profiles: { name: 'profiles.csv', required: true, row: profileRow, primaryKey: ['location_id', 'profile'], foreignKeys: references('locations', 'location_id') },
  status_history: { name: 'status_history.csv', required: false, row: statusRow, primaryKey: ['holder_id', 'effective_from'], foreignKeys: references('holders', 'holder_id') },
  quality: { name: 'quality.csv', required: false, row: qualityRow, primaryKey: ['holder_id', 'measurement_year'], foreignKeys: references('holders', 'holder_id') },
  classroom_visits: {
    name: 'classroom_visits.csv',
    required: false,
    row: classroomVisitRow,
    // No two rows share holder, location and date, but location_id may be empty, and a Table
    // Schema primary key may not be: the validator enforces the rule, the schema leaves it out.
    primaryKey: [],
    foreignKeys: [...references('holders', 'holder_id'), ...references('locations', 'location_id')],
  },
  // No primary key: a course is unique by location, offer, start date and dayparts, and a
  // Table Schema key cannot say "dayparts as a set, empty included".
  courses: { name: 'courses.csv', required: false, row: courseRow, primaryKey: [], foreignKeys: references('locations', 'location_id') },
} as const satisfies Record<string, ExportFile>;

export type ExportFileKey = keyof typeof EXPORT_FILES;

/** Column names of a file, whether each is required, and whether it may span lines, read from its schema. */
export function columnsOf(file: ExportFile): { name: string; required: boolean; multiline: boolean }[] {
  return Object.entries(file.row.shape).map(([name, schema]) => ({
    name,
    required: !(schema as z.ZodType).safeParse(undefined).success,
    multiline: (z.globalRegistry.get(schema as z.ZodType) as ColumnMeta | undefined)?.multiline === true,
  }));
}
