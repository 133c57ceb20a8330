// Measures the script-tag bundle of the widget, minified and gzipped, with everything it needs
// (the client on fetch, core's digits and error codes, the strings of every language), and fails
// above the budget or when zod or ky got in: `pnpm --filter @balagh/widget size`.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildWidgetBundle } from './build-widget-bundle.js';

/**
 * The budget in bytes (1 KB = 1000 bytes), minified and gzipped: the 15 KB, which the
 * bundle meets with every behaviour it names (six languages, status view, offline queue, photo
 * downscaling) at about 14.8 KB. A change that goes over it makes room elsewhere first.
 */
export const widgetSizeBudget = 15_000;

/** Where the bytes of the bundle come from. */
export type Origin = 'widget' | 'strings' | 'client' | 'ky' | 'core' | 'zod' | 'other';

/** The size of the script-tag bundle. */
export interface WidgetSize {
  readonly gzipBytes: number;
  readonly minifiedBytes: number;
  /** Minified bytes per origin. */
  readonly minifiedBytesByOrigin: Readonly<Record<Origin, number>>;
  /** The source files bundled, relative to the package directory. */
  readonly inputs: readonly string[];
}

function originOf(input: string): Origin {
  if (input.includes('/zod/')) return 'zod';
  if (input.includes('/ky/')) return 'ky';
  if (input.startsWith('../core/')) return 'core';
  if (input.startsWith('../client/')) return 'client';
  if (input.startsWith('src/strings/')) return 'strings';
  if (input.startsWith('src/')) return 'widget';
  return 'other';
}

/** Bundles the widget as a site loads it and measures it. */
export async function measureWidgetSize(): Promise<WidgetSize> {
  const { code, metafile } = await buildWidgetBundle();
  const byOrigin: Record<Origin, number> = {
    widget: 0,
    strings: 0,
    client: 0,
    ky: 0,
    core: 0,
    zod: 0,
    other: 0,
  };
  const inputs: string[] = [];
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      inputs.push(input);
      byOrigin[originOf(input)] += bytesInOutput;
    }
  }
  return {
    gzipBytes: gzipSync(code, { level: 9 }).length,
    minifiedBytes: code.length,
    minifiedBytesByOrigin: byOrigin,
    inputs: inputs.sort(),
  };
}

/** Measures the bundle and writes a report; answers the problems found, none when all is well. */
export async function checkWidgetSize(write: (line: string) => void): Promise<string[]> {
  const size = await measureWidgetSize();
  const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(2)} KB`;
  const problems: string[] = [];
  if (size.gzipBytes > widgetSizeBudget) {
    problems.push(
      `${kilobytes(size.gzipBytes)} is over the budget of ${kilobytes(widgetSizeBudget)}`,
    );
  }
  if (size.inputs.some((input) => originOf(input) === 'zod')) {
    problems.push('zod is in the bundle: import only functions that do not need it from core');
  }
  if (size.inputs.some((input) => originOf(input) === 'ky')) {
    problems.push('ky is in the bundle: the widget sends with @balagh/client/fetch');
  }
  const origins = Object.entries(size.minifiedBytesByOrigin)
    .filter(([, bytes]) => bytes > 0)
    .map(([origin, bytes]) => `${origin} ${kilobytes(bytes)}`)
    .join(', ');
  write('@balagh/widget script-tag bundle (esbuild IIFE, minified + gzipped):');
  write(
    `  ${kilobytes(size.gzipBytes)}  budget ${kilobytes(widgetSizeBudget)}  ${size.gzipBytes > widgetSizeBudget ? 'OVER' : 'ok'}  (minified ${kilobytes(size.minifiedBytes)}: ${origins})`,
  );
  for (const problem of problems) write(`  ✗ ${problem}`);
  return problems;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const problems = await checkWidgetSize((line) => process.stdout.write(`${line}\n`));
  process.exitCode = problems.length > 0 ? 1 : 0;
}
