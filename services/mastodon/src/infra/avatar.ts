import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/**
 * Pictures for accounts, since Starling has no profile pictures: a square PNG in one
 * colour drawn from the account's id, the same on every request (so it caches), and a
 * transparent pixel for every header. PNG rather than SVG: some apps draw only bitmaps.
 */
const SIZE = 96;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function avatarPng(id: string): Buffer {
  const digest = createHash('sha256').update(id).digest();
  // A mid-light colour: each channel between 64 and 191, so white and black text both show.
  const rgb = [64 + (digest[0]! % 128), 64 + (digest[1]! % 128), 64 + (digest[2]! % 128)];
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: SIZE }, () => rgb).flat())]);
  return png(SIZE, SIZE, 2, Buffer.concat(Array.from({ length: SIZE }, () => row)));
}

export const HEADER_PNG = png(1, 1, 6, Buffer.from([0, 0, 0, 0, 0]));

/** A PNG of 8-bit samples: colour type 2 (RGB) or 6 (RGBA), rows already prefixed by their filter byte. */
function png(width: number, height: number, colourType: 2 | 6, rows: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.writeUInt8(8, 8);
  header.writeUInt8(colourType, 9);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
