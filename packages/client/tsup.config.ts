import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  // `@balagh/client` (on ky) and `@balagh/client/fetch` (on fetch alone).
  entry: ['src/index.ts', 'src/fetch.ts'],
  dts: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
  // The code both entries share (the operations, the errors) goes into one chunk, so an app
  // that imports both gets one `BalaghApiError` class, not two.
  splitting: true,
};

export default defineConfig([
  // ESM: response validation stays a separate chunk, loaded by import() only when asked.
  { ...shared, format: ['esm'], clean: true },
  // CommonJS: ky is published as ESM only, which `require` cannot load before Node 20.19, so it
  // is bundled in; the ESM build keeps it a dependency the app's bundler can share.
  { ...shared, format: ['cjs'], noExternal: ['ky'] },
]);
