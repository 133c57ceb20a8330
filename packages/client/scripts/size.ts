// Measures what @balagh/client weighs in a browser app, minified and gzipped, and fails above
// the budgets: `pnpm --filter @balagh/client size`.
//
// Two apps are bundled with esbuild for the browser:
// - `without validation` creates a client. Response validation is a dynamic import() that such
//   an app never triggers, so its module is left out as the separate chunk a code-splitting
//   bundler makes of it; what remains is the code the app loads up front, and must hold no zod.
// - `with validation` creates a client with `validateResponses: true`, the validation chunk
//   inlined: everything the app may load.
// Sources are bundled through the `@balagh/source` condition, so no build is needed.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Budgets in bytes (1 KB = 1000 bytes), minified and gzipped. */
export const sizeBudgets = { withoutValidation: 6_000, withValidation: 15_000 } as const;

/** The size of one bundled app. */
export interface BundleSize {
  /** Minified and gzipped bytes. */
  readonly gzipBytes: number;
  /** Minified bytes. */
  readonly minifiedBytes: number;
  /** Minified bytes per origin: ky, zod, @balagh/core and the client itself. */
  readonly minifiedBytesByOrigin: Readonly<Record<'ky' | 'zod' | 'core' | 'client', number>>;
  /** The source files bundled, relative to the package directory. */
  readonly inputs: readonly string[];
}

type AppName = keyof typeof sizeBudgets;

const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

const apps: Record<AppName, string> = {
  withoutValidation: `import { createClient } from '@balagh/client';
globalThis.client = createClient({ baseUrl: 'https://reports.example.gov.sa', apiKey: 'blg_k_s' });`,
  withValidation: `import { createClient } from '@balagh/client';
globalThis.client = createClient({ baseUrl: 'https://reports.example.gov.sa', apiKey: 'blg_k_s', validateResponses: true });`,
};

async function measure(name: AppName): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: apps[name], resolveDir: packageDirectory, sourcefile: `${name}.js` },
    absWorkingDir: packageDirectory,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    conditions: ['@balagh/source'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins:
      name === 'withoutValidation'
        ? [
            {
              name: 'validation-chunk',
              setup(builder) {
                builder.onResolve({ filter: /response-validators\.js$/ }, () => ({
                  path: 'validation-chunk',
                  external: true,
                }));
              },
            },
          ]
        : [],
  });
  const [file] = result.outputFiles;
  const contents = file?.contents ?? new Uint8Array();
  const byOrigin = { ky: 0, zod: 0, core: 0, client: 0 };
  const inputs: string[] = [];
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      inputs.push(input);
      if (input.includes('/ky/')) byOrigin.ky += bytesInOutput;
      else if (input.includes('/zod/')) byOrigin.zod += bytesInOutput;
      else if (input.startsWith('../core/')) byOrigin.core += bytesInOutput;
      else byOrigin.client += bytesInOutput;
    }
  }
  return {
    gzipBytes: gzipSync(contents, { level: 9 }).length,
    minifiedBytes: contents.length,
    minifiedBytesByOrigin: byOrigin,
    inputs: inputs.sort(),
  };
}

/** Bundles both apps and measures them. */
export async function measureClientSize(): Promise<Record<AppName, BundleSize>> {
  return {
    withoutValidation: await measure('withoutValidation'),
    withValidation: await measure('withValidation'),
  };
}

/**
 * Measures both apps and writes a report; answers the problems found (over a budget, zod loaded
 * up front), none when all is well.
 */
export async function checkClientSize(write: (line: string) => void): Promise<string[]> {
  const sizes = await measureClientSize();
  const problems: string[] = [];
  const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(2)} KB`;
  write('@balagh/client in a browser app (esbuild, minified + gzipped):');
  for (const name of ['withoutValidation', 'withValidation'] as const) {
    const { gzipBytes, minifiedBytes, minifiedBytesByOrigin: origin } = sizes[name];
    const budget = sizeBudgets[name];
    const label = name === 'withoutValidation' ? 'without validation' : 'with validation';
    if (gzipBytes > budget)
      problems.push(`${label}: ${kilobytes(gzipBytes)} is over the budget of ${kilobytes(budget)}`);
    write(
      `  ${label.padEnd(19)}${kilobytes(gzipBytes).padStart(9)}  budget ${kilobytes(budget)}  ${gzipBytes > budget ? 'OVER' : 'ok'}` +
        `  (minified ${kilobytes(minifiedBytes)}: ky ${kilobytes(origin.ky)}, zod ${kilobytes(origin.zod)},` +
        ` core ${kilobytes(origin.core)}, client ${kilobytes(origin.client)})`,
    );
  }
  if (sizes.withoutValidation.inputs.some((input) => input.includes('/zod/'))) {
    problems.push('zod is loaded up front: only the validation chunk may import it');
  }
  for (const problem of problems) write(`  ✗ ${problem}`);
  return problems;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problems = await checkClientSize((line) => process.stdout.write(`${line}\n`));
  process.exitCode = problems.length > 0 ? 1 : 0;
}
