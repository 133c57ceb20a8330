import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const packageRoot = fileURLToPath(new URL('../../../', import.meta.url));
const entry = fileURLToPath(new URL('./service-process.ts', import.meta.url));
// Inside the package's node_modules, so the bundle resolves the server's own dependencies.
const bundleDirectory = `${packageRoot}node_modules/.cache/balagh-reliability`;

let bundled: Promise<string> | undefined;

/**
 * Bundles the service process once per test file (sources through the `@balagh/source`
 * condition, the server's native and driver dependencies left external): a bundle starts in
 * about a second where `tsx` would transform every module on each start.
 */
export function buildServiceBundle(): Promise<string> {
  bundled ??= (async () => {
    await mkdir(bundleDirectory, { recursive: true });
    const outfile = `${bundleDirectory}/service-${process.pid}.mjs`;
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      conditions: ['@balagh/source'],
      external: ['better-sqlite3', 'pg', 'pino', 'kysely', 'hono', '@hono/node-server'],
      logLevel: 'silent',
    });
    return outfile;
  })();
  return bundled;
}

/** A running service child process. */
export interface ServiceProcess {
  readonly url: string;
  /** The admin key printed on a first start (no key existed). */
  readonly adminKey?: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process is gone. */
  readonly exited: Promise<number | string>;
  /** What it wrote on stderr (its logs), for failure messages. */
  readonly stderr: () => string;
}

/** Starts the service with this environment and waits until it listens. */
export async function startServiceProcess(
  env: Readonly<Record<string, string>>,
  timeoutMilliseconds = 30_000,
): Promise<ServiceProcess> {
  const bundle = await buildServiceBundle();
  const child = spawn(process.execPath, [bundle], {
    cwd: packageRoot,
    env: { PATH: process.env['PATH'] ?? '', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
  const ready = await new Promise<{ url: string; adminKey?: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The service did not start in time.\n${stderr}`));
    }, timeoutMilliseconds);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const url = /^READY (\S+)$/m.exec(stdout)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      const adminKey = /^ADMIN (\S+)$/m.exec(stdout)?.[1];
      resolve(adminKey === undefined ? { url } : { url, adminKey });
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`The service exited (${code}) before it was ready.\n${stderr}`));
    });
  });
  return { ...ready, child, exited, stderr: () => stderr };
}

/** Calls the API with a key and a JSON body; answers status and parsed body. */
export async function callApi(
  url: string,
  path: string,
  key: string,
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** Runs `task` for 0..count-1 with at most `concurrency` at once; answers the settled results. */
export async function runConcurrently<T>(
  count: number,
  concurrency: number,
  task: (index: number) => Promise<T>,
): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await task(index) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return results;
}

/** A valid report input, varied by index. */
export function reportInput(index: number) {
  return {
    categoryCode:
      index % 3 === 0 ? 'street_lighting' : index % 3 === 1 ? 'street_cleanliness' : 'water_leak',
    description: `Reliability report ${index}`,
    reporter: { phone: `+9665${String(10_000_000 + index).slice(-8)}` },
    channel: 'web',
    language: index % 2 === 0 ? 'ar' : 'en',
  };
}

/** Polls `condition` every 100 ms until it holds or the time runs out. */
export async function waitUntil(
  condition: () => Promise<boolean>,
  milliseconds: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + milliseconds;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
