/** The contract at `path`, with every component it imports bundled in (see bundle.js). */
export function loadContract(path: string | URL): Record<string, unknown>;
