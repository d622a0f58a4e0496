/**
 * The vocabulary states each status's family once; these tests pin what follows from it, so
 * a status moved to another family changes every rule at once, and only on purpose.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_SELECTION } from '../../src/register/facets.ts';
import { decisionKind } from '../../src/register/changes.ts';
import {
  FORMER_STATUSES,
  MUNICIPALITY_CODE,
  OFFER_LAW,
  STATUSES,
  STATUS_FAMILIES,
  VALID_STATUSES,
  holdsValidKeurmerk,
  statusFamily,
} from '../../src/register/vocabulary.ts';

describe('status families', () => {
  it('give every status one of the four families, and every family a status', () => {
    expect(STATUSES.map(statusFamily)).toEqual(['valid', 'valid', 'recovery', 'suspended', 'former', 'former']);
    expect(new Set(STATUSES.map(statusFamily))).toEqual(new Set(STATUS_FAMILIES));
  });

  it('a valid keurmerk is held in the valid and recovery families only, and that is what search shows by default', () => {
    expect(VALID_STATUSES).toEqual(['bepaalde_tijd', 'onbepaalde_tijd', 'herstelperiode']);
    for (const status of STATUSES) expect(holdsValidKeurmerk(status), status).toBe(['valid', 'recovery'].includes(statusFamily(status)));
    expect(DEFAULT_STATUS_SELECTION).toEqual(VALID_STATUSES);
  });

  it('former statuses are the family that ends the keurmerk for good', () => {
    expect(FORMER_STATUSES).toEqual(['ingetrokken', 'beeindigd']);
  });

  it('a decision to a status outside the valid families is always a loss, whatever came before', () => {
    for (const status of STATUSES) {
      for (const previous of [undefined, ...STATUSES]) {
        const kind = decisionKind(status, previous);
        if (holdsValidKeurmerk(status)) expect(['granted', 'reinstated', 'status_changed'], `${previous} → ${status}`).toContain(kind);
        else expect(kind, `${previous} → ${status}`).toBe({ suspended: 'suspended', former: status === 'ingetrokken' ? 'withdrawn' : 'ended' }[statusFamily(status) as 'suspended' | 'former']);
      }
    }
  });
});

describe('offers', () => {
  it('routes fall under Wi2021 and profiles under Wi2013', () => {
    expect(OFFER_LAW).toEqual({ route: 'wi2021', profile: 'wi2013' });
  });
});

describe('municipality codes', () => {
  it('are GM and four digits, nothing around them', () => {
    expect(['GM0363', 'GM1966'].every((c) => MUNICIPALITY_CODE.test(c))).toBe(true);
    expect(['GM363', 'gm0363', 'GM03630', ' GM0363', 'XGM0363'].some((c) => MUNICIPALITY_CODE.test(c))).toBe(false);
  });
});
