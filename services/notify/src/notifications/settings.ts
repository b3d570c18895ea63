import { z } from 'zod';

/** The notifications settings (merged into the notify service's in ../settings.ts). */
export const notificationsSchema = z.object({});
