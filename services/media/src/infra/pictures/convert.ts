import type { MediaSize, MediaType } from '@starling/events';
import { encode } from 'blurhash';
import type { Sharp } from 'sharp';
import { sharp } from './sharp.js';

/** The long side of a converted picture, and of its preview. */
export const ORIGINAL_MAX_SIDE = 4096;
export const PREVIEW_MAX_SIDE = 640;

export interface Converted {
  type: MediaType;
  contentType: 'image/webp';
  file: Buffer;
  preview: Buffer;
  meta: { original: MediaSize; small: MediaSize };
  blurhash: string;
}

/** The file could not be converted: `reason` is for the uploader. */
export class Unconvertible extends Error {
  override name = 'Unconvertible';
}

const size = (width: number, height: number): MediaSize => ({
  width,
  height,
  aspect: Math.round((width / height) * 1000) / 1000,
});

/**
 * Converts an upload into what Starling publishes: its EXIF orientation applied, every
 * piece of metadata (EXIF, GPS, XMP, ICC comments) dropped — sharp writes none unless
 * asked — re-encoded as WebP (animated for a moving GIF), at most 4096 px on the long
 * side, a preview of at most 640 px, and a BlurHash of it. Decoding stops at the first
 * warning, so a truncated or damaged file fails here rather than publishing garbage.
 */
export async function convert(
  bytes: Uint8Array,
  type: MediaType,
  limits: { maxPixels: number; timeoutSeconds: number },
): Promise<Converted> {
  const animated = type === 'gifv';
  const open = () =>
    sharp(bytes, { limitInputPixels: limits.maxPixels, failOn: 'warning', animated }).timeout({
      seconds: limits.timeoutSeconds,
    });
  const fit = (image: Sharp, side: number) =>
    image.resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true });
  try {
    // rotate() with no angle applies the EXIF orientation (animations carry none).
    const upright = () => (animated ? open() : open().rotate());
    const original = await fit(upright(), ORIGINAL_MAX_SIDE)
      .webp({ quality: 85 })
      .toBuffer({ resolveWithObject: true });
    const small = await fit(upright(), PREVIEW_MAX_SIDE).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
    const pixels = await sharp(small.data)
      .resize({ width: 32, height: 32, fit: 'inside' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pageHeight = (info: { height: number; pageHeight?: number }) => info.pageHeight ?? info.height;
    return {
      type,
      contentType: 'image/webp',
      file: original.data,
      preview: small.data,
      meta: {
        original: size(original.info.width, pageHeight(original.info)),
        small: size(small.info.width, pageHeight(small.info)),
      },
      blurhash: encode(
        new Uint8ClampedArray(pixels.data),
        pixels.info.width,
        pixels.info.height,
        4,
        Math.max(1, Math.min(4, Math.round((4 * pixels.info.height) / pixels.info.width))),
      ),
    };
  } catch (err) {
    throw new Unconvertible(reasonOf(err));
  }
}

/** What went wrong, in words for the uploader (libvips' own message names no path or secret). */
function reasonOf(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  if (/timeout/i.test(message)) return 'the picture took too long to convert';
  if (/pixel limit/i.test(message)) return 'the picture has too many pixels';
  if (/premature end|truncat|corrupt|damaged|bad|invalid|unexpected end|not enough data/i.test(message)) {
    return 'the picture is damaged or truncated';
  }
  return `the picture could not be decoded (${message.split('\n')[0]!.slice(0, 200)})`;
}
