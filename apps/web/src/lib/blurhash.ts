import { decode } from 'blurhash';

const painted = new Map<string, string | undefined>();

/**
 * A BlurHash painted small (32 px across, at the picture's aspect) as a PNG data URL, to
 * show under a picture while it loads; undefined if it cannot be painted (no canvas, as
 * in a simulated DOM, or a malformed hash). The browser stretches it smooth.
 */
export function blurhashDataUrl(hash: string, aspect = 1): string | undefined {
  const width = 32;
  const height = Math.max(1, Math.min(64, Math.round(width / (aspect > 0 ? aspect : 1))));
  const key = `${hash}@${height}`;
  if (painted.has(key)) return painted.get(key);
  let url: string | undefined;
  try {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (context) {
      const image = context.createImageData(width, height);
      image.data.set(decode(hash, width, height));
      context.putImageData(image, 0, 0);
      url = canvas.toDataURL('image/png');
    }
  } catch {
    url = undefined;
  }
  painted.set(key, url);
  return url;
}
