/**
 * `npm run screenshots -- [--dist dist] [--out screenshots] [--lang nl,ar] [--pdf] /nl/ /nl/aanbieder/X/ …`
 *
 * Serves a built site and saves phone and desktop screenshots of the given paths (with
 * `{lang}` in a path replaced by each language), so people look at what they build.
 * `--pdf` also prints each page to A4 PDF with the print stylesheet, as Chromium prints it
 * (convert with `pdftoppm -png` to look at the pages).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { preview } from 'astro';
import { launchChromium, VIEWPORTS } from './lib/chromium.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'screenshots' },
    lang: { type: 'string', default: 'nl' },
    full: { type: 'boolean', default: false },
    pdf: { type: 'boolean', default: false },
  },
});
const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const server = await preview({ root: process.cwd(), outDir: values.dist, server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
const browser = await launchChromium();
try {
  for (const lang of values.lang.split(',')) {
    for (const raw of positionals.length ? positionals : ['/{lang}/']) {
      const path = raw.replaceAll('{lang}', lang);
      for (const [name, viewport] of Object.entries(VIEWPORTS)) {
        const page = await browser.newPage({ viewport });
        await page.goto(`http://127.0.0.1:${server.port}${path}`, { waitUntil: 'networkidle' });
        const file = resolve(out, `${path.replace(/^\/|\/$/g, '').replace(/[^\w-]+/g, '_') || 'root'}.${name}.png`);
        await page.screenshot({ path: file, fullPage: values.full });
        console.log(file);
        if (values.pdf && name === 'desktop') {
          const pdf = file.replace(/\.desktop\.png$/, '.pdf');
          // preferCSSPageSize: a page that asks for A4 landscape (`@page { size }`, the comparison) prints so.
          await page.pdf({ path: pdf, format: 'A4', printBackground: false, preferCSSPageSize: true });
          console.log(pdf);
        }
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
