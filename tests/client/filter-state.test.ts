/**
 * The search and map state in the URL: unknown codes are dropped, the order is stable, the
 * state survives a round trip, and the valid-keurmerk default applies unless asked otherwise.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_STATUS_SELECTION, FILTER_KEYS, FILTER_VALUES, type FilterKey } from '../../src/register/facets.ts';
import { effectiveSelection, filterStateToParams, parseFilterState, type FilterState } from '../../src/client/filter-state.ts';

const parse = (query: string) => parseFilterState(new URLSearchParams(query));

describe('parseFilterState', () => {
  it('reads text, place, filters and the inactive switch', () => {
    expect(parse('?q=%20taal%20&route=Z&province=Limburg&place=3511+AB&inactive=1')).toEqual({
      q: 'taal',
      place: '3511 AB',
      filters: { route: ['Z'], province: ['Limburg'] },
      includeInactive: true,
    });
  });

  it('drops codes the register does not know, and empty values', () => {
    expect(parse('route=Onderwijsroute&route=z&status=valid&municipality=Amsterdam&municipality=GM036&profile=').filters).toEqual({});
    expect(parse('inactive=yes').includeInactive).toBe(false);
  });

  it('accepts repeated keys and comma lists, once each', () => {
    expect(parse('route=B1,Z&route=Z&municipality=GM0363,GM0344').filters).toEqual({ route: ['B1', 'Z'], municipality: ['GM0363', 'GM0344'] });
  });
});

describe('filterStateToParams', () => {
  it('writes keys in a stable order and leaves out what is empty', () => {
    const state: FilterState = { q: 'taal', place: '', filters: { province: ['Utrecht'], route: ['Z'] }, includeInactive: false };
    expect(filterStateToParams(state).toString()).toBe('q=taal&route=Z&province=Utrecht');
    expect(filterStateToParams({ q: '', place: '', filters: {}, includeInactive: false }).toString()).toBe('');
  });

  const value = (key: FilterKey) =>
    key === 'municipality' ? fc.integer({ min: 0, max: 9999 }).map((n) => `GM${String(n).padStart(4, '0')}`) : fc.constantFrom(...FILTER_VALUES[key]);
  const state = fc.record({
    q: fc.string().map((s) => s.trim()),
    place: fc.string().map((s) => s.trim()),
    filters: fc.record(
      Object.fromEntries(FILTER_KEYS.map((k) => [k, fc.uniqueArray(value(k), { minLength: 1, maxLength: 4 })])) as Record<FilterKey, fc.Arbitrary<string[]>>,
      { requiredKeys: [] },
    ),
    includeInactive: fc.boolean(),
  });

  it('round-trips any state through the URL', () => {
    fc.assert(
      fc.property(state, (s) => {
        const url = `?${filterStateToParams(s).toString()}`;
        expect(parse(url)).toEqual(s);
        expect(filterStateToParams(parse(url)).toString()).toBe(url.slice(1));
      }),
    );
  });
});

describe('effectiveSelection', () => {
  it('shows only valid keurmerk holders by default', () => {
    expect(effectiveSelection(parse('route=Z'))).toEqual({ route: ['Z'], status: DEFAULT_STATUS_SELECTION });
  });

  it('includes suspended and former holders when asked', () => {
    expect(effectiveSelection(parse('route=Z&inactive=1'))).toEqual({ route: ['Z'] });
  });

  it('keeps an explicit status choice as it is', () => {
    expect(effectiveSelection(parse('status=geschorst'))).toEqual({ status: ['geschorst'] });
  });
});
