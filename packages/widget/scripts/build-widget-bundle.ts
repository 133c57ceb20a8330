// Builds the script-tag bundle of the widget (an IIFE that registers <balagh-report>) in memory,
// with the options tsup uses for dist/balagh-widget.iife.js. The size script measures it and the
// browser tests serve it, so both see what a site would load.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build, type Metafile, type Plugin } from 'esbuild';

/** The bundle and what went into it. */
export interface WidgetBundle {
  /** The minified script. */
  readonly code: Uint8Array;
  /** esbuild's metafile: every input and the bytes it contributed. */
  readonly metafile: Metafile;
}

/** The package's directory. */
export const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

/**
 * Leaves the client's response validation out of the script-tag build: an IIFE cannot split it
 * into a chunk loaded on demand, so the client's dynamic import of it would inline zod and core's
 * schemas, and the widget never turns `validateResponses` on. The import is replaced by a
 * rejection (as a chunk that fails to load would give), and the module by a stub
 * (`response-validators-stub.ts`) should anything else import it.
 */
export const withoutResponseValidation: Plugin = {
  name: 'without-response-validation',
  setup(builder) {
    const dynamicImport = "??= import('./response-validators.js')";
    builder.onLoad({ filter: /\/client\/src\/create-transport\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes(dynamicImport)) {
        throw new Error(`${path} no longer loads response validation as ${dynamicImport}.`);
      }
      const rejection =
        "??= Promise.reject(new TypeError('No response validation in the widget.'))";
      return { loader: 'ts', contents: source.replace(dynamicImport, rejection) };
    });
    builder.onResolve({ filter: /\/response-validators\.js$/ }, ({ importer }) =>
      importer.includes('client') && !importer.includes('widget')
        ? { path: fileURLToPath(new URL('response-validators-stub.ts', import.meta.url)) }
        : undefined,
    );
  },
};

/** The esbuild options of the script-tag build, shared with tsup.config.ts. */
export const iifeBuildOptions = {
  format: 'iife',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  // Non-ASCII strings stay UTF-8: escaping Arabic or Devanagari as \uXXXX would double them.
  charset: 'utf8',
  // The internal members of the element's state end with `_` (see src/widget-context.ts): short
  // names in this build, as private fields get.
  mangleProps: /[^_]_$/,
  // Bundled from the workspace's TypeScript sources, so no other package needs building first.
  conditions: ['@balagh/source'],
} as const;

/** The entry of the script-tag build, which registers the element and sets the global. */
export const iifeEntry = 'src/balagh-widget.ts';

/** Bundles {@link iifeEntry} as the script-tag build, without writing it. */
export async function buildWidgetBundle(): Promise<WidgetBundle> {
  const result = await build({
    ...iifeBuildOptions,
    conditions: [...iifeBuildOptions.conditions],
    entryPoints: [iifeEntry],
    absWorkingDir: packageDirectory,
    bundle: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [withoutResponseValidation],
  });
  const [file] = result.outputFiles;
  if (file === undefined) throw new Error('esbuild wrote no bundle.');
  return { code: file.contents, metafile: result.metafile };
}
