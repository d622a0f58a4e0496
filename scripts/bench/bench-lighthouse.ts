/**
 * `npm run bench:lighthouse -- --dist DIR [--runs 3] [--port N] [--reports DIR] [/nl/kaart/ …]`: Lighthouse
 * on pages of a site already built (default: the map page), several runs each, as the
 * benchmark measures it (scripts/bench/browser.ts). Prints every run's scores and the
 * figures behind the performance score, then the median, because simulated throttling
 * scales the task durations observed on this (shared, two-core) machine and one run
 * moves with the load. `--reports` keeps each run's full JSON report to read the audits.
 * `--port`: serve where the site was built for (SITE_URL), so canonical and hreflang links
 * point at the server, as `npm run bench` does (SITE_URL=http://127.0.0.1:4399, --port 4399).
 * `--nginx`: serve with nginx and the site's own configuration (its `_headers` as nginx.conf,
 * scripts/nginx-conf.ts), so the scores are those of the published headers, CSP header and
 * caching included, rather than of Astro's preview server.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { tmpdir } from 'node:os';
import { preview } from 'astro';
import { lighthouseRuns, medianScores } from './browser.ts';
import { freePort, startNginx } from '../lib/nginx.ts';
import { nginxConfFor, writeFileAtomically } from '../../src/site/host-config.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dist: { type: 'string' },
    runs: { type: 'string', default: '3' },
    reports: { type: 'string' },
    port: { type: 'string', default: '0' },
    nginx: { type: 'boolean', default: false },
  },
});
if (!values.dist) throw new Error('--dist DIR: a built site (npm run build with REGISTER_OUT_DIR=DIR)');
const runs = Math.max(1, Math.floor(Number(values.runs)));
const paths = positionals.length ? positionals : ['/nl/kaart/'];
/** The metrics the performance score is made of. */
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

/** The site on a loopback port, by nginx with its own configuration or by Astro's preview server. */
async function serve(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dist = resolve(values.dist!);
  if (!values.nginx) {
    const server = await preview({ root: process.cwd(), outDir: dist, server: { port: Number(values.port), host: '127.0.0.1' }, logLevel: 'error' });
    return { url: `http://127.0.0.1:${server.port}`, stop: () => server.stop() };
  }
  const port = Number(values.port) || (await freePort());
  const conf = join(tmpdir(), `kr-lighthouse-${process.pid}.nginx.conf`);
  writeFileAtomically(conf, nginxConfFor(dist, { listen: `127.0.0.1:${port}`, root: dist }));
  const nginx = await startNginx(conf, port);
  return {
    url: nginx.url,
    stop: async () => {
      await nginx.stop();
      rmSync(conf, { force: true });
    },
  };
}

const server = await serve();
try {
  console.log(`serving with ${values.nginx ? 'nginx and the site\'s nginx.conf' : 'Astro\'s preview server'} on ${server.url}`);
  console.log(`load average before: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  const results = await lighthouseRuns(server.url, Object.fromEntries(paths.map((p) => [p, p])), runs);
  if (values.reports) mkdirSync(values.reports, { recursive: true });
  for (const path of paths) {
    const mine = results.filter((r) => r.page === path);
    console.log(`\n${path}`);
    mine.forEach((r, i) => {
      const metrics = METRICS.map((id) => `${id.replace(/-/g, ' ')} ${r.report.audits[id]?.displayValue ?? '?'}`).join(', ');
      console.log(`  run ${i + 1}: ${Object.entries(r.scores).map(([k, v]) => `${k} ${v}`).join(', ')} | ${metrics}`);
      if (values.reports) writeFileSync(join(values.reports, `${path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'root'}-${i + 1}.json`), JSON.stringify(r.report));
    });
    console.log(`  median: ${Object.entries(medianScores(mine)).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  console.log(`\nload average after: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
} finally {
  await server.stop();
}
