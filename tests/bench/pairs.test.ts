/**
 * How the benchmark pairs our build with the floor's: the order alternates so neither build
 * always meets the other's writeback, and the verdict is a median with its spread.
 */
import { describe, expect, it } from 'vitest';
import { firstInPair, formatSpread, summarizePairs, type BuildPair } from '../../scripts/bench/pairs.ts';
import { renderResults } from '../../scripts/bench/report.ts';
import type { ScaleResult } from '../../scripts/bench/bench.ts';

const pair = (ratio: number, cpuRatio: number | null, first: 'ours' | 'floor'): BuildPair => ({ buildMs: ratio * 10_000, buildCpuS: cpuRatio === null ? null : cpuRatio * 10, floorMs: 10_000, floorCpuS: cpuRatio === null ? null : 10, ratio, cpuRatio, first });

describe('build pairs', () => {
  it('alternate which build runs first, starting with ours', () => {
    expect([0, 1, 2, 3, 4].map(firstInPair)).toEqual(['ours', 'floor', 'ours', 'floor', 'ours']);
  });

  it('summarise wall and CPU ratios as medians with their spread', () => {
    const summary = summarizePairs([pair(2.1, 2.6, 'ours'), pair(1.8, 2.2, 'floor'), pair(3.0, 2.4, 'ours'), pair(1.9, 2.3, 'floor'), pair(2.0, 2.9, 'ours')]);
    expect(summary.wall).toEqual({ median: 2.0, min: 1.8, max: 3.0 });
    expect(summary.cpu).toEqual({ median: 2.4, min: 2.2, max: 2.9 });
    expect(formatSpread(summary.wall)).toBe('2.00× (1.80–3.00)');
  });

  it('give no CPU ratio when a pair has no CPU figure, rather than a median of part of them', () => {
    expect(summarizePairs([pair(2.0, 2.5, 'ours'), pair(2.2, null, 'floor')]).cpu).toBeNull();
  });
});

describe('the report', () => {
  const result = { scale: 10, holders: 1, locations: 1, languages: 9, validateMs: 1, build: { totalMs: 1, cpuS: 1, validateMs: 1, astroMs: 1, indexMs: null, indexWaitMs: null, pagesMs: 1, peakRssMb: 1 }, floorMs: 1, floorRatio: 2, ratios: summarizePairs([pair(2, 2.5, 'ours'), pair(2, 2.5, 'floor')]), pairs: [pair(2, 2.5, 'ours'), pair(2, 2.5, 'floor')], load: { before: [0.4, 0.5, 0.6], after: [1.9, 1.2, 0.9] }, site: { files: 1, pages: 1, bytes: 1, byType: {} }, browser: null } satisfies ScaleResult;

  it('says at the top when the run started on a busy machine', () => {
    const busy = renderResults({ cpus: 2, node: 'v24', date: '2026-12-07', load: { start: [3.2, 2.0, 1.0], end: [1, 1, 1] } }, [result], []);
    expect(busy.split('\n').slice(0, 4).join('\n')).toContain('Not a quiet machine');
    const quiet = renderResults({ cpus: 2, node: 'v24', date: '2026-12-07', load: { start: [0.3, 0.2, 0.1], end: [1, 1, 1] } }, [result], []);
    expect(quiet).not.toContain('Not a quiet machine');
  });

  it('lists every pair with its order, both ratios and the load average before and after', () => {
    const text = renderResults({ cpus: 2, node: 'v24', date: '2026-12-07', load: { start: [0.3, 0.2, 0.1], end: [1, 1, 1] } }, [result], []);
    expect(text).toContain('| 2 | floor |');
    expect(text).toContain('CPU ratio 2.50× (2.50–2.50)');
    expect(text).toContain('Load average 0.4 0.5 0.6 before the first pair, 1.9 1.2 0.9 after the last.');
  });
});
