import { defineConfig } from 'tsup';

/**
 * ESM is emitted one file per module, so that with `sideEffects: false` a bundler drops every
 * module an app does not import (one bundled file would keep the schemas and catalogues, whose
 * top-level calls a bundler cannot prove pure). CommonJS, for Node's `require`, stays one file.
 * The declarations are bundled once per format.
 */
export default defineConfig([
  {
    entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/**/*.test-d.ts'],
    format: ['esm'],
    bundle: false,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
  },
  {
    entry: ['src/index.ts'],
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
  },
  {
    entry: ['src/index.ts'],
    format: ['esm'],
    dts: { only: true },
    target: 'es2022',
  },
]);
