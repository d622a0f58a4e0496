/**
 * `npm start` (after the build) and `npm run preview`: serves the built site on
 * http://localhost:4321/ with Astro's preview server, from `REGISTER_OUT_DIR` (default
 * `dist/`), the folder `npm run build` wrote; `astro preview` itself would serve the config's
 * `dist/` whatever the build was told. Called through Astro's API rather than its CLI, which
 * would first print a usage-data notice (telemetry is off for this project: astro.config.mjs).
 * PORT picks another port.
 */
import { resolve } from 'node:path';
import { preview } from 'astro';

const outDir = resolve(process.env.REGISTER_OUT_DIR || 'dist');
// Astro prints the address itself; Ctrl+C stops the server.
await preview({ root: process.cwd(), outDir, server: { port: Number(process.env.PORT) || 4321 } });
