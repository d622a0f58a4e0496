/**
 * Reads a QR code the way a phone would: the drawn modules (the SVG path the `qrcode`
 * library writes: rows of horizontal strokes, `M x y.5`, `h n`, `m dx dy`) rasterised to
 * pixels, then decoded by jsQR, a library that knows nothing of how the code was made.
 */
import jsQR from 'jsqr';

export function decodeQrPath(size: number, d: string): string | undefined {
  const scale = 4;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, command, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?:[ ,](-?[\d.]+))?/g)) {
    if (command === 'M') [x, y] = [Number(a), Number(b)];
    else if (command === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else {
      for (let i = 0; i < Number(a); i++) {
        for (let py = 0; py < scale; py++) {
          const offset = ((Math.floor(y) * scale + py) * width + (x + i) * scale) * 4;
          for (let px = 0; px < scale; px++) pixels.fill(0, offset + px * 4, offset + px * 4 + 3);
        }
      }
      x += Number(a);
    }
  }
  return jsQR(pixels, width, width)?.data;
}
