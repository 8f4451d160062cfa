// @ts-check
// Reads PNG screenshots (8-bit greyscale, RGB or RGBA, not interlaced: what Cairo, Firefox and
// Chromium write), so a test can look at the pixels themselves (the engines' journeys, and the
// e2e tests' forced-colours checks).
import { inflateSync } from 'node:zlib';

const CHANNELS = { 0: 1, 2: 3, 4: 2, 6: 4 };  // colour type -> channels

export function readPng(buffer) {
  if (buffer.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
  let at = 8, width = 0, height = 0, channels = 0;
  const data = [];
  while (at < buffer.length) {
    const length = buffer.readUInt32BE(at), type = buffer.toString('latin1', at + 4, at + 8);
    const body = buffer.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      channels = CHANNELS[body[9]];
      if (body[8] !== 8 || !channels || body[12] !== 0) throw new Error('only 8-bit, not interlaced, not palette PNGs');
    } else if (type === 'IDAT') {
      data.push(body);
    } else if (type === 'IEND') {
      break;
    }
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels] : 0, b = up[x], c = x >= channels ? up[x - channels] : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      const predict = [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter];
      out[x] = (line[x] + predict) & 0xff;
    }
  }
  // Brightness 0..255 of the pixel at (x, y).
  const brightness = (x, y) => {
    const i = y * stride + x * channels;
    return channels < 3 ? pixels[i] : (pixels[i] * 299 + pixels[i + 1] * 587 + pixels[i + 2] * 114) / 1000;
  };
  // [r, g, b] of the pixel at (x, y) (grey: the one value three times).
  const rgb = (x, y) => {
    const i = Math.round(y) * stride + Math.round(x) * channels;
    return channels < 3 ? [pixels[i], pixels[i], pixels[i]] : [pixels[i], pixels[i + 1], pixels[i + 2]];
  };
  return { width, height, brightness, rgb };
}

// The left and right ends of the dark pixels (text) in a rectangle of the image, in image pixels.
export function inkExtent(png, { x, y, w, h }, darkerThan = 110) {
  let left = Infinity, right = -Infinity;
  for (let row = Math.max(0, y); row < Math.min(png.height, y + h); row++) {
    for (let col = Math.max(0, x); col < Math.min(png.width, x + w); col++) {
      if (png.brightness(col, row) < darkerThan) {
        left = Math.min(left, col);
        right = Math.max(right, col);
      }
    }
  }
  return { left, right, width: right - left + 1 };
}
