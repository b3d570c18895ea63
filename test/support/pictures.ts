/**
 * Pictures for the media tests, made here rather than kept as binary files, each with
 * what the test means to find (or not find) in what Starling publishes.
 */
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';

/** Written into the EXIF of `photo()`: none of it may survive conversion. */
export const SECRETS = { make: 'StarlingCam', copyright: 'owner-secret-copyright' };

/**
 * A 300 × 200 JPEG whose EXIF says "rotate 90°" (orientation 6), names the camera and
 * carries GPS coordinates: shown upright it is 200 wide and 300 high.
 */
export function photo(): Promise<Buffer> {
  return sharp({ create: { width: 300, height: 200, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Make: SECRETS.make, Copyright: SECRETS.copyright },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .toBuffer();
}

export function png(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 10, g: 120, b: 200, alpha: 1 } } })
    .png()
    .toBuffer();
}

/** A JPEG cut off half way: its header reads, its picture does not decode. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await sharp({ create: { width: 400, height: 400, channels: 3, background: '#3a7' } })
    .jpeg({ quality: 95 })
    .toBuffer();
  return whole.subarray(0, Math.floor(whole.length / 2));
}

/** A PNG of under a hundred bytes that declares 50,000 × 50,000 pixels: a decompression bomb. */
export function decompressionBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(50_000, 0);
  header.writeUInt32BE(50_000, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    // The start of its pixels: what decoding it would go on to inflate, 7.5 GB of them.
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A field or a file of a multipart form. */
export type FormPart =
  { name: string; value: string } | { name: string; filename: string; type: string; bytes: Buffer };

/** A multipart/form-data body, as a browser's FormData sends it, for `inject`. */
export function form(fields: FormPart[]) {
  const boundary = `----starling${Math.random().toString(16).slice(2)}`;
  const parts = fields.map((f) => {
    const head =
      'bytes' in f
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"\r\n\r\n`;
    return Buffer.concat([Buffer.from(head), 'bytes' in f ? f.bytes : Buffer.from(f.value), Buffer.from('\r\n')]);
  });
  return {
    payload: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
