/**
 * Everyday names of places: the names people say and type for a place whose official
 * name (the one CBS, and so the export, uses) is another. The search index adds them to
 * every location in such a place, the correction vocabulary knows them, and the "near a
 * place" resolver of the search and map pages understands them, so "Den Bosch" finds the
 * schools in 's-Hertogenbosch and "Ljouwert" those in Leeuwarden.
 *
 * Kept short and documented on purpose: each group is a set of names for one place, and a
 * name belongs here only if people really use it for that place (not for a neighbouring
 * one). The first name of each group is the official Dutch name.
 *
 * - The two big cities whose official names nobody says: 's-Gravenhage (Den Haag, The
 *   Hague in English) and 's-Hertogenbosch (Den Bosch).
 * - Dordrecht, everywhere called Dordt.
 * - Fryslân, the province's official (Frisian) name since 1997, still typed Friesland.
 * - Frisian municipalities and towns with an official Dutch and an official or everyday
 *   Frisian name (signposts in Fryslân show both).
 */
import { foldPlaceName } from './search-text.ts';

export const PLACE_ALIASES: readonly (readonly string[])[] = [
  ["'s-Gravenhage", 'Den Haag', 'The Hague'],
  ["'s-Hertogenbosch", 'Den Bosch'],
  ['Dordrecht', 'Dordt'],
  // The province and the Frisian municipalities whose official name is Frisian.
  ['Fryslân', 'Friesland'],
  ['Súdwest-Fryslân', 'Zuidwest-Friesland'],
  ['Noardeast-Fryslân', 'Noordoost-Friesland'],
  ['De Fryske Marren', 'De Friese Meren'],
  ['Smallingerland', 'Smellingerlân'],
  ['Tytsjerksteradiel', 'Tietjerksteradeel'],
  ['Dantumadiel', 'Dantumadeel'],
  // Frisian towns: the Dutch name first, then the Frisian one.
  ['Leeuwarden', 'Ljouwert'],
  ['Sneek', 'Snits'],
  ['Heerenveen', 'It Hearrenfean'],
  ['Harlingen', 'Harns'],
  ['Franeker', 'Frjentsjer'],
  ['Bolsward', 'Boalsert'],
  ['Joure', 'De Jouwer'],
  ['Lemmer', 'De Lemmer'],
  ['Workum', 'Warkum'],
  ['IJlst', 'Drylts'],
  ['Stavoren', 'Starum'],
  ['Hindeloopen', 'Hylpen'],
  ['Grouw', 'Grou'],
  ['Bergum', 'Burgum'],
  ['Gorredijk', 'De Gordyk'],
  ['Buitenpost', 'Bûtenpost'],
  ['Oosterwolde', 'Easterwâlde'],
  ['Wolvega', 'Wolvegea'],
];

const key = foldPlaceName;

const GROUP_OF = new Map<string, readonly string[]>();
for (const group of PLACE_ALIASES) for (const name of group) GROUP_OF.set(key(name), group);

/** The other names of a place, given any of its names (any case or accents); none if it has none. */
export function otherPlaceNames(name: string): readonly string[] {
  const group = GROUP_OF.get(key(name));
  return group ? group.filter((other) => key(other) !== key(name)) : [];
}
