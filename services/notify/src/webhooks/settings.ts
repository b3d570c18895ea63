import { z } from 'zod';

/** The webhooks settings (merged into the notify service's in ../settings.ts). */
export const webhooksSchema = z.object({});
