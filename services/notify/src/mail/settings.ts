import { z } from 'zod';

/** The mail settings (merged into the notify service's in ../settings.ts). */
export const mailSchema = z.object({});
