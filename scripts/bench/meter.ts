/**
 * Bytes on the wire (compressed body plus headers) of every request in a browser context,
 * by kind of file. Context-wide, because Pagefind fetches its index from a Web Worker whose
 * requests a page-level DevTools session would not see. Shared by `bench:search` and
 * `npm run bench`.
 */
import type { Page } from 'playwright-core';

export type ByKind = Map<string, { bytes: number; requests: number }>;

export function meterRequests(page: Page, kind: (url: string) => string = () => 'all') {
  type Entry = { kind: string; bytes: number; end: number };
  let entries: Entry[] = [];
  let pending: Promise<void>[] = [];
  page.context().on('requestfinished', (request) => {
    pending.push(
      request.sizes().then(
        (sizes) => {
          const timing = request.timing();
          entries.push({ kind: kind(request.url()), bytes: sizes.responseBodySize + sizes.responseHeadersSize, end: timing.startTime + timing.responseEnd });
        },
        // A request still finishing as its context closes has no sizes any more; it counts as 0.
        () => undefined,
      ),
    );
  });
  return {
    reset: () => {
      entries = [];
      pending = [];
    },
    /** Settles the sizes still being read, then sums the responses that had ended by `until` (epoch ms). */
    settle: async (until = Infinity) => {
      await Promise.all(pending);
      const byKind: ByKind = new Map();
      for (const e of entries.filter((e) => e.end <= until)) {
        const entry = byKind.get(e.kind) ?? { bytes: 0, requests: 0 };
        entry.bytes += e.bytes;
        entry.requests += 1;
        byKind.set(e.kind, entry);
      }
      return { total: [...byKind.values()].reduce((n, e) => n + e.bytes, 0), byKind };
    },
  };
}
