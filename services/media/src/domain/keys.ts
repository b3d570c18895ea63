import { randomBytes } from 'node:crypto';

/**
 * Object names: the media id and a random token, so no name can be guessed from another
 * or from the id (which clients see), and never the uploader's file name. What the
 * extractor makes is named after the original, so converting twice writes the same
 * objects rather than leaving strays.
 */
export function originalKey(id: string): string {
  return `originals/${id}-${randomBytes(16).toString('base64url')}`;
}

export function convertedKeys(original: string): { file: string; preview: string } {
  const name = original.replace(/^originals\//, '');
  return { file: `files/${name}.webp`, preview: `files/${name}-small.webp` };
}
