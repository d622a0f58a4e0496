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
import { DAYPARTS, LAWS, MODALITIES, PROFILES, PROVINCES, STATUSES } from './vocabulary.ts';

const REQUIRED = 'a value is required here';

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
    );
}

const IDENTIFIER = /^[A-Za-z0-9_-]{2,32}$/;
/** Identifiers end up in URLs (`/aanbieder/{holder_id}/`), which is why their alphabet is so small. */
export const identifier = str()
  .regex(IDENTIFIER, 'must be 2 to 32 characters of A-Z, a-z, 0-9, - and _')
  .meta({ description: 'identifier: 2 to 32 characters of A-Z a-z 0-9 - _' });

/** Calendar date. Regex first, then a real-date check, so 2023-02-30 is refused with a clear reason. */
export const isoDate = str()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    // setUTCFullYear, unlike Date.UTC, does not move years 0-99 to 1900-1999.
    const date = new Date(0);
    date.setUTCFullYear(y, m - 1, d);
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, 'is not a real calendar date')
  .meta({ format: 'date' });

const BOOLEAN_TRUE = ['ja', 'true', '1'];
const BOOLEAN_FALSE = ['nee', 'false', '0'];
export const booleanValue = z
  .stringbool({
    truthy: BOOLEAN_TRUE,
    falsy: BOOLEAN_FALSE,
    case: 'insensitive',
    error: 'must be ja, nee, true, false, 1 or 0',
  })
  .meta({ description: 'boolean: ja/nee, true/false or 1/0' });

/** Only http and https: a register must never publish a `javascript:` or `data:` link. */
export const website = str()
  .refine((s) => {
    try {
      const url = new URL(s);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, 'must be a full web address starting with http:// or https://')
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
  .transform((s) => `${s.slice(0, 4)} ${s.slice(-2).toUpperCase()}`);

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
  .meta({ description: 'Wi2021 learning route: B1 or Z' });

const latitude = str()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number with a dot, like 52.3702')
  .transform(Number)
  .refine((n) => n >= 50.7 && n <= 53.7, 'is outside the Netherlands; latitude must be between 50.7 and 53.7');
const longitude = str()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal number with a dot, like 4.8952')
  .transform(Number)
  .refine((n) => n >= 3.2 && n <= 7.3, 'is outside the Netherlands; longitude must be between 3.2 and 7.3');

const dayparts = codeList(DAYPARTS, 'daypart');
const modality = oneOf(MODALITIES, 'modality');
const status = oneOf(STATUSES, 'keurmerk status');

/** Column rules per file. Order here is the order of the open-data downloads. */
export const holderRow = z.object({
  holder_id: identifier,
  name: text(200),
  trade_name: text(200).optional(),
  kvk_number: str().regex(/^\d{8}$/, 'must be exactly 8 digits (a KvK number)').optional(),
  website: website.optional(),
  email: email.optional(),
  phone: phone.optional(),
  keurmerk_status: status,
  status_since: isoDate,
  first_granted: isoDate.optional(),
  laws: codeList(LAWS, 'law'),
  distance_learning: booleanValue.optional(),
});

export const locationRow = z.object({
  location_id: identifier,
  holder_id: identifier,
  name: text(200).optional(),
  street: text(200),
  house_number: str().regex(/^\d{1,5}$/, 'must be 1 to 5 digits'),
  house_number_suffix: text(10).optional(),
  postcode,
  city: text(100),
  municipality_code: str().regex(/^GM\d{4}$/, 'must be a CBS municipality code: GM and four digits, like GM0363'),
  municipality_name: text(100),
  province: oneOf(PROVINCES, 'province'),
  latitude: latitude.optional(),
  longitude: longitude.optional(),
  phone: phone.optional(),
  email: email.optional(),
  wheelchair_accessible: booleanValue.optional(),
});

export const routeRow = z.object({
  location_id: identifier,
  route,
  dayparts: dayparts.optional(),
  modality: modality.optional(),
});

export const profileRow = z.object({
  location_id: identifier,
  profile: oneOf(PROFILES, 'Wi2013 learner profile'),
  dayparts: dayparts.optional(),
  modality: modality.optional(),
});

export const statusRow = z.object({
  holder_id: identifier,
  status,
  effective_from: isoDate,
  note: text(500).optional(),
});

export type HolderRow = z.infer<typeof holderRow>;
export type LocationRow = z.infer<typeof locationRow>;
export type RouteRow = z.infer<typeof routeRow>;
export type ProfileRow = z.infer<typeof profileRow>;
export type StatusRow = z.infer<typeof statusRow>;

/** One export file of the contract: its name, whether the build needs it, and its row schema. */
export interface ExportFile<S extends z.ZodObject = z.ZodObject> {
  name: string;
  required: boolean;
  row: S;
}

/** Every file of the contract, in the order they are read and reported. */
export const EXPORT_FILES = {
  holders: { name: 'holders.csv', required: true, row: holderRow },
  locations: { name: 'locations.csv', required: true, row: locationRow },
  routes: { name: 'routes.csv', required: true, row: routeRow },
  profiles: { name: 'profiles.csv', required: true, row: profileRow },
  status_history: { name: 'status_history.csv', required: false, row: statusRow },
} as const satisfies Record<string, ExportFile>;

export type ExportFileKey = keyof typeof EXPORT_FILES;

/** Column names of a file and whether each is required, read from its schema. */
export function columnsOf(file: ExportFile): { name: string; required: boolean }[] {
  return Object.entries(file.row.shape).map(([name, schema]) => ({
    name,
    required: !(schema as z.ZodType).safeParse(undefined).success,
  }));
}
