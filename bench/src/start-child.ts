import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const benchRoot = fileURLToPath(new URL('../', import.meta.url));

/** A child process of the benchmark that printed `READY <url>`. */
export interface Child {
  readonly url: string;
  /** The admin key a first start printed. */
  readonly adminKey?: string;
  readonly process: ChildProcess;
  /** Everything it printed on stdout so far. */
  stdout(): string;
  /** Stops it (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * Starts a TypeScript entry of the benchmark (`src/<name>.ts`) in its own process, with tsx
 * and the `@balagh/source` condition (after `nodeArguments`, such as `--cpu-prof`), and waits
 * for its `READY <url>` line.
 */
export async function startChild(
  name: string,
  env: Readonly<Record<string, string>> = {},
  nodeArguments: readonly string[] = [],
): Promise<Child> {
  const child = spawn(
    process.execPath,
    [...nodeArguments, '--conditions=@balagh/source', '--import', 'tsx', `src/${name}.ts`],
    {
      cwd: benchRoot,
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await new Promise<{ url: string; adminKey?: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within 60 s.\n${stderr}`));
    }, 60_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const url = /^READY (\S+)$/m.exec(stdout)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      const adminKey = /^ADMIN (\S+)$/m.exec(stdout)?.[1];
      resolve(adminKey === undefined ? { url } : { url, adminKey });
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready.\n${stderr}`));
    });
  });
  return {
    ...ready,
    process: child,
    stdout: () => stdout,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
