import { defineConfig, type Options } from 'tsup';

const shared: Options = {
  entry: ['src/index.ts'],
  dts: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  treeshake: true,
};

export default defineConfig([
  // ESM: response validation stays a separate chunk, loaded by import() only when asked.
  { ...shared, format: ['esm'], clean: true },
  // CommonJS: ky is published as ESM only, which `require` cannot load before Node 20.19, so it
  // is bundled in; the ESM build keeps it a dependency the app's bundler can share.
  { ...shared, format: ['cjs'], noExternal: ['ky'] },
]);
