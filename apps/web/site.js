// Where the built web app lives (`vite build` writes it), for the process that serves it at `/`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('./dist', import.meta.url));

/** The built web app's folder, or undefined when it has not been built. */
export const builtWebApp = () => (existsSync(`${root}/index.html`) ? root : undefined);
