/**
 * `npm run generate -- --scale 10 --out <dir> [--seed 42]`: writes a fictional register that
 * meets the export contract. `--sample --out data` regenerates the embedded sample exactly.
 *
 * Scale 1 is about the real register's size (220 holders, 650 locations). The same options
 * always give byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SAMPLE_OPTIONS, generateRegister, type GenerateOptions } from './lib/generate.ts';

export { SAMPLE_OPTIONS, generateRegister, type GenerateOptions };

/** Writes the generated files into `dir` (created when missing); returns the paths written. */
export function writeRegister(dir: string, options: GenerateOptions): string[] {
  mkdirSync(dir, { recursive: true });
  return Object.entries(generateRegister(options)).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
}

function main(): void {
  const usage = 'usage: node scripts/generate-register.ts (--scale N | --sample) --out DIR [--seed N]';
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        scale: { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        sample: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(usage);
    return;
  }
  const number = (name: string, raw: string | undefined, fallback: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) {
      console.error(`--${name} must be a positive number (got ${JSON.stringify(raw)})\n${usage}`);
      process.exit(2);
    }
    return n;
  };
  if (!values.out) {
    console.error(`--out is required\n${usage}`);
    process.exit(2);
  }
  if (values.sample && values.scale !== undefined) {
    console.error(`--sample and --scale exclude each other\n${usage}`);
    process.exit(2);
  }
  const options: GenerateOptions = values.sample
    ? { ...SAMPLE_OPTIONS, seed: number('seed', values.seed, SAMPLE_OPTIONS.seed) }
    : { scale: number('scale', values.scale, 1), seed: number('seed', values.seed, 42) };
  const dir = resolve(values.out);
  const started = performance.now();
  const files = writeRegister(dir, options);
  const ms = Math.round(performance.now() - started);
  console.log(`wrote ${files.length} files to ${dir} in ${ms} ms (${values.sample ? 'sample' : `scale ${options.scale}`}, seed ${options.seed})`);
}

if (import.meta.main) main();
