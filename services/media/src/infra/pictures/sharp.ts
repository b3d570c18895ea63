import { createRequire } from 'node:module';
import type Sharp from 'sharp';

const require = createRequire(import.meta.url);
let loaded: typeof Sharp | undefined;

/**
 * sharp, loaded by the first picture inspected or converted: libvips is some 30 MB
 * resident and a good part of a start, in every process that runs the media service
 * (the embedded one among them) whether or not a picture ever comes.
 */
export const sharp: typeof Sharp = ((...args: Parameters<typeof Sharp>) =>
  (loaded ??= require('sharp') as typeof Sharp)(...args)) as typeof Sharp;
