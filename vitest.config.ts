import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // Services, the kit, CLI and browser journeys: Node, with workspace packages
        // resolved to their TypeScript sources so tests need no build.
        resolve: { conditions: ['source'] },
        ssr: { resolve: { conditions: ['source'] } },
        test: {
          name: 'node',
          include: ['test/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own embedded database or PostgreSQL database; files run in parallel.
          pool: 'forks',
        },
      },
      {
        // The web app's components, in a simulated DOM.
        plugins: [react()],
        resolve: { conditions: ['source'] },
        test: {
          name: 'web',
          include: ['apps/web/test/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['apps/web/test/setup.ts'],
        },
      },
    ],
  },
});
