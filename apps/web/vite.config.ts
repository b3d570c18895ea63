import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// In development the Vite server proxies the API to a running `starling start`
// (STARLING_URL, default http://localhost:3000), so the app stays same-origin.
const api = process.env.STARLING_URL ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  // Workspace packages (the SDK) are built from their TypeScript sources.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  server: { proxy: { '/api': api } },
  // No source maps in the build: the server would hand anyone the app's sources and comments.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false },
});
