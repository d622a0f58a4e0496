/**
 * Which pages other websites may show in a frame: the embeddable municipality lists and
 * nothing else. A page that says which school may be trusted must not be framed by a
 * stranger (clickjacking), so the response headers (`frame-ancestors`) forbid framing
 * everywhere except at these paths. Read by the response headers (src/site/response-headers.ts).
 */

/** The frameable paths: `/{lang}/embed/…`. */
const FRAMEABLE_PATH = /^\/[a-z]{2,3}\/embed\//;

/** Whether other websites may frame the page at this URL path. */
export function isFrameable(pathname: string): boolean {
  return FRAMEABLE_PATH.test(pathname);
}
