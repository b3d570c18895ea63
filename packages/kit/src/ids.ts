import { monotonicFactory } from 'ulid';

const next = monotonicFactory();

/**
 * Resource ids: ULIDs, opaque to clients, unique, and sorting by creation time (the
 * monotonic factory keeps ids made within one millisecond in order too).
 */
export const newId = (): string => next();
