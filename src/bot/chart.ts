import { deflateSync } from 'node:zlib';

/**
 * A small PNG bar chart (answered over escalated questions per day) drawn pixel by pixel: a picture for
 * /stats without a canvas library and its native build. Telegram shows it as a photo; the caption says
 * what the colours are.
 */
const WIDTH = 600;
const HEIGHT = 240;
const MARGIN = 16;
const COLOURS = { answered: [46, 125, 50], escalated: [239, 108, 0], axis: [120, 120, 120] } as const;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (CRC_TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function barChartPng(days: { answered: number; escalated: number }[]): Buffer {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3, 255);
  const paint = (x0: number, y0: number, x1: number, y1: number, rgb: readonly number[]) => {
    for (let y = Math.max(0, y0); y < Math.min(HEIGHT, y1); y += 1) {
      for (let x = Math.max(0, x0); x < Math.min(WIDTH, x1); x += 1) pixels.set(rgb, (y * WIDTH + x) * 3);
    }
  };
  const base = HEIGHT - MARGIN;
  paint(MARGIN, base, WIDTH - MARGIN, base + 1, COLOURS.axis);
  const highest = Math.max(1, ...days.map((d) => d.answered + d.escalated));
  const slot = (WIDTH - 2 * MARGIN) / Math.max(1, days.length);
  days.forEach((d, i) => {
    const x0 = Math.round(MARGIN + i * slot + slot * 0.15);
    const x1 = Math.round(MARGIN + (i + 1) * slot - slot * 0.15);
    const scale = (base - MARGIN) / highest;
    const answeredTop = base - Math.round(d.answered * scale);
    paint(x0, answeredTop, x1, base, COLOURS.answered);
    paint(x0, answeredTop - Math.round(d.escalated * scale), x1, answeredTop, COLOURS.escalated);
  });
  // Each row starts with filter type 0 (none).
  const rows = Buffer.alloc(HEIGHT * (WIDTH * 3 + 1));
  for (let y = 0; y < HEIGHT; y += 1)
    pixels.copy(rows, y * (WIDTH * 3 + 1) + 1, y * WIDTH * 3, (y + 1) * WIDTH * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
