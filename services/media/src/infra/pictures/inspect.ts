import { refuse } from '@starling/kit';
import { disguise, sniff, type Sniffed } from '../../domain/sniff.js';
import { sharp } from './sharp.js';

export interface Claimed {
  filename?: string | undefined;
  mimetype?: string | undefined;
}

export interface Inspected extends Sniffed {
  width: number;
  height: number;
}

/**
 * What an upload is, from its bytes: a picture of a format Starling takes, that is what
 * its name and declared type say, and no larger than `maxPixels`, read from its header
 * before anything decodes it (so a small file declaring 50,000 × 50,000 pixels is refused
 * here). Anything else is refused as unprocessable, with the reason.
 */
export async function inspect(bytes: Uint8Array, claimed: Claimed, maxPixels: number): Promise<Inspected> {
  const sniffed = sniff(bytes);
  if (!sniffed) {
    throw refuse.unprocessable('The file is not a picture Starling takes: send JPEG, PNG, WebP or GIF.', [
      { field: 'file', reason: 'its bytes are not JPEG, PNG, WebP or GIF' },
    ]);
  }
  const mismatch = disguise(sniffed, claimed);
  if (mismatch) {
    throw refuse.unprocessable(`The file is not what it claims to be: ${mismatch}.`, [
      { field: 'file', reason: mismatch },
    ]);
  }
  let width: number | undefined;
  let height: number | undefined;
  let pages = 1;
  try {
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata();
    width = meta.width;
    height = meta.pageHeight ?? meta.height;
    pages = meta.pages ?? 1;
  } catch {
    // Unreadable header: refused below.
  }
  if (!width || !height) {
    throw refuse.unprocessable('The picture is damaged: its size cannot be read.', [
      { field: 'file', reason: 'damaged or truncated' },
    ]);
  }
  if (width * height * pages > maxPixels) {
    const reason = `${width} × ${height} pixels${pages > 1 ? ` × ${pages} frames` : ''} is more than ${maxPixels.toLocaleString('en')}`;
    throw refuse.unprocessable(`The picture is too large: ${reason}.`, [{ field: 'file', reason }]);
  }
  const type = sniffed.contentType === 'image/gif' && pages > 1 ? 'gifv' : sniffed.type;
  return { ...sniffed, type, width, height };
}
