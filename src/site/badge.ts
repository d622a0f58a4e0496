/**
 * The verification badge: `/badge/{holder_id}.svg`, a small image a school puts on its own
 * website (linking to its page here) that states, from the register itself, whether it
 * holds the keurmerk today. It is rebuilt with every publication, so a suspended or former
 * holder's badge says so: that is the point of it.
 *
 * A standalone SVG file: no script, no link, no font or image from anywhere, no `<style>`
 * (the colours are presentation attributes, taken from the design tokens), so it shows
 * the same on any website and cannot be made to run anything. Text is escaped as XML.
 * In Dutch, the register's language, like the keurmerk's own documents.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { STATUS_FAMILIES, statusFamily, type Holder, type StatusFamily } from '../register/index.ts';
import { formatDate, useTranslations } from '../i18n/index.ts';

/** The badge's size in CSS pixels: the snippet on the holder page states it, so the page does not jump. */
export const BADGE_SIZE = { width: 320, height: 96 } as const;

const t = useTranslations('nl');

/**
 * `--kr-status-{tone}-{color|background}` from tokens.css, so the badge's colours are the
 * site's. Read from the project folder, where every build and test runs (as the register is).
 */
function statusColours(): Record<StatusFamily, { color: string; background: string }> {
  const tokens = readFileSync(resolve('src/styles/tokens.css'), 'utf8');
  const value = (name: string) => {
    const match = new RegExp(`--kr-status-${name}:\\s*(#[0-9a-fA-F]{3,8})\\s*;`).exec(tokens);
    if (!match) throw new Error(`tokens.css has no --kr-status-${name} colour for the badge`);
    return match[1]!;
  };
  return Object.fromEntries(STATUS_FAMILIES.map((f) => [f, { color: value(`${f}-color`), background: value(`${f}-background`) }])) as Record<
    StatusFamily,
    { color: string; background: string }
  >;
}

const COLOURS = statusColours();

/**
 * The status badge's icon shapes (check, warning triangle, pause, cross), so the status reads
 * without colour too. Read from status-badge.css, which draws them as masks on every page:
 * one home for the shapes, as tokens.css is for the colours.
 */
function statusIcons(): Record<StatusFamily, { d: string; width: string }> {
  const css = readFileSync(resolve('src/components/StatusBadge/status-badge.css'), 'utf8');
  return Object.fromEntries(
    STATUS_FAMILIES.map((family) => {
      const mask = new RegExp(`\\.kr-status-badge--${family}\\s*\\{\\s*--kr-status-icon:\\s*url\\("data:image/svg\\+xml,([^"]+)"\\)`).exec(css);
      const svg = mask ? decodeURIComponent(mask[1]!) : '';
      const d = /\sd='([^']+)'/.exec(svg)?.[1];
      const width = /stroke-width='([\d.]+)'/.exec(svg)?.[1];
      if (!d || !width) throw new Error(`status-badge.css has no icon for the ${family} badge`);
      return [family, { d, width }];
    }),
  ) as Record<StatusFamily, { d: string; width: string }>;
}

const ICONS = statusIcons();

/** The border's pattern per family, as on the status badge: solid, solid, dashed, dotted. */
const DASH: Record<StatusFamily, string | undefined> = { valid: undefined, recovery: undefined, suspended: '6 3', former: '2 3' };

const escapeXml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Characters of the name that fit on one line (13 px bold); a rough average, kept on the safe side. */
const NAME_LINE_CHARS = 33;

/** The name in at most two lines, broken between words, the rest cut with an ellipsis. */
export function nameLines(name: string): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (next.length <= NAME_LINE_CHARS || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length > 2) return [cut(lines[0]!), cut(lines.slice(1).join(' '))];
  return lines.map(cut);
}

const cut = (line: string) => (line.length <= NAME_LINE_CHARS ? line : `${line.slice(0, NAME_LINE_CHARS - 1).trimEnd()}…`);

/** The badge of one holder, as of the export date. */
export function badgeSvg(holder: Holder, exportDate: string): string {
  const family = statusFamily(holder.keurmerk_status);
  const { color, background } = COLOURS[family];
  const icon = ICONS[family];
  const status = t(`badge.status.${holder.keurmerk_status}`);
  const date = t('badge.registerDate', { date: formatDate('nl', exportDate) });
  const lines = nameLines(holder.name);
  const { width, height } = BADGE_SIZE;
  const text = (x: number, y: number, attributes: string, content: string) => `<text x="${x}" y="${y}" ${attributes}>${escapeXml(content)}</text>`;
  const nameY = lines.length === 1 ? 44 : 38;
  const dash = DASH[family] ? ` stroke-dasharray="${DASH[family]}"` : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t" data-status="${holder.keurmerk_status}">`,
    `<title id="t">${escapeXml(`Keurmerk Inburgeren: ${holder.name}. ${status}. ${date}.`)}</title>`,
    `<rect x="1" y="1" width="${width - 2}" height="${height - 2}" rx="6" fill="#ffffff" stroke="${color}" stroke-width="2"${dash}/>`,
    `<rect x="1" y="1" width="52" height="${height - 2}" rx="6" fill="${background}"/>`,
    `<g transform="translate(11 ${height / 2 - 16}) scale(2)"><path d="${icon.d}" fill="none" stroke="${color}" stroke-width="${icon.width}"/></g>`,
    `<g font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif" fill="#1b1b1b">`,
    text(64, 20, 'font-size="11" font-weight="700" fill="#4a4a4a"', 'Keurmerk Inburgeren'),
    ...lines.map((line, i) => text(64, nameY + i * 16, 'font-size="13" font-weight="700"', line)),
    text(64, nameY + lines.length * 16 + 2, `font-size="13" font-weight="700" fill="${color}"`, status),
    text(64, height - 8, 'font-size="10" fill="#4a4a4a"', date),
    `</g>`,
    `</svg>`,
  ].join('\n');
}
