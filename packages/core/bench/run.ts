/**
 * Core's benchmarks, one command: `pnpm --filter @balagh/core bench`.
 *
 * Prints operations per second for the SLA engine, closure codes, report numbers and
 * category matching, each beside a baseline measured in the same run (the machine is shared
 * and noisy, so a ratio says more than an absolute figure), then the minified + gzipped size
 * of the whole package and of a bundle importing only the closure-code functions.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { runIdentifierBenchmarks } from './identifiers.bench-part.js';
import { runSlaBenchmarks } from './sla.bench-part.js';
import { runTaxonomyBenchmarks } from './taxonomy.bench-part.js';

interface Row {
  readonly name: string;
  readonly opsPerSecond: number;
}

const targets: Record<string, number> = {
  'slaStatus (business calendar': 200_000,
  verifyClosureCode: 50_000,
};

function measureSync(operation: () => unknown, durationMs = 1000): number {
  const warmupEnd = performance.now() + 200;
  while (performance.now() < warmupEnd) operation();
  let count = 0;
  const started = performance.now();
  let now = started;
  while (now - started < durationMs) {
    for (let i = 0; i < 100; i++) operation();
    count += 100;
    now = performance.now();
  }
  return (count * 1000) / (now - started);
}

async function measureHmacBaseline(inFlight: number): Promise<number> {
  const key = await crypto.subtle.importKey(
    'raw',
    crypto.getRandomValues(new Uint8Array(32)),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const data = new TextEncoder().encode('0190f3a4-0000-7000-8000-000000000000\0\0\0\0\0\0\0\x01');
  let count = 0;
  const deadline = performance.now() + 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < deadline) {
        await crypto.subtle.sign('HMAC', key, data);
        count++;
      }
    }),
  );
  return (count * 1000) / (performance.now() - started);
}

async function gzippedBundleSize(contents: string): Promise<number> {
  const result = await build({
    stdin: { contents, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    conditions: ['@balagh/source'],
    external: ['zod', 'zod/*'],
  });
  return gzipSync(result.outputFiles[0]?.contents ?? new Uint8Array(), { level: 9 }).length;
}

function print(rows: readonly Row[], baseline: Row): void {
  for (const row of rows) {
    const target = Object.entries(targets).find(([name]) => row.name.startsWith(name))?.[1];
    const verdict =
      target === undefined
        ? ''
        : row.opsPerSecond >= target
          ? `  ≥ ${target} ✓`
          : `  < ${target} ✗`;
    console.log(
      `${row.name.padEnd(52)} ${Math.round(row.opsPerSecond).toLocaleString('en').padStart(12)} /s` +
        `  ×${(row.opsPerSecond / baseline.opsPerSecond).toFixed(3)} of ${baseline.name}${verdict}`,
    );
  }
}

const isoParse: Row = {
  name: 'baseline: Date.parse(ISO)',
  opsPerSecond: measureSync(() => Date.parse('2026-11-27T10:15:30.123Z')),
};
console.log(
  `${isoParse.name.padEnd(52)} ${Math.round(isoParse.opsPerSecond).toLocaleString('en').padStart(12)} /s`,
);
print(await runSlaBenchmarks(), isoParse);
print(await runTaxonomyBenchmarks(), isoParse);

const hmac: Row = {
  name: 'baseline: bare WebCrypto HMAC-SHA-256',
  opsPerSecond: await measureHmacBaseline(1),
};
const hmacInFlight: Row = {
  name: 'baseline: bare WebCrypto HMAC-SHA-256, 32 in flight',
  opsPerSecond: await measureHmacBaseline(32),
};
console.log(
  `${hmac.name.padEnd(52)} ${Math.round(hmac.opsPerSecond).toLocaleString('en').padStart(12)} /s`,
);
console.log(
  `${hmacInFlight.name.padEnd(52)} ${Math.round(hmacInFlight.opsPerSecond).toLocaleString('en').padStart(12)} /s`,
);
const identifiers = await runIdentifierBenchmarks();
print(
  identifiers.filter((row) => row.name.includes('ClosureCode') && !row.name.includes('in flight')),
  hmac,
);
print(
  identifiers.filter((row) => row.name.includes('in flight')),
  hmacInFlight,
);
print(
  identifiers.filter((row) => !row.name.includes('ClosureCode')),
  isoParse,
);

const whole = await gzippedBundleSize(`export * from '@balagh/core';`);
const closureOnly = await gzippedBundleSize(
  // What an officer's app or a verifier needs; the keyring is a plain object, so createClosureKeyring
  // (which validates one with zod) stays out.
  `export { issueClosureCode, verifyClosureCode, formatClosureCode, normalizeClosureCodeInput } from '@balagh/core';`,
);
console.log(
  `\nwhole package, minified + gzipped (zod excluded)      ${(whole / 1024).toFixed(1)} KB`,
);
console.log(
  `closure-code functions only, minified + gzipped       ${(closureOnly / 1024).toFixed(1)} KB  ${closureOnly <= 3 * 1024 ? '≤ 3 KB ✓' : '> 3 KB ✗'}`,
);
