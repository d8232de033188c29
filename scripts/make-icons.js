#!/usr/bin/env node
/*
 * Draws the add-in's PNG icons pixel by pixel and writes them to assets/.
 *
 *   node scripts/make-icons.js            write assets/*.png
 *   node scripts/make-icons.js --check    exit 1 if a committed icon's pixels differ from the drawing
 *
 * No dependencies: shapes are signed-distance functions sampled 8x8 per pixel (anti-aliasing), the
 * PNG is RGBA 8-bit encoded with node's zlib. The output depends only on this file, so the icons are
 * reproducible and reviewable as a diff of this script.
 *
 * Icons: icon (the app: a target on a green tile), pane (open the task pane), validate (check mark),
 * score (bar chart), each at 16, 32, 64, 80 and 128 px.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const ICON_NAMES = ['icon', 'pane', 'validate', 'score'];
const ASSETS_DIR = path.resolve(__dirname, '..', 'assets');
const SUPERSAMPLE = 8;

// Palette (Excel green and Fluent neutrals).
const GREEN = [16, 124, 65, 255]; // #107C41
const GREEN_LIGHT = [33, 163, 102, 255]; // #21A366
const GREEN_PALE = [156, 207, 178, 255]; // #9CCFB2
const INK = [66, 66, 66, 255]; // #424242
const WHITE = [255, 255, 255, 255];
const GOLD = [234, 163, 0, 255]; // #EAA300

// ---------------------------------------------------------------------------------------------
// Signed distance functions, in pixel units (negative = inside).

function circle(cx, cy, r) {
  return (x, y) => Math.hypot(x - cx, y - cy) - r;
}

function roundRect(x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
    return outside + Math.min(Math.max(qx, qy), 0) - r;
  };
}

function capsule(ax, ay, bx, by, halfWidth) {
  return (x, y) => {
    const px = x - ax;
    const py = y - ay;
    const dx = bx - ax;
    const dy = by - ay;
    const h = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - dx * h, py - dy * h) - halfWidth;
  };
}

function union(...shapes) {
  return (x, y) => Math.min(...shapes.map((s) => s(x, y)));
}

function subtract(a, b) {
  return (x, y) => Math.max(a(x, y), -b(x, y));
}

/** An outline of `width` px drawn inside the edge of `shape`. */
function inset(shape, width) {
  return (x, y) => {
    const d = shape(x, y);
    return Math.max(d, -d - width);
  };
}

// ---------------------------------------------------------------------------------------------
// The drawings. Each returns layers [{ shape, color }] painted in order, for a given size in px.
// Coordinates are pixel units; edges of straight shapes are snapped to the pixel grid so that the
// 16 px icons stay crisp.

const snap = (v) => Math.round(v);
const stroke = (size, fraction, minPx) => Math.max(minPx, Math.round(size * fraction));

const DRAWINGS = {
  icon(s) {
    const m = s <= 16 ? 0 : snap(s * 0.04);
    const tile = roundRect(m, m, s - m, s - m, s * 0.2);
    const c = s / 2;
    // A target of equal-width bands, white on green from the outside in, a white bull's eye last.
    const bands = s >= 32 ? 5 : 3;
    const outer = s * (s >= 32 ? 0.36 : 0.4);
    const band = outer / bands;
    const layers = [{ shape: tile, color: GREEN }];
    for (let i = 0; i < bands; i += 2) {
      const r = outer - i * band;
      const disc = circle(c, c, r);
      layers.push({
        shape: i === bands - 1 ? disc : inset(disc, band),
        color: WHITE,
      });
    }
    return layers;
  },

  pane(s) {
    const t = stroke(s, 0.07, 1);
    const x0 = snap(s * 0.06);
    const x1 = s - x0;
    const y0 = snap(s * 0.16);
    const y1 = s - y0;
    const r = Math.max(1, s * 0.06);
    const frame = inset(roundRect(x0, y0, x1, y1, r), t);
    const split = snap(s * 0.58);
    const panel = roundRect(split, y0, x1, y1, r);
    const divider = roundRect(split, y0, split + t, y1, 0);
    // Lines of "content" in the pane, from 32 px on.
    const lineH = Math.max(1, snap(s * 0.05));
    const lines = [];
    if (s >= 32) {
      for (let i = 0; i < 3; i += 1) {
        const ly = snap(y0 + (y1 - y0) * (0.28 + i * 0.2));
        lines.push(roundRect(split + t + snap(s * 0.06), ly, x1 - snap(s * 0.08), ly + lineH, lineH / 2));
      }
    }
    const layers = [
      { shape: roundRect(x0, y0, x1, y1, r), color: WHITE },
      { shape: panel, color: GREEN_LIGHT },
      { shape: frame, color: INK },
      { shape: divider, color: INK },
    ];
    if (lines.length) layers.push({ shape: union(...lines), color: WHITE });
    return layers;
  },

  validate(s) {
    const c = s / 2;
    const disc = circle(c, c, s * 0.44);
    const hw = Math.max(1.05, s * 0.06);
    const check = union(
      capsule(s * 0.28, s * 0.52, s * 0.43, s * 0.67, hw),
      capsule(s * 0.43, s * 0.67, s * 0.73, s * 0.35, hw),
    );
    return [
      { shape: disc, color: GREEN },
      { shape: check, color: WHITE },
    ];
  },

  score(s) {
    const base = s - snap(s * 0.1);
    const t = stroke(s, 0.06, 1);
    const gap = Math.max(1, snap(s * 0.08));
    const left = snap(s * 0.08);
    const right = s - left;
    const barW = Math.floor((right - left - 2 * gap) / 3);
    const heights = s >= 32 ? [0.3, 0.47, 0.64] : [0.36, 0.56, 0.78];
    const colors = [GREEN_PALE, GREEN_LIGHT, GREEN];
    const layers = heights.map((h, i) => {
      const bx = left + i * (barW + gap);
      const top = base - snap(s * h);
      const r = s >= 32 ? Math.max(1, s * 0.03) : 0;
      return { shape: roundRect(bx, top, bx + barW, base + r, r), color: colors[i] };
    });
    layers.push({ shape: roundRect(0, base, s, base + t, 0), color: INK });
    if (s >= 32) {
      // A small gold dot above the highest bar: the quarter's rating.
      const bx = left + 2 * (barW + gap) + barW / 2;
      const top = base - snap(s * heights[2]);
      const r = s * 0.07;
      layers.push({ shape: circle(bx, top - r - s * 0.06, r), color: GOLD });
    }
    return layers;
  },
};

// ---------------------------------------------------------------------------------------------
// Rasterising.

function render(name, size) {
  const layers = DRAWINGS[name](size);
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      // Premultiplied accumulation over the sub-samples of this pixel.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const x = px + (sx + 0.5) / n;
          const y = py + (sy + 0.5) / n;
          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          for (const layer of layers) {
            if (layer.shape(x, y) <= 0) {
              const la = layer.color[3] / 255;
              cr = layer.color[0] * la + cr * (1 - la);
              cg = layer.color[1] * la + cg * (1 - la);
              cb = layer.color[2] * la + cb * (1 - la);
              ca = la + ca * (1 - la);
            }
          }
          r += cr;
          g += cg;
          b += cb;
          a += ca;
        }
      }
      const samples = n * n;
      const alpha = a / samples;
      const o = (py * size + px) * 4;
      if (alpha > 0) {
        rgba[o] = Math.round(r / samples / alpha);
        rgba[o + 1] = Math.round(g / samples / alpha);
        rgba[o + 2] = Math.round(b / samples / alpha);
        rgba[o + 3] = Math.round(alpha * 255);
      }
    }
  }
  return rgba;
}

// ---------------------------------------------------------------------------------------------
// PNG encoding (RGBA, 8 bits per channel, no interlace, filter 0 on every row).

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i += 1) {
    let c = i;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body), 0);
  return Buffer.concat([len, body, crc]);
}

function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width * 4 + 1)] = 0;
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Decodes the PNGs this script writes (RGBA 8-bit, filter 0) back to raw pixels. */
function decodeOwnPng(buf) {
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const idat = [];
  let o = 8;
  while (o < buf.length) {
    const len = buf.readUInt32BE(o);
    const type = buf.toString('ascii', o + 4, o + 8);
    if (type === 'IDAT') idat.push(buf.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    if (raw[y * (width * 4 + 1)] !== 0) throw new Error('unexpected PNG filter');
    raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, rgba };
}

function iconFileName(name, size) {
  return `${name}-${size}.png`;
}

function main() {
  const check = process.argv.includes('--check');
  fs.mkdirSync(ASSETS_DIR, { recursive: true });
  let stale = 0;
  for (const name of ICON_NAMES) {
    for (const size of SIZES) {
      const rgba = render(name, size);
      const file = path.join(ASSETS_DIR, iconFileName(name, size));
      if (check) {
        const same =
          fs.existsSync(file) && decodeOwnPng(fs.readFileSync(file)).rgba.equals(rgba);
        if (!same) {
          stale += 1;
          console.error(`stale: ${path.relative(process.cwd(), file)}`);
        }
      } else {
        fs.writeFileSync(file, encodePng(size, size, rgba));
        console.log(`wrote ${path.relative(process.cwd(), file)}`);
      }
    }
  }
  if (stale) {
    console.error(`${stale} icon(s) differ from scripts/make-icons.js: run node scripts/make-icons.js`);
    process.exitCode = 1;
  }
}

module.exports = { SIZES, ICON_NAMES, render, encodePng, decodeOwnPng, iconFileName };

if (require.main === module) main();
