import { defineConfig } from 'tsup';

export default defineConfig({
  // The library, and the `balagh` command (package.json "bin": dist/balagh.js).
  entry: { index: 'src/index.ts', balagh: 'src/cli/balagh.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
  treeshake: true,
});
