/**
 * Generates fictional but realistic register exports that meet the export contract.
 *
 * Everything is derived from one seed through a small PRNG, so the same options always give
 * byte-identical CSV texts: the sample in `data/` can be regenerated exactly, and benchmarks
 * and tests can make large registers in-process without storing them.
 *
 * The organisations are invented (names are put together from made-up parts; web addresses
 * and e-mail addresses use the reserved `.example` domain). The municipalities are real
 * (see municipalities.ts), so the register behaves like the real one on maps and in
 * province and municipality pages.
 */
// Dates as day numbers (days since 1970-01-01, UTC), so no time zone can shift them.
import { dayNumber as day, isoOfDay as iso, newestDecisionDate, type DecisionDates } from '../../src/register/dates.ts';
import type { Law, Profile, Province, Status } from '../../src/register/vocabulary.ts';
import { DAYPARTS, PROVINCES, VALID_STATUSES } from '../../src/register/vocabulary.ts';
import { EXPORT_FILES, type ExportFileKey } from '../../src/register/schema.ts';
import { exportColumns } from '../../src/register/serialize.ts';
import { MUNICIPALITIES, type Municipality, type Place } from './municipalities.ts';
import { Random, WeightedPicker } from './random.ts';

export interface GenerateOptions {
  /** 1 is about the real register's size: 220 holders and 650 locations. Default 1. */
  scale?: number;
  /** Number of holders; overrides `scale`. */
  holders?: number;
  /** Number of locations (at least one per holder); overrides `scale`. */
  locations?: number;
  /** Default 42. */
  seed?: number;
}

/** The embedded sample register in `data/`: `generate-register.ts --sample` uses exactly this. */
export const SAMPLE_OPTIONS = { holders: 45, locations: 130, seed: 2013 } as const satisfies GenerateOptions;

/** Holders and locations at scale 1, about the size of the real register. */
export const SCALE_1 = { holders: 220, locations: 650 } as const;

/** Share of locations exported without coordinates (the validator warns about each). */
const WITHOUT_COORDINATES = 0.03;

/** Newest date the generator writes: a little before "now" (late November 2026). */
const LAST_DAY = day('2026-11-13');
/** The Keurmerk Inburgeren started in 2013; the Wet inburgering 2021 took effect on 1 January 2022. */
const WI2013_FIRST = day('2013-03-01');
const WI2013_LAST = day('2021-06-30');
const WI2021_FIRST = day('2021-07-01');
const WI2021_LAST = day('2026-09-30');

// ---------------------------------------------------------------------------------------
// Dates as day numbers (`day`, `iso`: src/register/dates.ts).

/** Decisions are taken on working days: a Saturday or Sunday moves to the next Monday. */
function workday(dayNumber: number): number {
  const weekday = (dayNumber + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
  return dayNumber + (weekday === 6 ? 2 : weekday === 0 ? 1 : 0);
}

// ---------------------------------------------------------------------------------------
// Vocabulary for invented names. Compounds of these parts are made up on purpose; any
// resemblance to a real school is unintended.

const KINDS = [
  'Taalhuis', 'Taalschool', 'Leerhuis', 'Taalcentrum', 'Taalinstituut', 'Taalatelier',
  'Taalwerkplaats', 'Leercentrum', 'Taalpunt', 'Inburgeringsschool', 'Opleidingshuis',
  'Taalstudio', 'Leerwerkplaats', 'Taalacademie', 'Kennishuis', 'Taalkamer',
] as const;
const CORE_HEADS = [
  'Klinker', 'Zinnen', 'Spreek', 'Lees', 'Praat', 'Letter', 'Klank', 'Pennen', 'Lijnen',
  'Tongen', 'Stemmen', 'Woorden', 'Kriebel', 'Vlinder', 'Kiezel', 'Meeuwen',
] as const;
const CORE_TAILS = [
  'pad', 'wijzer', 'roos', 'haven', 'baken', 'tuin', 'werf', 'kompas', 'veld', 'lint',
  'bron', 'steiger', 'kade', 'molen',
] as const;
const CORE_PLAIN = [
  'De Kade', 'Noorderlicht', 'Zuiderwind', 'Oosterkim', 'Westerhaven', 'De Vlonder',
  'Het Zeilpunt', 'De Dwarsligger', 'Het Stapelhuis', 'De Lantaarn', 'Het Kruispunt',
  'De Boegspriet', 'Het Wilgenhof', 'De Zandloper',
] as const;
const TRADE_SUFFIXES = ['', ' Taaltrainingen', ' Inburgering', ' Taal & Integratie', ' Nederlands'] as const;

const STREETS = [
  'Stationsplein', 'Stationsweg', 'Kerkstraat', 'Marktplein', 'Havenstraat', 'Industrieweg',
  'Molenweg', 'Schoolstraat', 'Julianalaan', 'Wilhelminastraat', 'Beatrixlaan', 'Dorpsstraat',
  'Nieuwstraat', 'Kanaalweg', 'Spoorlaan', 'Europaweg', 'Hoofdstraat', 'Parklaan',
  'Kastanjelaan', 'Lindelaan', 'Oranjestraat', 'Prins Bernhardlaan', 'Handelsweg',
  'Ambachtsweg', 'Zuiderkade', 'Rembrandtlaan', 'Vincent van Goghstraat', 'Mozartlaan',
  'Churchilllaan', 'Koningin Julianaplein', 'Burgemeester Visserstraat', 'Van der Duyn van Maasdamweg',
  'Schoolplein', 'Graaf Florisweg', 'Nijverheidsweg', 'Laan van de Verbinding',
] as const;
const HOUSE_SUFFIXES = ['A', 'B', 'C', 'D', 'bis', '-1', '-2', 'zw'] as const;
/** Letters as PostNL uses them in postcodes (F, I, O, Q, U and Y are avoided). */
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';

// ---------------------------------------------------------------------------------------
// Status history: notes in plain, neutral Dutch, as a public register would show them.

const NOTES = {
  grant: ['Keurmerk verleend voor bepaalde tijd.', 'Eerste toekenning van het keurmerk, voor bepaalde tijd.'],
  renew: ['Keurmerk verlengd voor bepaalde tijd na hercertificering.', 'Hercertificering afgerond; keurmerk verlengd voor bepaalde tijd.'],
  indefinite: ['Keurmerk omgezet naar onbepaalde tijd na een positieve audit.', 'Keurmerk voor onbepaalde tijd verleend na hercertificering.'],
  recovery: [
    'Herstelperiode ingesteld: bij de audit werd niet aan alle normen voldaan.',
    'Herstelperiode ingesteld na een tekortkoming in de examenadministratie.',
    'Herstelperiode ingesteld na een tekortkoming in de klachtenregeling.',
    'Herstelperiode ingesteld na een tekortkoming in de kwalificaties van docenten.',
    'Herstelperiode ingesteld na een tekortkoming in de overeenkomsten met cursisten.',
  ],
  recovered: ['Herstelperiode afgerond; weer aan alle normen voldaan.', 'Verbeterplan uitgevoerd; herstelperiode beëindigd.'],
  suspendAfterRecovery: ['Keurmerk geschorst: de tekortkoming is niet binnen de herstelperiode opgelost.'],
  suspend: ['Keurmerk geschorst in afwachting van nader onderzoek.', 'Keurmerk geschorst na een ernstige tekortkoming bij de audit.'],
  reinstate: ['Schorsing opgeheven na hercontrole.', 'Schorsing opgeheven; weer aan alle normen voldaan.'],
  withdrawAfterSuspension: ['Keurmerk ingetrokken: na de schorsing niet aan de normen voldaan.'],
  withdrawAfterRecovery: ['Keurmerk ingetrokken: de tekortkoming is niet binnen de herstelperiode opgelost.'],
  withdraw: ['Keurmerk ingetrokken na onderzoek.'],
  end: [
    'Keurmerk beëindigd op verzoek van de keurmerkhouder.',
    'Keurmerk beëindigd omdat de organisatie is gestopt met inburgeringscursussen.',
  ],
  lapse: ['Keurmerk niet verlengd; beëindigd na afloop van de termijn.'],
} as const;

interface Decision {
  status: Status;
  date: number;
  note?: string;
}

/**
 * A plausible keurmerk career ending in `target`: a first grant for a fixed term, renewals
 * or a move to an indefinite term every few years, now and then a recovery period or a
 * suspension that is lifted, and last the decision that brought the holder to `target`
 * (a withdrawal or an ending no earlier than `endNotBefore`).
 */
function history(rng: Random, target: Status, firstFrom: number, firstTo: number, endNotBefore: number): Decision[] {
  const note = (kind: keyof typeof NOTES) => (rng.chance(0.92) ? rng.pick(NOTES[kind]) : undefined);
  const ending: Status[] =
    target === 'herstelperiode' ? ['herstelperiode']
    : target === 'geschorst' ? (rng.chance(0.5) ? ['herstelperiode', 'geschorst'] : ['geschorst'])
    : target === 'ingetrokken' ? rng.pick([['geschorst', 'ingetrokken'], ['geschorst', 'ingetrokken'], ['herstelperiode', 'ingetrokken'], ['ingetrokken']] as Status[][])
    : target === 'beeindigd' ? ['beeindigd']
    : [];
  // Recovery periods and suspensions are temporary: a holder is in one since recently.
  const temporary = target === 'herstelperiode' || target === 'geschorst';
  const reserve = 120 + ending.length * 150 + (temporary ? 400 : ending.length > 0 ? 250 : 0);
  let latestFirst = Math.min(firstTo, LAST_DAY - reserve);
  if (target === 'onbepaalde_tijd') latestFirst = Math.min(latestFirst, LAST_DAY - reserve - 1100);
  const first = rng.int(firstFrom, Math.max(firstFrom, latestFirst));

  const events: Decision[] = [{ status: 'bepaalde_tijd', date: first, note: note('grant') }];
  let valid: Status = 'bepaalde_tijd';
  let t = first;
  const horizon = LAST_DAY - reserve;

  /** A recovery period or a suspension between t and `until`, after which the keurmerk is valid again. */
  const incident = (until: number) => {
    const room = until - t;
    if (room < 240) return;
    const start = t + rng.int(60, room - 180);
    if (rng.chance(0.7)) {
      const back = start + rng.int(90, Math.min(270, until - start - 90));
      events.push({ status: 'herstelperiode', date: start, note: note('recovery') });
      events.push({ status: valid, date: back, note: note('recovered') });
    } else {
      const back = start + rng.int(45, Math.min(240, until - start - 90));
      events.push({ status: 'geschorst', date: start, note: note('suspend') });
      events.push({ status: valid, date: back, note: note('reinstate') });
    }
  };

  for (;;) {
    if (valid === 'bepaalde_tijd') {
      const next = t + rng.int(900, 1200);
      if (next > horizon) break;
      if (rng.chance(0.15)) incident(next);
      if (target !== 'bepaalde_tijd' && rng.chance(target === 'onbepaalde_tijd' ? 0.8 : 0.5)) {
        valid = 'onbepaalde_tijd';
        events.push({ status: valid, date: next, note: note('indefinite') });
      } else {
        events.push({ status: valid, date: next, note: note('renew') });
      }
      t = next;
    } else {
      const next = t + rng.int(500, 1800);
      if (next > horizon) break;
      if (rng.chance(0.25)) incident(next);
      t = next;
    }
  }
  t = events[events.length - 1]!.date;

  if (target === 'onbepaalde_tijd' && valid !== 'onbepaalde_tijd') {
    t += rng.int(30, Math.max(30, LAST_DAY - t - 1));
    events.push({ status: 'onbepaalde_tijd', date: Math.min(t, LAST_DAY), note: note('indefinite') });
  }
  // The decisions that brought the holder to its current status. Each date is after the
  // previous one: the reserve kept enough days free before LAST_DAY.
  const dates: number[] = [];
  if (temporary) {
    const final = LAST_DAY - rng.int(14, 300);
    if (ending.length === 2) dates.push(final - rng.int(90, 240));
    dates.push(final);
  } else if (ending.length > 0) {
    const room = LAST_DAY - t - 240 * (ending.length - 1);
    let d = Math.max(endNotBefore, t + rng.int(Math.min(365, room), room));
    dates.push(d);
    for (let i = 1; i < ending.length; i++) dates.push((d += rng.int(60, 240)));
  }
  let previous: Status = valid;
  ending.forEach((status, i) => {
    const kind: keyof typeof NOTES =
      status === 'herstelperiode' ? 'recovery'
      : status === 'geschorst' ? (previous === 'herstelperiode' ? 'suspendAfterRecovery' : 'suspend')
      : status === 'ingetrokken' ? (previous === 'geschorst' ? 'withdrawAfterSuspension' : previous === 'herstelperiode' ? 'withdrawAfterRecovery' : 'withdraw')
      : previous === 'bepaalde_tijd' && rng.chance(0.5) ? 'lapse' : 'end';
    events.push({ status, date: dates[i]!, note: note(kind) });
    previous = status;
  });
  return events.map((e) => ({ ...e, date: workday(e.date) }));
}

// ---------------------------------------------------------------------------------------
// CSV writing: comma-separated, LF line ends, RFC 4180 quoting where a value needs it.

type Cell = string | number | boolean | undefined;

function csvCell(value: Cell): string {
  if (value === undefined) return '';
  const text = typeof value === 'boolean' ? (value ? 'ja' : 'nee') : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(columns: readonly string[], rows: Record<string, Cell>[]): string {
  const lines = [columns.join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------
// Helpers for the rows.

/** A deck with each value at least `min` times and otherwise in proportion, shuffled. */
function deck<T>(rng: Random, size: number, shares: readonly [T, number][], min: number): T[] {
  const cards: T[] = [];
  for (const [value, share] of shares.slice(1)) {
    for (let i = 0; i < Math.max(min, Math.round(share * size)); i++) cards.push(value);
  }
  while (cards.length < size) cards.push(shares[0]![0]);
  return rng.shuffle(cards.slice(0, size));
}

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'en')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function phoneNumber(rng: Random): string {
  const digits = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  const prefix = rng.pick(['088', '088', '085']);
  return rng.pick([`${prefix} ${digits(3)} ${digits(4)}`, `${prefix}-${digits(7)}`, `+31 ${prefix.slice(1)} ${digits(3)} ${digits(4)}`]);
}

function postcode(rng: Random, place: Place): string {
  let letters: string;
  do letters = rng.pick([...POSTCODE_LETTERS]) + rng.pick([...POSTCODE_LETTERS]);
  while (letters === 'SA' || letters === 'SD' || letters === 'SS');
  const digits = rng.int(place.postcodes[0], place.postcodes[1]);
  return rng.chance(0.9) ? `${digits} ${letters}` : `${digits}${letters}`;
}

/** A point near the place's centre, uniform over a disc of the place's radius. */
function jitter(rng: Random, place: Place): [number, number] {
  const r = place.radiusKm * Math.sqrt(rng.next());
  const angle = 2 * Math.PI * rng.next();
  const lat = place.lat + (r * Math.cos(angle)) / 111.32;
  const lon = place.lon + (r * Math.sin(angle)) / (111.32 * Math.cos((place.lat * Math.PI) / 180));
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  return [Number(clamp(lat, 50.71, 53.69).toFixed(5)), Number(clamp(lon, 3.21, 7.29).toFixed(5))];
}

function dayparts(rng: Random): string | undefined {
  if (rng.chance(0.1)) return undefined;
  const odds: Record<(typeof DAYPARTS)[number], number> = { ochtend: 0.75, middag: 0.55, avond: 0.35, weekend: 0.1 };
  const chosen = DAYPARTS.filter((d) => rng.chance(odds[d]));
  return (chosen.length ? chosen : ['ochtend']).join('|');
}

function modality(rng: Random, distance: boolean): string | undefined {
  const x = rng.next();
  if (x < 0.05) return undefined;
  if (distance) return x < 0.45 ? 'blended' : x < 0.6 ? 'afstand' : 'klassikaal';
  return x < 0.7 ? 'klassikaal' : x < 0.97 ? 'blended' : 'afstand';
}

/**
 * Splits `extra` locations over holders with a heavy tail: most holders teach at one or two
 * places, a few large ones at dozens. Exact: the counts always add up to `extra`.
 */
function spread(rng: Random, holders: number, extra: number): number[] {
  const raw = Array.from({ length: holders }, () => {
    const x = rng.next();
    if (x < 0.42) return 0;
    if (x < 0.67) return 1;
    if (x < 0.83) return 2 + rng.next() * 2;
    if (x < 0.95) return 4 + rng.next() * 5;
    return 10 + rng.next() * 30;
  });
  const total = raw.reduce((a, b) => a + b, 0) || 1;
  const exact = raw.map((r) => (r * extra) / total);
  const counts = exact.map(Math.floor);
  let missing = extra - counts.reduce((a, b) => a + b, 0);
  const byFraction = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; missing > 0; k = (k + 1) % holders, missing--) {
    const i = byFraction[k]![1];
    counts[i] = counts[i]! + 1;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------
// Course planning: course groups per offered route or profile, some ended, some running, some
// planned. Drawn from a random stream of its own, so adding courses left every other file
// exactly as it was.

/**
 * The day the course planning is drawn around: the generator's last day, unless the register's
 * newest decision (its export date) is more than a year older, as in a register of one or two
 * holders; then that date, so no course lies years past the export date (the validator refuses
 * that). The sample and the scaled registers all have decisions in their last year.
 */
function planningDay(files: Record<keyof DecisionDates, readonly Record<string, Cell>[]>): number {
  // The rows hold text dates in these columns; the contract's one rule picks the newest.
  const newest = newestDecisionDate(files as unknown as DecisionDates);
  return newest !== undefined && day(newest) < LAST_DAY - 365 ? day(newest) : LAST_DAY;
}

/** Course groups of the offers of valid holders: ended, running, upcoming, full and unpriced ones. */
function coursePlanning(
  seed: number,
  locations: readonly Record<string, Cell>[],
  offers: readonly Record<string, Cell>[],
  validHolders: ReadonlySet<string>,
  exportDay: number,
): Record<string, Cell>[] {
  const rng = new Random((seed * 7919 + 17) >>> 0);
  const holderOf = new Map(locations.map((l) => [l.location_id as string, l.holder_id as string]));
  const rows: Record<string, Cell>[] = [];
  for (const offer of offers) {
    const locationId = offer.location_id as string;
    if (!validHolders.has(holderOf.get(locationId)!) || rng.chance(0.3)) continue;
    const code = (offer.route ?? offer.profile) as string;
    const isRoute = offer.route !== undefined;
    // Starts spread from about ten months before the export to eight months after it; a few
    // offers only start again well after the next three months.
    let start = rng.chance(0.12) ? exportDay + rng.int(60, 120) : exportDay - rng.int(200, 320);
    const groups = rng.int(1, 5);
    for (let g = 0; g < groups; g++) {
      start = workday(start + rng.int(20, 110));
      if (start > exportDay + 240) break;
      const weeks = isRoute ? rng.int(20, 52) : rng.int(12, 40);
      const group = rng.chance(0.85) ? rng.int(8, 16) : undefined;
      const upcoming = start >= exportDay;
      const left = group === undefined || !rng.chance(0.8) ? undefined : upcoming ? (rng.chance(0.2) ? 0 : rng.int(1, group)) : 0;
      // Self-payers (DUO loan) pay the school; a municipality pays for most Wi2021 learners.
      const price = rng.chance(isRoute ? 0.55 : 0.75) ? rng.int(45, 180) * 50 + (rng.chance(0.2) ? 0.5 : 0) : undefined;
      rows.push({
        location_id: locationId,
        offer: code,
        start_date: iso(start),
        end_date: rng.chance(0.85) ? iso(start + weeks * 7 - 3) : undefined,
        hours_per_week: rng.chance(0.9) ? rng.int(8, 32) / 2 : undefined,
        dayparts: offer.dayparts ?? dayparts(rng),
        modality: offer.modality,
        max_group_size: group,
        places_left: left,
        price_eur: price,
      });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------

/**
 * Generates a register as CSV texts by file name (`holders.csv`, ...), ready to be written
 * to a folder or passed to `validateExports` as bytes.
 */
export function generateRegister(options: GenerateOptions = {}): Record<string, string> {
  const scale = options.scale ?? 1;
  const holderCount = options.holders ?? Math.max(1, Math.round(SCALE_1.holders * scale));
  const locationCount = Math.max(holderCount, options.locations ?? Math.round((SCALE_1.locations * holderCount) / SCALE_1.holders));
  const rng = new Random(options.seed ?? 42);

  const statuses = deck<Status>(rng, holderCount, [
    ['bepaalde_tijd', 0.38], ['onbepaalde_tijd', 0.36], ['herstelperiode', 0.05],
    ['geschorst', 0.04], ['ingetrokken', 0.06], ['beeindigd', 0.11],
  ], 1);
  const lawSets = deck<Law[]>(rng, holderCount, [[['wi2021'], 0.62], [['wi2013'], 0.14], [['wi2013', 'wi2021'], 0.24]], 2);
  const extras = spread(rng, holderCount, locationCount - holderCount);

  const national = new WeightedPicker(MUNICIPALITIES, (m) => m.weight);
  const byProvince = new Map<Province, WeightedPicker<Municipality>>(
    PROVINCES.map((p) => [p, new WeightedPicker(MUNICIPALITIES.filter((m) => m.province === p), (m) => m.weight)]),
  );
  // The first twelve holders are based one in each province, so even a small register covers them all.
  const provinceOrder = rng.shuffle([...PROVINCES]);

  const noCoordinates = new Set(
    rng.shuffle(Array.from({ length: locationCount }, (_, i) => i)).slice(0, Math.max(3, Math.round(locationCount * WITHOUT_COORDINATES))),
  );

  const holders: Record<string, Cell>[] = [];
  const locations: Record<string, Cell>[] = [];
  const routes: Record<string, Cell>[] = [];
  const profiles: Record<string, Cell>[] = [];
  const statusHistory: Record<string, Cell>[] = [];
  const careers: Career[] = [];
  const usedNames = new Set<string>();
  const usedKvk = new Set<string>();
  const idWidth = Math.max(4, String(holderCount).length);
  const locationIdWidth = Math.max(5, String(locationCount).length);

  for (let h = 0; h < holderCount; h++) {
    const holderId = `KH${String(h + 1).padStart(idWidth, '0')}`;
    const status = statuses[h]!;
    const laws = lawSets[h]!;
    const home = h < provinceOrder.length ? byProvince.get(provinceOrder[h]!)!.pick(rng) : national.pick(rng);

    // Name: a kind of school and an invented core, with a legal form around it. A few fixed
    // holders show what the site must render well: diacritics and HTML-sensitive characters.
    const legalForm = (b: string) => {
      const f = rng.next();
      return f < 0.45 ? `${b} B.V.` : f < 0.75 ? `Stichting ${b}` : f < 0.8 ? `${b} V.O.F.` : b;
    };
    const invent = (): [string, string] => [rng.pick(KINDS), rng.chance(0.8) ? rng.pick(CORE_HEADS) + rng.pick(CORE_TAILS) : rng.pick(CORE_PLAIN)];
    let [kind, core] = invent();
    let name = legalForm(`${kind} ${core}`);
    for (let attempt = 0; attempt < 30 && usedNames.has(name); attempt++) {
      [kind, core] = invent();
      name = legalForm(`${kind} ${core}`);
    }
    for (let n = 1; usedNames.has(name); n++) name = `${kind} ${core} ${home.places[0]!.city}${n > 1 ? ` ${n}` : ''}`;
    if (h === 2) [kind, core, name] = ['Taalcafé', 'Klankroos', 'Taalcafé Klankroos B.V.'];
    if (h === 5) [kind, core, name] = ['Taalhuis', 'Lânskip', 'Stichting Taalhuis Lânskip'];
    if (h === 8) [kind, core, name] = ['Leerhuis', 'Zeeën', 'Leerhuis Zeeën'];
    usedNames.add(name);
    const base = `${kind} ${core}`;
    let tradeName: string | undefined;
    if (h === 3) tradeName = 'Taal & Co "De Brug"';
    else if (rng.chance(0.3)) tradeName = `${core}${rng.pick(TRADE_SUFFIXES)}`;

    const domain = `${slug(tradeName ?? base)}.example`;
    let kvk: string | undefined;
    if (rng.chance(0.88)) {
      do kvk = String(rng.int(10_000_000, 99_999_999));
      while (usedKvk.has(kvk));
      usedKvk.add(kvk);
    }

    const [firstFrom, firstTo] = laws.includes('wi2013')
      ? [WI2013_FIRST, laws.includes('wi2021') ? WI2013_LAST : day('2020-12-31')]
      : [WI2021_FIRST, WI2021_LAST];
    // A holder certified under the Wi2021 still held its keurmerk when that law took effect.
    const events = history(rng, status, firstFrom, firstTo, laws.includes('wi2021') ? day('2022-01-01') : firstFrom);
    const last = events[events.length - 1]!;
    const distance = rng.chance(0.7) ? rng.chance(0.25) : undefined;

    holders.push({
      holder_id: holderId,
      name,
      trade_name: tradeName,
      kvk_number: kvk,
      website: rng.chance(0.72) ? rng.pick([`https://www.${domain}`, `https://${domain}/`, `https://www.${domain}/inburgering`]) : undefined,
      email: rng.chance(0.75) ? `${rng.pick(['info', 'info', 'inburgering', 'contact', 'cursus'])}@${domain}` : undefined,
      phone: rng.chance(0.8) ? phoneNumber(rng) : undefined,
      keurmerk_status: last.status,
      status_since: iso(last.date),
      first_granted: rng.chance(0.95) ? iso(events[0]!.date) : undefined,
      laws: laws.join('|'),
      distance_learning: distance,
    });
    for (const e of events) statusHistory.push({ holder_id: holderId, status: e.status, effective_from: iso(e.date), note: e.note });
    const career: Career = { holderId, events, locationIds: [], size: 1 + extras[h]! };
    careers.push(career);

    // Locations: the first in the home municipality, the others mostly in the same province,
    // and for large holders often anywhere in the country.
    const count = 1 + extras[h]!;
    const nationalShare = count >= 6 ? 0.6 : 0.3;
    const shortName = tradeName ?? base;
    for (let k = 0; k < count; k++) {
      const index = locations.length;
      const locationId = `V${String(index + 1).padStart(locationIdWidth, '0')}`;
      careers[h]!.locationIds.push(locationId);
      const municipality = k === 0 ? home : rng.chance(nationalShare) ? national.pick(rng) : byProvince.get(home.province)!.pick(rng);
      const place = rng.chance(0.8) ? municipality.places[0]! : rng.pick(municipality.places);
      const [lat, lon] = jitter(rng, place);
      const street = rng.pick(STREETS);
      const located = !noCoordinates.has(index);
      locations.push({
        location_id: locationId,
        holder_id: holderId,
        name: count > 1 && rng.chance(0.45) ? rng.pick([`${shortName} ${place.city}`, `${shortName} locatie ${street}`]) : undefined,
        street,
        house_number: rng.chance(0.7) ? rng.int(1, 60) : rng.int(61, 400),
        house_number_suffix: rng.chance(0.1) ? rng.pick(HOUSE_SUFFIXES) : undefined,
        postcode: postcode(rng, place),
        city: place.city,
        municipality_code: municipality.code,
        municipality_name: municipality.name,
        province: municipality.province,
        latitude: located ? lat.toFixed(5) : undefined,
        longitude: located ? lon.toFixed(5) : undefined,
        phone: rng.chance(0.25) ? phoneNumber(rng) : undefined,
        email: rng.chance(0.2) ? `${slug(place.city)}@${domain}` : undefined,
        wheelchair_accessible: rng.chance(0.8) ? rng.chance(0.75) : undefined,
      });

      const both = laws.length === 2;
      const offersRoutes = laws.includes('wi2021') && (!both || rng.chance(0.85));
      const offersProfiles = laws.includes('wi2013') && (!both || !offersRoutes || rng.chance(0.6));
      if (offersRoutes) {
        const b1 = rng.chance(0.9);
        const z = rng.chance(0.55) || !b1;
        if (b1) routes.push({ location_id: locationId, route: 'B1', dayparts: dayparts(rng), modality: modality(rng, distance === true) });
        if (z) routes.push({ location_id: locationId, route: 'Z', dayparts: dayparts(rng), modality: modality(rng, distance === true) });
      }
      if (offersProfiles) {
        const odds: [Profile, number][] = [['analfabeet', 0.45], ['laag', 0.6], ['middel', 0.6], ['hoog', 0.35]];
        let chosen = odds.filter(([, p]) => rng.chance(p)).map(([profile]) => profile);
        if (chosen.length === 0) chosen = [rng.pick(odds)[0]];
        for (const profile of chosen) profiles.push({ location_id: locationId, profile, dayparts: dayparts(rng), modality: modality(rng, distance === true) });
      }
    }
  }

  // The assessments and visits draw from a random stream of their own, so adding them left
  // every file above byte for byte as it was.
  const { quality, visits } = assessments(new Random((options.seed ?? 42) * 7919 + 14), careers);
  const rows: Record<ExportFileKey, Record<string, Cell>[]> = {
    holders,
    locations,
    routes,
    profiles,
    status_history: statusHistory,
    quality,
    classroom_visits: visits,
    courses: coursePlanning(
      options.seed ?? 42,
      locations,
      // Per location, routes before profiles, in the order they were written.
      Object.values(Object.groupBy([...routes, ...profiles], (o) => o.location_id as string)).flat() as Record<string, Cell>[],
      new Set(holders.filter((h) => VALID_STATUSES.includes(h.keurmerk_status as Status)).map((h) => h.holder_id as string)),
      planningDay({ holders, history: statusHistory, quality, visits }),
    ),
  };
  // Every file of the contract under its own name, with the columns its schema has: a column
  // added to the contract reaches the generated registers without a second list here.
  return Object.fromEntries((Object.keys(EXPORT_FILES) as ExportFileKey[]).map((key) => [EXPORT_FILES[key].name, csv(exportColumns(key), rows[key])]));
}

// ---------------------------------------------------------------------------------------
// Quality assessments (quality.csv) and Toezicht in de Klas (classroom_visits.csv).

/** What the assessments of a holder are drawn from: its decisions, its locations and its size. */
interface Career {
  holderId: string;
  events: Decision[];
  locationIds: string[];
  /** Number of locations: a larger holder has more exam candidates and respondents. */
  size: number;
}

/** Measurement years the generator assesses: the newest is decided in the spring of the next year. */
const FIRST_ASSESSED_YEAR = 2019;
const LAST_ASSESSED_YEAR = 2025;

const yearOf = (dayNumber: number) => Number(iso(dayNumber).slice(0, 4));
const round1 = (x: number) => Math.round(x * 10) / 10;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * A yearly assessment for every year a holder held the keurmerk in 2019-2025, from a quality
 * of its own that drifts a little each year, and periodic classroom visits every four years
 * with now and then an unannounced one. Every tenth holder or so has none published (as a new
 * holder, or one whose figures the export leaves out), and small holders get small groups,
 * whose pass rate or mark is left empty (fewer than ten people) with the norm `geen_oordeel`.
 */
function assessments(rng: Random, careers: readonly Career[]): { quality: Record<string, Cell>[]; visits: Record<string, Cell>[] } {
  const quality: Record<string, Cell>[] = [];
  const visits: Record<string, Cell>[] = [];
  // Nothing is dated after the newest decision, so the export date stays what it was.
  const newest = Math.max(...careers.map((c) => c.events.at(-1)!.date));
  careers.forEach((career, index) => {
    const { events } = career;
    const first = events[0]!.date;
    const last = events.at(-1)!;
    const ended = last.status === 'ingetrokken' || last.status === 'beeindigd';
    const heldUntil = ended ? last.date : newest;
    // The fixed cases the sample must show: the second holder has nothing published.
    const unpublished = index === 1 || rng.chance(0.08);
    if (!unpublished) {
      let level = 0.2 + 0.8 * Math.sqrt(rng.next()); // 0 weak .. 1 strong; most schools do well
      const from = Math.max(FIRST_ASSESSED_YEAR, yearOf(first));
      const to = Math.min(LAST_ASSESSED_YEAR, yearOf(heldUntil) - (ended ? 1 : 0));
      for (let year = from; year <= to; year++) {
        level = clamp(level + (rng.next() - 0.5) * 0.25, 0, 1);
        const aspirant = year === yearOf(first);
        const groups = Math.min(career.size, 8) * rng.int(5, 30) * (aspirant ? 0.4 : 1);
        const candidates = Math.round(groups * (0.6 + rng.next() * 0.6));
        const respondents = Math.round(groups * (0.3 + rng.next() * 0.5));
        const passRate = candidates >= 10 ? round1(clamp(38 + level * 48 + (rng.next() - 0.5) * 16, 0, 100)) : undefined;
        const score = respondents >= 10 ? round1(clamp(6.2 + level * 2.4 + (rng.next() - 0.5) * 0.8, 1, 10)) : undefined;
        const teachers = rng.chance(0.92) ? round1(clamp(55 + level * 40 + (rng.next() - 0.5) * 16, 0, 100)) : undefined;
        const organisation = rng.chance(0.1 + (1 - level) * 0.15) ? 'niet_behaald' : 'behaald';
        const results = passRate === undefined ? 'geen_oordeel' : passRate >= 55 ? 'behaald' : 'niet_behaald';
        const satisfaction = score === undefined ? 'geen_oordeel' : score >= 7 ? 'behaald' : 'niet_behaald';
        // A norm without a judgement counts half: a small school is neither praised nor punished for it.
        const points = [organisation, results, satisfaction].reduce((sum, n) => sum + (n === 'behaald' ? 1 : n === 'geen_oordeel' ? 0.5 : 0), 0);
        const excellent = (passRate ?? 0) >= 72 && (score ?? 0) >= 8 && organisation === 'behaald';
        const rating = aspirant ? 'aspirant' : String(clamp(Math.floor(points + (excellent ? 1 : 0.5)), 1, 4));
        const decision = workday(day(`${year + 1}-03-01`) + rng.int(0, 75));
        quality.push({
          holder_id: career.holderId,
          measurement_year: year,
          rating,
          norm_organisation: organisation,
          norm_results: results,
          norm_satisfaction: satisfaction,
          exam_candidates: rng.chance(0.95) ? candidates : undefined,
          exam_pass_rate: passRate,
          satisfaction_score: score?.toFixed(1),
          satisfaction_respondents: respondents,
          certified_teacher_share: teachers,
          decision_date: rng.chance(0.9) && decision <= newest ? iso(decision) : undefined,
        });
        // The exam count may be left out: then the pass rate must go too.
        const row = quality.at(-1)!;
        if (row.exam_candidates === undefined) row.exam_pass_rate = undefined;
      }
    }

    // Periodic inspections every four years from the first grant, while the keurmerk lasts;
    // every twelfth holder or so is missing its latest one (the validator warns about those).
    const place = () => (career.locationIds.length > 0 && rng.chance(0.85) ? rng.pick(career.locationIds) : undefined);
    const holderVisits: { date: number; kind: string; outcome: string; location: string | undefined }[] = [];
    const skipLatest = rng.chance(0.08);
    for (let date = first + rng.int(200, 700); date <= heldUntil; date += rng.int(1300, 1460)) {
      if (skipLatest && date + 1460 > heldUntil) break;
      const outcome = rng.chance(0.88) ? 'voldoende' : 'onvoldoende';
      holderVisits.push({ date: workday(date), kind: 'periodiek', outcome, location: place() });
      // An insufficient visit is followed by an unannounced one; now and then there is one anyway.
      const follow = outcome === 'onvoldoende' || rng.chance(0.12);
      const next = date + rng.int(60, 300);
      if (follow && next <= heldUntil) {
        holderVisits.push({ date: workday(next), kind: 'onaangekondigd', outcome: rng.chance(0.8) ? 'voldoende' : 'onvoldoende', location: place() });
      }
    }
    const seen = new Set<string>();
    for (const v of holderVisits) {
      const key = `${v.location ?? ''} ${v.date}`;
      if (v.date > newest || seen.has(key)) continue;
      seen.add(key);
      visits.push({ holder_id: career.holderId, location_id: v.location, visit_date: iso(v.date), kind: v.kind, outcome: v.outcome });
    }
  });
  return { quality, visits };
}
