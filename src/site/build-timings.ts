/**
 * Phase timings of one build (validation, page generation, search indexing), collected by
 * whichever code runs the phase and written out by `scripts/build.ts` when the benchmark
 * asks (BENCH_TIMINGS_FILE). A global, because Astro's integration hooks and the build
 * script load this module in different module graphs of the same process.
 */
const KEY = Symbol.for('keurmerkregister.build-timings');

function store(): Record<string, number> {
  const g = globalThis as Record<symbol, Record<string, number> | undefined>;
  return (g[KEY] ??= {});
}

/** Adds `ms` to a phase (phases that run more than once, such as one index per language, add up). */
export function recordBuildTiming(phase: string, ms: number): void {
  const timings = store();
  timings[phase] = (timings[phase] ?? 0) + ms;
}

export function buildTimings(): Readonly<Record<string, number>> {
  return { ...store() };
}
