/**
 * The command-line options of the benchmarks that generate their own register and time a few
 * runs of one part (`bench:map`, `bench:search`, `bench:validate`): one spelling and one set of
 * defaults, so `--scale 10 --seed 42` is the same register to each of them.
 */
export function registerRunOptions(runs: number) {
  return {
    scale: { type: 'string', default: '10' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: String(runs) },
  } as const;
}

/** Those options as numbers, with at least one run. */
export function readRegisterRun(values: { scale: string; seed: string; runs: string }): { scale: number; seed: number; runs: number } {
  return { scale: Number(values.scale), seed: Number(values.seed), runs: Math.max(1, Math.floor(Number(values.runs))) };
}
