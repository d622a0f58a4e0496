/**
 * `npm run bench:map [-- --scale 10 --runs 5 --no-site --dist DIR]`: the map at ten times the real
 * register (about 6,500 located locations).
 *
 * 1. leaflet.markercluster against supercluster, on the same marker file, the same Leaflet
 *    map and the same pin DOM (scripts/bench-map/*.ts, bundled with esbuild and served on
 *    127.0.0.1): first render (navigation to markers painted), time spent clustering, and
 *    smoothness of a fixed run of animated zooms and pans (frame intervals from
 *    requestAnimationFrame: median, 95th percentile, worst, and frames over 50 ms).
 * 2. The real map page (unless --no-site): builds the site from the same register, serves
 *    it (or serves --dist, built from the same register), and times navigation to the map's
 *    markers being painted, tiles refused as when offline; then zooms and pans it with the
 *    keyboard (Leaflet's + - and arrow keys) and logs frames the same way.
 *    Also the marker file's size, raw and gzipped.
 *
 * Debian's Chromium, headless, no GPU, two cores: absolute numbers are slow; compare them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';
import { preview } from 'astro';
import type { Browser, Page } from 'playwright-core';
import { readExportDir, validateExports } from '../src/register/index.ts';
import { encodeMapMarkers } from '../src/register/map-markers.ts';
import { writeRegister } from './generate-register.ts';
import { launchChromium } from './lib/chromium.ts';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '10' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '42' },
    'no-site': { type: 'boolean', default: false },
    /** A site already built from the same register (scale and seed), to time the page without rebuilding. */
    dist: { type: 'string' },
  },
});
const scale = Number(values.scale);
const runs = Math.max(1, Math.floor(Number(values.runs)));
const ROOT = resolve(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'bench-map-'));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

/** Static files over HTTP on loopback, gzipped like any static host would. */
function serve(dir: string): Promise<{ url: string; close: () => void }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url!, 'http://x').pathname).replace(/\/$/, '/index.html'));
    try {
      const body = gzipSync(readFileSync(path));
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'content-encoding': 'gzip' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() })));
}

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

async function harness(browser: Browser, url: string) {
  const firstRender: number[] = [];
  const clustering: number[] = [];
  const frames: number[] = [];
  let runMs = 0;
  let drawnAtStart = 0;
  for (let run = 0; run < runs + 1; run++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(url);
    await page.locator('body[data-state="drawn"]').waitFor({ timeout: 120_000 });
    const marks = await page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0]!.startTime;
      return { drawn: at('drawn'), clustering: at('clustered') - at('data') };
    });
    drawnAtStart = await page.evaluate(() => (window as unknown as { bench: { count: () => number } }).bench.count());
    const result = await page.evaluate(() => (window as unknown as { bench: { run: () => Promise<{ frames: number[]; ms: number }> } }).bench.run());
    await page.close();
    if (run === 0) continue; // warm-up: disk cache and JIT
    firstRender.push(marks.drawn);
    clustering.push(marks.clustering);
    frames.push(...result.frames);
    runMs += result.ms;
  }
  return {
    firstRender: median(firstRender),
    clustering: median(clustering),
    drawnAtStart,
    frameMedian: median(frames),
    frameP95: percentile(frames, 95),
    frameMax: Math.max(...frames),
    longFrames: frames.filter((f) => f > 50).length / runs,
    runMs: runMs / runs,
  };
}

try {
  // The register and its marker file.
  const data = join(work, 'data');
  mkdirSync(data);
  writeRegister(data, { scale, seed: Number(values.seed) });
  const result = validateExports(readExportDir(data));
  if (!result.ok) throw new Error('generated register is invalid');
  const json = JSON.stringify(encodeMapMarkers(result.register));
  const located = result.register.locations.filter((l) => l.latitude !== undefined).length;
  console.log(`scale ${scale}: ${result.counts.locations} locations, ${located} with coordinates`);
  console.log(`marker file: ${kb(json.length)} raw, ${kb(gzipSync(json).length)} gzip`);

  // The two variants, bundled like the real page (minified ES modules).
  const site = join(work, 'harness');
  mkdirSync(site);
  writeFileSync(join(site, 'markers.json'), json);
  for (const [from, to] of [
    ['node_modules/leaflet/dist/leaflet.css', 'leaflet.css'],
    ['node_modules/leaflet.markercluster/dist/MarkerCluster.css', 'markercluster.css'],
  ]) copyFileSync(join(ROOT, from), join(site, to));
  const css = ['src/styles/tokens.css', 'src/components/StatusBadge/status-badge.css', 'src/components/LocationMap/location-map.css']
    .map((f) => readFileSync(join(ROOT, f), 'utf8'))
    .join('\n');
  writeFileSync(join(site, 'site.css'), `${css}\nhtml,body{margin:0}#map{height:800px}`);
  for (const variant of ['supercluster', 'markercluster']) {
    await esbuild({
      entryPoints: [join(ROOT, `scripts/bench-map/${variant}.ts`)],
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      outfile: join(site, `${variant}.js`),
      logLevel: 'error',
    });
    const extraCss = variant === 'markercluster' ? '<link rel="stylesheet" href="markercluster.css">' : '';
    writeFileSync(
      join(site, `${variant}.html`),
      `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="leaflet.css">${extraCss}<link rel="stylesheet" href="site.css"><div id="map" dir="ltr"></div><script type="module" src="${variant}.js"></script>`,
    );
  }
  const server = await serve(site);
  const browser = await launchChromium();
  try {
    console.log(`\nclustering, median of ${runs} runs (1280×800, animated zooms and pans; frame intervals in ms):`);
    console.log('| variant | JS (gzip) | first render | clustering | pins+clusters drawn | frame median | frame p95 | worst frame | frames > 50 ms per run | run length |');
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    for (const variant of ['supercluster', 'markercluster']) {
      const js = readFileSync(join(site, `${variant}.js`));
      const r = await harness(browser, `${server.url}/${variant}.html`);
      console.log(
        `| ${variant} | ${kb(gzipSync(js).length)} | ${r.firstRender.toFixed(0)} ms | ${r.clustering.toFixed(0)} ms | ${r.drawnAtStart} | ${r.frameMedian.toFixed(1)} | ${r.frameP95.toFixed(1)} | ${r.frameMax.toFixed(0)} | ${r.longFrames.toFixed(1)} | ${(r.runMs / 1000).toFixed(1)} s |`,
      );
    }
  } finally {
    await browser.close();
    server.close();
  }

  if (!values['no-site']) {
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
