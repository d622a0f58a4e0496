/** bench/RESULTS.md: the figures of one run, readable by people. */
import type { ScaleResult } from './bench.ts';
import type { BudgetResult } from './budgets.ts';
import { medianOfKnown } from './stats.ts';
import { formatSpread, QUIET_LOAD, type LoadAverage } from './pairs.ts';

const s = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
/** CPU seconds beside a wall time; a build that waited for a busy machine shows few of them. */
const cpu = (seconds: number | null | undefined) => (seconds === null || seconds === undefined ? '' : ` (${seconds.toFixed(0)} CPU s)`);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The machine a run was measured on, and how busy it was at the start and the end of the run. */
export interface BenchMachine {
  cpus: number;
  node: string;
  date: string;
  load: { start: LoadAverage; end: LoadAverage };
}

export function renderResults(machine: BenchMachine, results: ScaleResult[], checked: BudgetResult[]): string {
  const lines: string[] = [];
  lines.push('# Benchmark results', '');
  if (machine.load.start[0] > QUIET_LOAD) {
    lines.push(`> **Not a quiet machine**: the load average was ${machine.load.start.join(' ')} when this run started (above ${QUIET_LOAD}). Other work shared the cores, so the ratios below may be off in either direction; run it again alone.`, '');
  }
  lines.push(`Load average (1, 5, 15 min) at the start of the run: ${machine.load.start.join(' ')}; at the end: ${machine.load.end.join(' ')}.`, '');
  lines.push(`One run of \`npm run bench\` on ${machine.date}: ${machine.cpus} cores, Node ${machine.node}. Fictional registers from \`scripts/generate-register.ts\` (seed 42). Absolute times on this shared machine are noisy; compare the ratios.`, '');
  lines.push('Search indexing runs in Pagefind\'s own process while Astro writes the pages; "waited for index" is the part of it the build still waited for after the last page.', '');
  lines.push('## Budgets', '', '| | budget | measured | |', '|---|---|---|---|');
  for (const b of checked) lines.push(`| ${b.name} | ${b.budget} | ${b.measured} | **${b.pass ? 'PASS' : 'FAIL'}** |`);
  lines.push('', '## Build', '', '| scale | holders | locations | languages | validate | pages | search index (alongside pages) | waited for index | whole build (CPU) | floor (bare Astro, CPU) | ratio (median of pairs) | peak memory | pages written | dist |', '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    lines.push(
      `| ${r.scale}x | ${r.holders} | ${r.locations} | ${r.languages} | ${r.validateMs.toFixed(0)} ms | ${s(r.build.pagesMs)} | ${s(r.build.indexMs)} | ${s(r.build.indexWaitMs)} | ${s(r.build.totalMs)}${cpu(r.build.cpuS)} | ${s(r.floorMs)}${cpu(medianOfKnown((r.pairs ?? []).map((p) => p.floorCpuS)))} | ${r.floorRatio?.toFixed(2) ?? 'n/a'}${r.pairs?.length ? ` (${r.pairs.map((p) => p.ratio.toFixed(2)).join(', ')})` : ''} | ${r.build.peakRssMb ?? '?'} MB | ${r.site.pages} | ${(r.site.bytes / 1e6).toFixed(1)} MB |`,
    );
  }
  for (const r of results) {
    if (!r.pairs?.length) continue;
    lines.push('', `### Build pairs at ${r.scale}x`, '');
    lines.push(`Each pair is our build and the floor's back to back, the order alternating; \`sync\` before every timed build. Wall ratio ${r.ratios ? formatSpread(r.ratios.wall) : 'n/a'}, CPU ratio ${r.ratios?.cpu ? formatSpread(r.ratios.cpu) : 'n/a'} (median, min–max). Load average ${r.load?.before.join(' ') ?? '?'} before the first pair, ${r.load?.after.join(' ') ?? '?'} after the last.`, '');
    lines.push('| pair | first | ours | floor | wall ratio | CPU ratio |', '|---|---|---|---|---|---|');
    r.pairs.forEach((p, i) => lines.push(`| ${i + 1} | ${p.first} | ${s(p.buildMs)}${cpu(p.buildCpuS)} | ${s(p.floorMs)}${cpu(p.floorCpuS)} | ${p.ratio.toFixed(2)}× | ${p.cpuRatio === null ? 'n/a' : `${p.cpuRatio.toFixed(2)}×`} |`));
  }
  for (const r of results) {
    lines.push('', `## Page weight at ${r.scale}x`, '', '| page type | pages | HTML median | HTML largest | gzip median | gzip largest | JS (gzip) | CSS (gzip) |', '|---|---|---|---|---|---|---|---|');
    for (const [type, t] of Object.entries(r.site.byType)) {
      lines.push(`| ${type} | ${t.pages} | ${kb(t.htmlMedian)} | ${kb(t.htmlMax)} | ${kb(t.htmlGzipMedian)} | ${kb(t.htmlGzipMax)} | ${kb(t.js)} (${kb(t.jsGzip)}) | ${kb(t.css)} (${kb(t.cssGzip)}) |`);
    }
    if (r.browser) {
      lines.push('', `## In Chromium at ${r.scale}x`, '');
      if (r.browser.search) {
        const search = r.browser.search;
        lines.push(`- Search, first query "${search.query}" typed into the loaded search page: ${kb(search.firstQueryBytes)} transferred, first results ${search.firstResultsMs.toFixed(0)} ms after typing.`);
        lines.push(`- Search, the same query misspelt ("${search.corrected.query}"), corrected from the register's words: ${kb(search.corrected.bytes)} transferred (the vocabulary and its code ${kb(search.corrected.correctionBytes)}), first results ${search.corrected.ms.toFixed(0)} ms after typing. The uncorrected query loaded ${kb(search.uncorrectedCorrectionBytes)} of them.`);
        lines.push(
          `- Search, a shared link with that query opened in an empty browser: ${kb(search.coldLink.bytes)} until the first results (${search.coldLink.ms.toFixed(0)} ms after navigation), ${kb(search.coldLink.settledBytes)} once every filter count is in. Pagefind's WebAssembly and its index metadata, the bulk of this, come once per visit, before any query.`,
        );
      }
      if (r.browser.map) {
        lines.push(`- Map: first render (markers drawn) ${r.browser.map.firstRenderMs.toFixed(0)} ms after navigation; ${kb(r.browser.map.bytesBeforeTiles)} before tiles.`);
      }
      if (r.browser.compare) {
        const c = r.browser.compare;
        lines.push(`- Comparison of four locations (${c.ids.join(', ')}): ${kb(c.bytesBeforeData)} before its data, ${kb(c.dataBytes)} of API documents, drawn ${c.renderAfterDataMs.toFixed(0)} ms after the last one arrived.`);
      }
      for (const l of r.browser.lighthouse ?? []) lines.push(`- Lighthouse ${l.page} (median of three runs): ${Object.entries(l.scores).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      for (const note of r.browser.notes) lines.push(`- ${note}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
