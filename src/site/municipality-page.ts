/**
 * What a municipality page (`/{lang}/gemeente/{code}/`) shows, decided once and without
 * words: which locations go in which group and in what order, which courses start in which
 * month and where, what is near and how far the nearest route is. The page only renders
 * this in its language; a unit test checks the decisions without building a site.
 */
import type { UIKey } from '../i18n/index.ts';
import {
  OFFER_LAW,
  ROUTES,
  coursesOn,
  groupByOffer,
  isBuyable,
  upcomingByOfferAndMonth,
  type Holder,
  type Location,
  type Offer,
  type OfferGroupKey,
  type Register,
  type Route,
} from '../register/index.ts';
import { holderOf, inLocationOrder, locationName } from '../register/model.ts';
import { coverageByCode, roundKm } from './figures.ts';
import { regionFigures, type MunicipalityFigures } from './regions.ts';

/** One row of a location table (the `LocationTable` component's row). */
export interface LocationRow {
  location: Location;
  holder: Holder;
  /** What the row's courses column shows; everything the location offers when absent. */
  offer?: Pick<Location, 'routes' | 'profiles'>;
  distanceKm?: number;
}

/** A location named as every list names it: its display name. */
export interface NamedLocation {
  location: Location;
  name: string;
}

/** One group of buyable locations: a Wi2021 route, or the Wi2013 profiles together. */
export interface OfferSection {
  /** The section's anchor: `route-B1`, `route-Z`, …, `wi2013`. */
  id: string;
  heading: UIKey;
  meaning: UIKey;
  rows: LocationRow[];
}

/** Upcoming courses of one offer in one start month, and the locations that give them (each once, in the one location order). */
export interface CourseMonth {
  month: string;
  count: number;
  locations: NamedLocation[];
}

/** The nearest buyable location teaching a route, from the municipality's centre. */
export interface RouteDistance {
  route: Route;
  /** Kilometres, rounded once as the figures page rounds them; undefined when no valid location teaches the route. */
  km?: number;
  nearest?: NamedLocation;
}

export interface MunicipalityPage {
  /** The buyable locations by offer, every route and the Wi2013 profiles, in that order (an empty group stays). */
  sections: OfferSection[];
  /** Buyable, but the register lists no current offer for them. */
  withoutOffer: LocationRow[];
  /** Holder suspended or no longer certified: shown apart. */
  notBuyable: LocationRow[];
  /** Upcoming courses at buyable locations, by offer and start month. */
  upcoming: { offer: Offer; months: CourseMonth[] }[];
  /** Whether any location here has a course still to start (then the page offers its calendar). */
  hasPlannedCourses: boolean;
  /**
   * Buyable locations in other municipalities, nearest first; `undefined` when no location
   * here is on the map, so nothing can be near (the page says so in words, not "none").
   */
  nearby?: LocationRow[];
  /** Distance per route from the municipality's centre; `undefined` when its centre is unknown. */
  coverage?: RouteDistance[];
}

const isProfiles = (key: OfferGroupKey) => key === OFFER_LAW.profile;

/** A group's anchor, heading and explanation: the routes each have their own, the profiles share one. */
function section(key: OfferGroupKey): Omit<OfferSection, 'rows'> {
  return isProfiles(key)
    ? { id: key, heading: 'profile.heading', meaning: 'municipality.group.wi2013.meaning' }
    : { id: `route-${key}`, heading: `route.${key as Route}`, meaning: `route.${key as Route}.meaning` };
}

/** Only the part of a location's offer that its group is about. */
function offerIn(key: OfferGroupKey, location: Location): Pick<Location, 'routes' | 'profiles'> {
  return isProfiles(key) ? { routes: [], profiles: location.profiles } : { routes: location.routes.filter((r) => r.route === key), profiles: [] };
}

/** Everything a municipality's page shows, from the register and its export date. */
export function municipalityPage(register: Register, { municipality }: MunicipalityFigures, exportDate: string): MunicipalityPage {
  const row = (location: Location): LocationRow => ({ location, holder: holderOf(register, location) });
  const named = (location: Location): NamedLocation => ({ location, name: locationName(location, holderOf(register, location)) });
  const sorted = inLocationOrder(register, municipality.locations);
  const { groups, withoutOffer, notBuyable } = groupByOffer(register, sorted);
  const located = municipality.locations.some((l) => l.latitude !== undefined && l.longitude !== undefined);
  const nearby = regionFigures(register).nearby.get(municipality.code) ?? [];
  const coverage = coverageByCode(register).get(municipality.code);
  return {
    sections: groups.map(({ key, locations }) => ({ ...section(key), rows: locations.map((l) => ({ ...row(l), offer: offerIn(key, l) })) })),
    withoutOffer: withoutOffer.map(row),
    notBuyable: notBuyable.map(row),
    // Only courses a municipality may buy: those of holders with a valid keurmerk.
    upcoming: upcomingByOfferAndMonth(
      sorted.filter((l) => isBuyable(register, l)),
      exportDate,
    ).map(({ offer, months }) => ({
      offer,
      months: months.map(({ month, courses }) => ({
        month,
        count: courses.length,
        locations: inLocationOrder(register, [...new Set(courses.map((c) => c.location))]).map(named),
      })),
    })),
    hasPlannedCourses: municipality.locations.some((l) => coursesOn(l, exportDate).upcoming.length > 0),
    nearby: located ? nearby.map((n) => ({ ...row(n.location), distanceKm: n.distanceKm })) : undefined,
    coverage: coverage?.centre
      ? ROUTES.map((route) => {
          const nearest = coverage.nearest[route];
          const km = roundKm(coverage.km[route]);
          return { route, ...(km !== undefined && nearest && { km, nearest: named(nearest) }) };
        })
      : undefined,
  };
}
