import { defineConfig } from 'tsup';
import {
  iifeBuildOptions,
  iifeEntry,
  withoutResponseValidation,
} from './scripts/build-widget-bundle.js';

export default defineConfig([
  // The npm entries: `@balagh/widget` (registers nothing) and `@balagh/widget/auto` (registers).
  // The client and core stay dependencies, for the app's bundler to share.
  {
    entry: ['src/index.ts', 'src/auto.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
    esbuildOptions(options) {
      // Arabic, Urdu and Hindi strings stay readable UTF-8 instead of \u escapes.
      options.charset = 'utf8';
    },
  },
  // The script-tag build: one self-contained, minified file that registers <balagh-report>,
  // measured by scripts/size.ts with the same options.
  {
    entry: { 'balagh-widget': iifeEntry },
    format: ['iife'],
    platform: iifeBuildOptions.platform,
    target: iifeBuildOptions.target,
    minify: iifeBuildOptions.minify,
    sourcemap: true,
    noExternal: [/.*/],
    outExtension: () => ({ js: '.iife.js' }),
    esbuildPlugins: [withoutResponseValidation],
    esbuildOptions(options) {
      options.charset = iifeBuildOptions.charset;
      options.conditions = [...iifeBuildOptions.conditions];
      options.mangleProps = iifeBuildOptions.mangleProps;
    },
  },
]);
