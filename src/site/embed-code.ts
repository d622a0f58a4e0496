/**
 * Copy-ready HTML for other websites (a holder's badge, a municipality's framed list) and
 * the QR code for paper. Pasted into someone else's page, a relative address means
 * nothing, so everything here needs the register's public address (`SITE_URL`); a build
 * without one gets `undefined` and the page says why there is no code.
 */
import QRCode from 'qrcode';
import { BADGE_SIZE } from './badge.ts';
import { paths } from './paths.ts';

/** The public address of a path on this site, or undefined when the build does not know it. */
export function publicUrl(path: string, site: URL | undefined): string | undefined {
  return site ? new URL(path, site).href : undefined;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The badge linking to the holder's page: a plain link and image, nothing that runs, so any
 * website (and any content management system that strips scripts) can take it.
 */
export function badgeSnippet(options: { holderUrl: string; badgeUrl: string; alt: string }): string {
  const { width, height } = BADGE_SIZE;
  return `<a href="${escapeHtml(options.holderUrl)}"><img src="${escapeHtml(options.badgeUrl)}" width="${width}" height="${height}" alt="${escapeHtml(options.alt)}"></a>`;
}

/** Height of the framed municipality list: room for a handful of locations before it scrolls. */
export const EMBED_HEIGHT = 600;

/** The framed list of a municipality, full width of wherever it is pasted. */
export function iframeSnippet(options: { src: string; title: string }): string {
  return `<iframe src="${escapeHtml(options.src)}" title="${escapeHtml(options.title)}" width="100%" height="${EMBED_HEIGHT}" loading="lazy"></iframe>`;
}

/** A QR code as the page draws it: the modules as one SVG path, in a square of `size` modules. */
export interface QrDrawing {
  size: number;
  d: string;
}

/**
 * The QR code of an address, made by the `qrcode` library (error correction M: survives a
 * smudge on a flyer; the library picks the mask that scans best). Only the numbers of its
 * SVG are kept, so the page writes the SVG itself, escaped, instead of pasting the
 * library's markup into the page.
 *
 * The address goes in as one byte-mode segment: left to itself, the library searches for
 * the shortest mix of modes with a shortest-path search, a third of the time of each code,
 * and an address gains next to nothing from it (alphanumeric mode holds no lower case).
 */
export async function qrCode(url: string): Promise<QrDrawing> {
  const svg = await QRCode.toString([{ data: new TextEncoder().encode(url), mode: 'byte' }], { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  const size = /viewBox="0 0 (\d+) \1"/.exec(svg);
  const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg);
  if (!size || !d) throw new Error('the qrcode library changed its SVG output; update qrCode()');
  return { size: Number(size[1]), d: d[1]! };
}

/** Every address the "on your website" sections need, for one holder in one language. */
export function holderAddresses(lang: Parameters<typeof paths.holder>[0], holderId: string, site: URL | undefined) {
  const holderUrl = publicUrl(paths.holder(lang, holderId), site);
  const badgeUrl = publicUrl(paths.badge(holderId), site);
  return holderUrl && badgeUrl ? { holderUrl, badgeUrl } : undefined;
}
