/**
 * What a built site weighs: pages per type, HTML bytes per page (median and largest, raw
 * and gzip), and the JavaScript and CSS each page type loads, followed through static
 * imports so a bundle's chunks count too.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { median } from './stats.ts';

/** Page type from the URL path: `/nl/vestiging/V1/` → `vestiging`, `/nl/` → `home`. */
export function pageType(urlPath: string): string {
  const parts = urlPath.split('/').filter(Boolean);
  if (parts.length <= 1) return parts[0]?.endsWith('.html') ? parts[0].replace('.html', '') : parts.length === 0 ? 'root' : 'home';
  return parts[1]!.replace(/\.html$/, '');
}

function walk(dir: string, base = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, `${base}/${name}`) : [`${base}/${name}`];
  });
}


export interface PageTypeStats {
  pages: number;
  htmlMedian: number;
  htmlMax: number;
  htmlGzipMedian: number;
  htmlGzipMax: number;
  /** JavaScript a page of this type loads (largest over the type), raw and gzip. */
  js: number;
  jsGzip: number;
  css: number;
  cssGzip: number;
}

export interface SiteStats {
  files: number;
  pages: number;
  bytes: number;
  byType: Record<string, PageTypeStats>;
}

/** Scripts and stylesheets a page loads, with the chunks those scripts import statically. */
function assetsOf(dist: string, html: string): { js: Set<string>; css: Set<string> } {
  const js = new Set<string>();
  const css = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) js.add(m[1]!);
  for (const m of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"|<link[^>]*href="([^"]+)"[^>]*rel="stylesheet"/g)) css.add((m[1] ?? m[2])!);
  const queue = [...js];
  while (queue.length) {
    const src = queue.pop()!;
    let code: string;
    try {
      code = readFileSync(join(dist, src), 'utf8');
    } catch {
      continue;
    }
    for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      const next = posix.normalize(posix.join(posix.dirname(src), m[1]!));
      if (!js.has(next)) {
        js.add(next);
        queue.push(next);
      }
    }
  }
  return { js, css };
}

export function siteStats(dist: string): SiteStats {
  const files = walk(dist);
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (path: string) => {
    let s = sizes.get(path);
    if (!s) {
      try {
        const bytes = readFileSync(join(dist, path));
        s = { raw: bytes.length, gzip: gzipSync(bytes).length };
      } catch {
        s = { raw: 0, gzip: 0 };
      }
      sizes.set(path, s);
    }
    return s;
  };
  const groups = new Map<string, { raw: number[]; gzip: number[]; js: number; jsGzip: number; css: number; cssGzip: number }>();
  let bytes = 0;
  for (const file of files) bytes += statSync(join(dist, file)).size;
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  for (const file of htmlFiles) {
    const html = readFileSync(join(dist, file));
    const type = pageType(file.replace(/index\.html$/, ''));
    const g = groups.get(type) ?? { raw: [], gzip: [], js: 0, jsGzip: 0, css: 0, cssGzip: 0 };
    g.raw.push(html.length);
    g.gzip.push(gzipSync(html).length);
    const { js, css } = assetsOf(dist, html.toString('utf8'));
    const sum = (set: Set<string>, key: 'raw' | 'gzip') => [...set].reduce((n, p) => n + sizeOf(p)[key], 0);
    g.js = Math.max(g.js, sum(js, 'raw'));
    g.jsGzip = Math.max(g.jsGzip, sum(js, 'gzip'));
    g.css = Math.max(g.css, sum(css, 'raw'));
    g.cssGzip = Math.max(g.cssGzip, sum(css, 'gzip'));
    groups.set(type, g);
  }
  const byType: SiteStats['byType'] = {};
  for (const [type, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    byType[type] = {
      pages: g.raw.length,
      htmlMedian: g.raw.length ? median(g.raw) : 0,
      // reduce, not Math.max(...): spreading 100,000 page sizes overflows the call stack at 30x.
      htmlMax: g.raw.reduce((a, b) => Math.max(a, b), 0),
      htmlGzipMedian: g.gzip.length ? median(g.gzip) : 0,
      htmlGzipMax: g.gzip.reduce((a, b) => Math.max(a, b), 0),
      js: g.js,
      jsGzip: g.jsGzip,
      css: g.css,
      cssGzip: g.cssGzip,
    };
  }
  return { files: files.length, pages: htmlFiles.length, bytes, byType };
}
