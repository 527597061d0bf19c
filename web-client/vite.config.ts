import { defineConfig } from 'vitest/config';

// Served by the platform at /phone/ (see CONTRACT.md).
export default defineConfig({
  base: '/phone/',
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
