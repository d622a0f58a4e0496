/**
 * `npm run bench:open-data [-- --scales 1,10]`: how long the open data takes to assemble from a
 * validated register (every CSV, register.json, GeoJSON, changes, Data Package, DCAT, checksums),
 * how big each file is, and how long reading the published CSVs back takes, at each scale of
 * the generated register. Also times the change log against a previous publication with one
 * holder in ten suspended. Prints a table; timings are for this machine only.
 */
import { parseArgs } from 'node:util';
import { historyChanges } from '../../src/register/changes.ts';
import { EXPORT_FILES, validateExports, type Register } from '../../src/register/index.ts';
import { csvBytes } from '../../src/register/serialize.ts';
import { buildOpenData } from '../../src/site/open-data.ts';
import { changeLog } from '../../src/site/publication.ts';
import { generateRegister } from '../generate-register.ts';
import { medianTime } from './stats.ts';

const { values } = parseArgs({ options: { scales: { type: 'string', default: '1,10' }, seed: { type: 'string', default: '42' } } });

function validated(files: Record<string, string>): Register {
  const result = validateExports(csvBytes(files));
  if (!result.ok) throw new Error(`generated register is invalid: ${result.errors.length} errors`);
  return result.register;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

for (const scale of values.scales.split(',').map(Number)) {
  const register = validated(generateRegister({ scale, seed: Number(values.seed) }));
  const exportDate = historyChanges(register, '2000-01-01').changes[0]?.date ?? '2000-01-01';
  let data = buildOpenData(register, { exportDate });
  const assemble = medianTime(5, () => (data = buildOpenData(register, { exportDate })));
  const csv = Object.fromEntries(Object.values(EXPORT_FILES).map((f) => [f.name, data.files.find((d) => d.name === f.name)!.content]));
  const readBack = medianTime(5, () => validated(csv));
  // A previous publication in which every tenth holder was still valid and is now suspended.
  const previous = validated(generateRegister({ scale, seed: Number(values.seed) }));
  for (const holder of register.holders.filter((_, i) => i % 10 === 0)) {
    holder.history.push({ holder_id: holder.holder_id, status: 'geschorst', effective_from: '2099-01-01' });
  }
  let changes = 0;
  const compare = medianTime(5, () => (changes = changeLog(register, { exportDate, previous: { path: '', exportDate, register: previous } }).changes.length));
  console.log(`\nscale ${scale}: ${register.holders.length} holders, ${register.locations.length} locations`);
  console.log(`  assemble all files   ${assemble.toFixed(0)} ms (median of 5)`);
  console.log(`  read CSVs back       ${readBack.toFixed(0)} ms (validate + join)`);
  console.log(`  changes since prev.  ${compare.toFixed(0)} ms (${changes} changes)`);
  for (const file of data.files) console.log(`  ${file.name.padEnd(22)} ${kB(file.bytes).padStart(10)}`);
  console.log(`  ${'total'.padEnd(22)} ${kB(data.files.reduce((n, f) => n + f.bytes, 0)).padStart(10)}`);
}
