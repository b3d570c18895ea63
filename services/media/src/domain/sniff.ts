import type { MediaType } from '@starling/events';

/** A picture format Starling takes, as its bytes say. */
export interface Sniffed {
  contentType: 'image/jpeg' | 'image/png' | 'image/webp' | 'image/gif';
  type: MediaType;
}

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The format of a file from its first bytes (its magic number), never from its name or
 * the type a client declared. Anything else is undefined: refused.
 */
export function sniff(bytes: Uint8Array): Sniffed | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', type: 'image' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { contentType: 'image/png', type: 'image' };
  }
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) {
    return { contentType: 'image/gif', type: 'image' };
  }
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) {
    return { contentType: 'image/webp', type: 'image' };
  }
  return undefined;
}

const BY_EXTENSION: Record<string, Sniffed['contentType']> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jfif: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
};

/**
 * Why a file's bytes and what it claims to be disagree (a PNG named `.jpg`, a text file
 * named `.png`), or undefined when they agree or it claims nothing specific. A disguise
 * is refused rather than silently accepted: the uploader should know what they sent.
 */
export function disguise(sniffed: Sniffed, claimed: { filename?: string; mimetype?: string }): string | undefined {
  const extension = claimed.filename?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const byName = extension ? BY_EXTENSION[extension] : undefined;
  if (byName && byName !== sniffed.contentType) {
    return `its name says ${byName} but its bytes are ${sniffed.contentType}`;
  }
  const declared = claimed.mimetype?.toLowerCase();
  if (declared?.startsWith('image/') && declared !== sniffed.contentType && !(declared === 'image/jpg')) {
    return `it was declared as ${declared} but its bytes are ${sniffed.contentType}`;
  }
  return undefined;
}
