/** The compact coordinate column round-trips every point to the metre, and keeps gaps. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeCoordinates, encodeCoordinates } from '../../src/register/coordinates.ts';

describe('coordinate column', () => {
  it('round-trips points (to 1/100,000 degree) and missing points', () => {
    const point = fc.option(fc.record({ lat: fc.double({ min: 50.7, max: 53.7, noNaN: true }), lon: fc.double({ min: 3.2, max: 7.3, noNaN: true }) }), { nil: undefined });
    fc.assert(
      fc.property(fc.array(point, { maxLength: 50 }), (points) => {
        const back = decodeCoordinates(JSON.parse(JSON.stringify(encodeCoordinates(points))));
        expect(back).toHaveLength(points.length);
        points.forEach((p, i) => {
          if (!p) return expect(back[i]).toBeUndefined();
          expect(back[i]!.lat).toBeCloseTo(p.lat, 5);
          expect(back[i]!.lon).toBeCloseTo(p.lon, 5);
        });
      }),
    );
  });

  it('stores steps between neighbours, not whole coordinates', () => {
    expect(encodeCoordinates([{ lat: 52, lon: 5 }, { lat: 52.00001, lon: 5 }, undefined])).toEqual({ lat: [5200000, 1, -5200001], lon: [500000, 0, -500000] });
  });
});
