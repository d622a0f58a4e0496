/**
 * The verification badge and the code other websites copy: a suspended or former holder's
 * badge says so in words, colour and shape; the SVG holds no script and no reference to
 * anything outside itself, whatever the holder's name; the copy-ready HTML escapes it; and
 * the QR code really scans to the holder's page (decoded here by jsQR from the drawn modules).
 */
import { describe, expect, it } from 'vitest';
import type { Holder, Status } from '../../src/register/index.ts';
import { badgeSvg, nameLines } from '../../src/site/badge.ts';
import { badgeSnippet, iframeSnippet, qrCode } from '../../src/site/embed-code.ts';
import { isFrameable } from '../../src/site/framing.ts';
import { decodeQrPath } from '../support/qr.ts';

const holderWith = (status: Status, name = 'Taalschool De Brug'): Holder =>
  ({ holder_id: 'KH0001', name, keurmerk_status: status, status_since: '2025-01-01', laws: ['wi2021'], locations: [], history: [] }) as unknown as Holder;

/**
 * Everything in an SVG's markup that could run or fetch something. Only the tags are read:
 * text between them is text (escaped, it holds no `<`), however much it looks like code.
 */
function activeContent(document: string): string[] {
  const svg = (document.match(/<[^>]*>/g) ?? []).join('\n');
  const found: string[] = [];
  if (/<script/i.test(svg)) found.push('script element');
  if (/\son\w+\s*=/i.test(svg)) found.push('event handler attribute');
  if (/<(foreignObject|image|use|a|iframe|style|link)\b/i.test(svg)) found.push('element that embeds, links or styles');
  if (/(xlink:)?href\s*=/i.test(svg)) found.push('href');
  if (/url\(/i.test(svg)) found.push('url()');
  if (/@import/i.test(svg)) found.push('@import');
  // The one address allowed is the SVG namespace, which is a name, not a request.
  const addresses = [...svg.matchAll(/[a-z]+:\/\/[^"'\s<>]+/gi)].map((m) => m[0]).filter((a) => a !== 'http://www.w3.org/2000/svg');
  found.push(...addresses);
  return found;
}

describe('verification badge', () => {
  it('says "suspended" for a suspended holder, in its colour and with the pause shape', () => {
    const svg = badgeSvg(holderWith('geschorst'), '2026-11-06');
    expect(svg).toContain('>Keurmerk geschorst<');
    expect(svg).toContain('data-status="geschorst"');
    expect(svg).toContain('M5 2.5v11M11 2.5v11'); // pause
    expect(svg).toContain('stroke="#8f1e00"'); // --kr-status-suspended-color
    expect(svg).toContain('stroke-dasharray');
    expect(svg).toContain('Register van 6 november 2026');
    expect(svg).toContain('>Taalschool De Brug<');
  });

  it('says the keurmerk is withdrawn or ended for a former holder, and never that it holds one', () => {
    for (const [status, words] of [['ingetrokken', 'Keurmerk ingetrokken'], ['beeindigd', 'Keurmerk beëindigd']] as const) {
      const svg = badgeSvg(holderWith(status), '2026-11-06');
      expect(svg).toContain(`>${words}<`);
      expect(svg).not.toContain('Heeft het keurmerk');
      expect(svg).toContain('M3 3l10 10M13 3L3 13'); // cross
    }
    expect(badgeSvg(holderWith('onbepaalde_tijd'), '2026-11-06')).toContain('>Heeft het keurmerk<');
  });

  it('holds no script and no external reference, even when the name tries to inject some', () => {
    const hostile = '<script>alert(1)</script><image href="https://evil.example/x.png"/> & "quotes" \'too\' onload=x';
    for (const status of ['bepaalde_tijd', 'herstelperiode', 'geschorst', 'beeindigd'] as const) {
      const svg = badgeSvg(holderWith(status, hostile), '2026-11-06');
      expect(activeContent(svg), status).toEqual([]);
      expect(svg).toContain('&lt;script&gt;');
      expect(activeContent(`${svg}<image href="https://evil.example/"/>`)).not.toEqual([]);
    }
  });

  it('fits a long name in two lines, broken between words, the rest cut with an ellipsis', () => {
    expect(nameLines('Taalpunt B.V.')).toEqual(['Taalpunt B.V.']);
    const lines = nameLines('Stichting Regionaal Opleidingencentrum voor Volwasseneneducatie en Inburgering Midden-Nederland');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('Stichting Regionaal');
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(lines.every((l) => l.length <= 33)).toBe(true);
  });
});

describe('code for other websites', () => {
  it('escapes the name in the badge snippet, so pasting it adds no markup', () => {
    const html = badgeSnippet({ holderUrl: 'https://r.example/nl/aanbieder/KH1/', badgeUrl: 'https://r.example/badge/KH1.svg', alt: 'Taal & Co "De Brug" <b>' });
    expect(html).toBe(
      '<a href="https://r.example/nl/aanbieder/KH1/"><img src="https://r.example/badge/KH1.svg" width="320" height="96" alt="Taal &amp; Co &quot;De Brug&quot; &lt;b&gt;"></a>',
    );
    expect(iframeSnippet({ src: 'https://r.example/nl/embed/gemeente/GM0363/', title: 'A "B"' })).toContain('title="A &quot;B&quot;"');
  });

  it('draws a QR code that scans to the address it was made for', async () => {
    const url = 'https://register.example.nl/ar/aanbieder/KH0042/';
    const { size, d } = await qrCode(url);
    expect(decodeQrPath(size, d)).toBe(url);
    expect(decodeQrPath(size, d.replace(/h(\d+)/, 'h$1m0 1'))).not.toBe(url);
  });

  it('lets other websites frame the embeddable lists and nothing else', () => {
    expect(isFrameable('/nl/embed/gemeente/GM0363/')).toBe(true);
    expect(isFrameable('/ar/embed/gemeente/GM0014/')).toBe(true);
    for (const path of ['/nl/gemeente/GM0363/', '/nl/aanbieder/KH0001/', '/nl/', '/badge/KH0001.svg', '/embed/nl/', '/nl/cijfers/']) expect(isFrameable(path), path).toBe(false);
  });
});
