import { defineConfig } from 'tsup';

export default defineConfig({
  // The library, and the `balagh` command (dist/balagh.js, run by package.json "bin": bin/balagh.js).
  entry: { index: 'src/index.ts', balagh: 'src/cli/balagh.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'node',
  treeshake: true,
});
