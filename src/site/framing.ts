/**
 * Which pages other websites may show in a frame: the embeddable municipality lists and
 * nothing else. A page that says which school may be trusted must not be framed by a
 * stranger (clickjacking), so the response headers (`frame-ancestors`) forbid framing
 * everywhere except at these paths. One list, read by the header configuration and the tests.
 */

/** Frameable paths as a `_headers`-style pattern (`:lang` one segment, `*` the rest). */
export const FRAMEABLE_PATH_PATTERNS = ['/:lang/embed/*'] as const;

/** The same paths as one regular expression (for nginx `location ~` and for tests). */
export const FRAMEABLE_PATH_REGEX = /^\/[a-z]{2,3}\/embed\//;

/** Whether other websites may frame the page at this URL path. */
export function isFrameable(pathname: string): boolean {
  return FRAMEABLE_PATH_REGEX.test(pathname);
}
