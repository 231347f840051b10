// QR codes as SVG, drawn on the server (no script, nothing fetched). uqr encodes; the drawing is ours
// because uqr's own SVG spends one path segment per dark module (~8 KB for a short address), where one
// segment per horizontal run of dark modules is a third of that. No style attribute: CSP-clean.
import { encode } from 'uqr';

/** An SVG QR code for `text` (a URL or short code), with a quiet zone, `label` as its accessible name. */
export function qrSvg(text: string, label: string): string {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!data[y]![x]) { x++; continue; }
      const start = x;
      while (x < size && data[y]![x]) x++;
      d += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  }
  const esc = label.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${esc}" shape-rendering="crispEdges"><rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
}
