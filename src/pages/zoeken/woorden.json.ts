/**
 * `/zoeken/woorden.json`: the correction vocabulary (src/register/spelling.ts), the words of
 * every location's names, streets and places with their frequency. Language-neutral, one
 * file; the search page fetches it only when a query finds nothing, or very little.
 */
import type { APIRoute } from 'astro';
import { buildVocabulary } from '../../register/spelling.ts';
import { getRegister } from '../../site/register.ts';
import { holderOf } from '../../register/model.ts';
import { correctableTexts, placesOf } from '../../site/search-records.ts';

export const GET: APIRoute = () => {
  const register = getRegister();
  const vocabulary = buildVocabulary(
    register.locations.map((location) => correctableTexts(location, holderOf(register, location))),
    register.locations.flatMap(placesOf),
  );
  return new Response(JSON.stringify(vocabulary), { headers: { 'content-type': 'application/json' } });
};
