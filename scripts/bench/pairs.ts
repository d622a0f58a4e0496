/**
 * Our build against the bare-Astro floor, in pairs that cannot flatter us.
 *
 * Why this shape: a build that writes 1.3 GB leaves the kernel writing it back for seconds
 * afterwards, so whichever build runs second in a pair pays for the first one's writes. When
 * the floor always ran second, it was always the one slowed, and our ratio looked better than it
 * was. So the order alternates within pairs (ours–floor, floor–ours, …), writeback is flushed
 * (`sync`) before every timed build, and the ratio is reported by wall time and by CPU seconds,
 * each as the median with its spread, beside the load average before and after.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { median } from './stats.ts';

/** One pair's figures: our build and the floor's, and which of the two ran first. */
export interface BuildPair {
  buildMs: number;
  buildCpuS: number | null;
  floorMs: number;
  floorCpuS: number | null;
  /** Wall-time ratio, ours ÷ floor. */
  ratio: number;
  /** CPU-seconds ratio, ours ÷ floor; null where the machine has no GNU time. */
  cpuRatio: number | null;
  first: 'ours' | 'floor';
}

/** The median and the spread of one ratio over the pairs. */
export interface RatioSpread {
  median: number;
  min: number;
  max: number;
}

/** The pairs' verdict: wall and CPU ratio side by side, each with its spread. */
export interface PairSummary {
  wall: RatioSpread;
  cpu: RatioSpread | null;
}

/** The 1-minute, 5-minute and 15-minute load averages, rounded for a report. */
export type LoadAverage = [number, number, number];

/** A load average above this at the start makes every figure of the run suspect, and the report says so. */
export const QUIET_LOAD = 1.5;

/** Which build of pair `index` (0-based) runs first: ours in even pairs, the floor in odd ones. */
export function firstInPair(index: number): 'ours' | 'floor' {
  return index % 2 === 0 ? 'ours' : 'floor';
}

/** The load average now, to two decimals. */
export function loadAverage(): LoadAverage {
  const [one, five, fifteen] = loadavg().map((x) => Math.round(x * 100) / 100);
  return [one!, five!, fifteen!];
}

/** Lets the kernel finish writing the previous build's output before the next one is timed. */
export function flushWrites(): void {
  spawnSync('sync', { stdio: 'ignore' });
}

function spread(xs: readonly number[]): RatioSpread {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

/** Median and spread of the wall and CPU ratios; the CPU ratio only where every pair has one. */
export function summarizePairs(pairs: readonly BuildPair[]): PairSummary {
  const cpu = pairs.map((p) => p.cpuRatio);
  return {
    wall: spread(pairs.map((p) => p.ratio)),
    cpu: cpu.every((r): r is number => r !== null) ? spread(cpu) : null,
  };
}

/** `2.01× (1.87–2.40)`: how a ratio is written in the report and on the console. */
export function formatSpread(s: RatioSpread): string {
  return `${s.median.toFixed(2)}× (${s.min.toFixed(2)}–${s.max.toFixed(2)})`;
}
