/**
 * `npm run bench:regions [-- --scales 1,10,30]`: what the region pages cost a build, once per
 * register (they are shared by every page in every language): counts per municipality and
 * province, the nearest buyable locations across each border (k-d tree, against a brute-force
 * search over every pair for comparison), and every municipality's CSV. Also the largest
 * municipality and the size of its CSV. Timings are for this machine only.
 */
import { parseArgs } from 'node:util';
import {
  countLocations,
  distanceKm,
  NEARBY,
  isBuyable,
  nearestOutside,
  regionCsv,
  validateExports,
  type Location,
  type Register,
} from '../../src/register/index.ts';
import { csvBytes } from '../../src/register/serialize.ts';
import { municipalities, provincesInRegister } from '../../src/register/model.ts';
import { generateRegister } from '../generate-register.ts';
import { medianTime } from './stats.ts';

const { values } = parseArgs({
  options: { scales: { type: 'string', default: '1,10,30' }, seed: { type: 'string', default: '42' }, 'skip-brute': { type: 'boolean', default: false } },
});

/** Every located location of a municipality against every buyable located one outside it. */
function bruteForceNearest(register: Register): number {
  const located = register.locations.filter((l) => l.latitude !== undefined && l.longitude !== undefined);
  const buyable = located.filter((l) => isBuyable(register, l));
  let pairs = 0;
  for (const m of municipalities(register)) {
    const own = m.locations.filter((l) => l.latitude !== undefined);
    const best = new Map<Location, number>();
    for (const o of own) {
      for (const c of buyable) {
        if (c.municipality_code === m.code) continue;
        pairs++;
        const d = distanceKm({ lat: o.latitude!, lon: o.longitude! }, { lat: c.latitude!, lon: c.longitude! });
        if (d <= NEARBY.maxKm && d < (best.get(c) ?? Infinity)) best.set(c, d);
      }
    }
    [...best.values()].sort((a, b) => a - b).slice(0, NEARBY.limit);
  }
  return pairs;
}

for (const scale of values.scales.split(',').map(Number)) {
  const result = validateExports(csvBytes(generateRegister({ scale, seed: Number(values.seed) })));
  if (!result.ok) throw new Error(`generated register is invalid: ${result.errors.length} errors`);
  const register = result.register;
  const list = municipalities(register);
  const counts = medianTime(5, () => {
    for (const m of list) countLocations(register, m.locations);
    for (const p of provincesInRegister(register)) countLocations(register, register.locations.filter((l) => l.province === p));
  });
  const grid = medianTime(5, () => nearestOutside(register, NEARBY));
  let pairs = 0;
  const brute = values['skip-brute'] ? undefined : medianTime(1, () => (pairs = bruteForceNearest(register)));
  let csvBytesTotal = 0;
  const csv = medianTime(3, () => {
    csvBytesTotal = 0;
    for (const m of list) csvBytesTotal += Buffer.byteLength(regionCsv(register, m.locations));
  });
  const largest = list.reduce((a, b) => (b.locations.length > a.locations.length ? b : a));
  console.log(`\nscale ${scale}: ${register.holders.length} holders, ${register.locations.length} locations, ${list.length} municipalities`);
  console.log(`  counts (all municipalities + provinces)  ${counts.toFixed(1)} ms`);
  console.log(`  nearest across the border, k-d tree     ${grid.toFixed(1)} ms`);
  if (brute !== undefined) console.log(`  nearest, brute force over every pair     ${brute.toFixed(0)} ms (${pairs.toLocaleString('en')} pairs)`);
  console.log(`  every municipality CSV                   ${csv.toFixed(0)} ms, ${(csvBytesTotal / 1e6).toFixed(2)} MB in all`);
  console.log(`  largest municipality                     ${largest.name} (${largest.locations.length} locations, CSV ${(Buffer.byteLength(regionCsv(register, largest.locations)) / 1000).toFixed(1)} kB)`);
}
