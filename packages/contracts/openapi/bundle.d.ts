/** The contract at `path`, with every component it imports bundled in (see bundle.js). */
export function loadContract(path: string | URL): Record<string, unknown>;

/** Writes the contract at `path`, bundled, as dist/<name>.json beside it (see bundle.js); undefined when it cannot. */
export function writeBundledContract(path: string | URL): string | undefined;

/** One document from several services' contracts, on top of `base`; a component two define differently throws. */
export function mergeContracts(
  base: Record<string, unknown>,
  documents: Array<Record<string, unknown>>,
): Record<string, unknown>;

/** `x-starling-callers`: an operation marked `apps` answers only registered apps' tokens (see bundle.js). */
export const CALLERS: 'x-starling-callers';

/** `x-starling-app-operations`: a merged document's app-only operations that share a path and method with another. */
export const APP_OPERATIONS: 'x-starling-app-operations';
