/**
 * Benchmarks of core's identifiers: closure-code issue and verification (WebCrypto HMAC with
 * keys cached per keyring) and report-number parsing. The bench command runs it.
 */
import {
  createClosureKeyring,
  createReportId,
  formatReportNumber,
  generateClosureSecret,
  issueClosureCode,
  parseReportNumber,
  verifyClosureCode,
} from '../src/index.js';

/** One measured operation. */
export interface IdentifierBenchmarkResult {
  readonly name: string;
  readonly opsPerSecond: number;
}

/** How long each benchmark warms up and runs. */
export interface IdentifierBenchmarkOptions {
  /** Milliseconds of unmeasured runs first, so the JIT and the key cache are warm. Default 300. */
  readonly warmupMs?: number;
  /** Milliseconds measured. Default 1000. */
  readonly durationMs?: number;
}

// A server verifies codes for many requests at once; WebCrypto runs each HMAC off the main
// thread, so throughput with requests in flight is the figure that matters there.
const concurrency = 32;

async function measureAsync(
  operation: () => Promise<unknown>,
  durationMs: number,
  inFlight: number,
): Promise<number> {
  let count = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (performance.now() < deadline) {
        await operation();
        count += 1;
      }
    }),
  );
  return (count * 1000) / (performance.now() - started);
}

function measureSync(operation: () => unknown, durationMs: number): number {
  let count = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  while (performance.now() < deadline) {
    for (let index = 0; index < 1000; index += 1) operation();
    count += 1000;
  }
  return (count * 1000) / (performance.now() - started);
}

/**
 * Measures issueClosureCode, verifyClosureCode and parseReportNumber in operations per second:
 * each is warmed up, then run for about a second, one call at a time and, for the asynchronous
 * ones, also with 32 calls in flight.
 */
export async function runIdentifierBenchmarks(
  options: IdentifierBenchmarkOptions = {},
): Promise<Array<{ name: string; opsPerSecond: number }>> {
  const { warmupMs = 300, durationMs = 1000 } = options;
  const keyring = createClosureKeyring({
    currentKeyId: 'bench',
    keys: { bench: generateClosureSecret() },
  });
  const reportId = createReportId();
  const { code, state } = await issueClosureCode({ reportId, keyring });
  const issue = () => issueClosureCode({ reportId, keyring, previous: state });
  const verify = () => verifyClosureCode({ reportId, input: code, state, keyring });
  const numbers = Array.from({ length: 1024 }, (_, index) =>
    formatReportNumber({ year: 1448, sequence: index * 977 + 1 }),
  );
  let next = 0;
  const parse = () => {
    next = (next + 1) % numbers.length;
    return parseReportNumber(numbers[next]!);
  };

  const results: IdentifierBenchmarkResult[] = [];
  const asynchronous: Array<[string, () => Promise<unknown>, number]> = [
    ['issueClosureCode', issue, 1],
    [`issueClosureCode (${concurrency} in flight)`, issue, concurrency],
    ['verifyClosureCode', verify, 1],
    [`verifyClosureCode (${concurrency} in flight)`, verify, concurrency],
  ];
  for (const [name, operation, inFlight] of asynchronous) {
    await measureAsync(operation, warmupMs, inFlight);
    results.push({
      name,
      opsPerSecond: Math.round(await measureAsync(operation, durationMs, inFlight)),
    });
  }
  measureSync(parse, warmupMs);
  results.push({
    name: 'parseReportNumber',
    opsPerSecond: Math.round(measureSync(parse, durationMs)),
  });
  return results;
}
