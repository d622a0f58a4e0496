/**
 * A young generation of 64 MB instead of V8's 16 MB, for the page rendering of a build.
 *
 * A build renders tens of thousands of pages, each made of short-lived strings: with V8's
 * default the collector ran about 310 times in a 1x build, with 64 MB about 85 times, and
 * spent a third less time (figures in docs/architecture.md, "Build"). Set at run time, so
 * every way of starting the build (`npm run build`, the tests, the benchmark) gets it
 * without repeating a command-line flag; and only once the export is validated, so the
 * validation's memory stays what `npm run bench:validate` measures.
 */
import { setFlagsFromString } from 'node:v8';

export function growYoungGenerationForRendering(): void {
  setFlagsFromString('--max-semi-space-size=64');
}
