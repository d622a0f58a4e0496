/**
 * `npm run bench:map [-- --scale 10 --runs 5 --dist DIR]`: the map at ten times the real
 * register (about 6,500 located locations).
 *
 * The marker file's size, raw and gzipped; then the real map page: builds the site from the
 * same register (or serves --dist, built from the same register), and times navigation to
 * the map's markers being painted, tiles refused as when offline; then zooms and pans it with
 * the keyboard (Leaflet's + - and arrow keys) and logs the intervals between animation
 * frames (median, 95th percentile, worst, frames over 50 ms).
 *
 * (The comparison of leaflet.markercluster with supercluster that chose supercluster is
 * recorded in docs/architecture.md; it is not repeated here.)
 *
 * Debian's Chromium, headless, no GPU, two cores: absolute numbers are slow; compare them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { preview } from 'astro';
import type { Page } from 'playwright-core';
import { readExportDir, validateExports } from '../../src/register/index.ts';
import { encodeMapMarkers } from '../../src/register/map-markers.ts';
import { writeRegister } from '../generate-register.ts';
import { launchChromium } from '../lib/chromium.ts';
import { readRegisterRun, registerRunOptions } from './options.ts';
import { median, percentile } from './stats.ts';

const { values } = parseArgs({
  options: {
    ...registerRunOptions(5),
    /** A site already built from the same register (scale and seed), to time the page without rebuilding. */
    dist: { type: 'string' },
  },
});
const { scale, seed, runs } = readRegisterRun(values);
const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'bench-map-'));
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

/**
 * Zooms and pans the real map page with Leaflet's keyboard controls, as a keyboard user
 * would, waiting for each move to end (the list below the map follows it); returns the
 * intervals between animation frames meanwhile.
 */
async function keyboardRun(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; stop_: boolean };
    w.frames_ = [];
    w.stop_ = false;
    let last = performance.now();
    const tick = (t: number) => {
      w.frames_.push(t - last);
      last = t;
      if (!w.stop_) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const canvas = page.locator('[data-map-canvas]');
  await canvas.focus();
  for (const key of ['+', '+', '+', '+', '+', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'ArrowRight', 'ArrowRight', '-', '-', '-']) {
    const before = await canvas.getAttribute('data-view');
    await page.keyboard.press(key);
    for (let i = 0; i < 60 && (await canvas.getAttribute('data-view')) === before; i++) await page.waitForTimeout(50);
    await page.waitForTimeout(150);
  }
  return page.evaluate(() => {
    const w = window as unknown as { frames_: number[]; stop_: boolean };
    w.stop_ = true;
    return w.frames_.slice(1);
  });
}

try {
  // The register and its marker file.
  const data = join(work, 'data');
  mkdirSync(data);
  writeRegister(data, { scale, seed });
  const result = validateExports(readExportDir(data));
  if (!result.ok) throw new Error('generated register is invalid');
  const json = JSON.stringify(encodeMapMarkers(result.register));
  const located = result.register.locations.filter((l) => l.latitude !== undefined).length;
  console.log(`scale ${scale}: ${result.counts.locations} locations, ${located} with coordinates`);
  console.log(`marker file: ${kb(json.length)} raw, ${kb(gzipSync(json).length)} gzip`);

  {
    // Inside the project (bench/work is ignored by git): Astro keeps its prerender chunks
    // beside an output folder within the project, but in the shared .astro/ for one outside,
    // where a build running at the same time would delete them.
    const outParent = join(ROOT, 'bench', 'work', `map-${process.pid}`);
    const out = values.dist ? resolve(values.dist) : join(outParent, 'dist');
    if (!values.dist) {
      const started = performance.now();
      const built = spawnSync(process.execPath, ['scripts/build.ts'], {
        cwd: ROOT,
        env: { ...process.env, REGISTER_DATA_DIR: data, REGISTER_OUT_DIR: out },
        encoding: 'utf8',
      });
      if (built.status !== 0) throw new Error(`site build failed:\n${built.stdout.slice(-2000)}\n${built.stderr.slice(-2000)}`);
      console.log(`\nsite built in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    console.log(`\nreal map page (${out}), tiles refused:`);
    const server2 = await preview({ root: ROOT, outDir: out, server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
    const browser2 = await launchChromium();
    try {
      const times: number[] = [];
      const frames: number[] = [];
      let markersDrawn = 0;
      for (let run = 0; run < runs + 1; run++) {
        const page = await browser2.newPage({ viewport: { width: 1280, height: 900 } });
        await page.route(/service\.pdok\.nl/, (route) => route.abort());
        await page.goto(`http://127.0.0.1:${server2.port}/nl/kaart/`);
        await page.locator('[data-location-map][data-state="ready"]').waitFor({ timeout: 120_000 });
        const ready = await page.evaluate(
          () => new Promise<number>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok(performance.now())))),
        );
        markersDrawn = await page.locator('.leaflet-marker-icon').count();
        if (run > 0) {
          times.push(ready);
          frames.push(...(await keyboardRun(page)));
        }
        await page.close();
      }
      console.log(`first render (navigation to markers painted): median ${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')} ms); ${markersDrawn} pins and clusters drawn`);
      console.log(
        `keyboard zooms and pans (5× in, 6 arrows, 3× out, list and counts updating): frame median ${median(frames).toFixed(1)} ms, p95 ${percentile(frames, 95).toFixed(1)} ms, worst ${Math.max(...frames).toFixed(0)} ms, ${(frames.filter((f) => f > 50).length / runs).toFixed(1)} frames over 50 ms per run`,
      );
    } finally {
      await browser2.close();
      await server2.stop();
      rmSync(outParent, { recursive: true, force: true });
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
