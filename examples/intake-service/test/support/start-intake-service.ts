import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const serviceRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The intake service running as `pnpm start` runs it: `src/main.ts` under tsx, in a process of its own. */
export interface RunningIntakeService {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  readonly process: ChildProcess;
  /** Everything it wrote on stdout and stderr so far. */
  output(): string;
  /** Sends SIGTERM and answers the exit code. */
  stop(): Promise<number | null>;
}

/** A TCP port free on 127.0.0.1 a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('No port.');
  return address.port;
}

/** Runs `src/main.ts` with `env` added to the environment and answers its exit code and output. */
export async function runIntakeService(
  env: Readonly<Record<string, string>>,
): Promise<{ code: number | null; output: string }> {
  const child = spawnService(env);
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, output };
}

/**
 * Starts the intake service on a free port of 127.0.0.1 with `env` added to the environment,
 * and waits (at most a minute) for the line that says where it listens.
 */
export async function startIntakeService(
  env: Readonly<Record<string, string>>,
): Promise<RunningIntakeService> {
  const port = await freePort();
  const child = spawnService({ PORT: String(port), ...env });
  let output = '';
  const exited = once(child, 'exit') as Promise<[number | null]>;
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The service did not start within a minute:\n${output}`));
    }, 60_000);
    const read = (chunk: string) => {
      output += chunk;
      const listening = /Balagh intake service on (\S+)/.exec(output)?.[1];
      if (listening !== undefined) {
        clearTimeout(timer);
        resolve(listening);
      }
    };
    child.stdout?.setEncoding('utf8').on('data', read);
    child.stderr?.setEncoding('utf8').on('data', read);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`The service exited before it listened:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const [code] = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}

function spawnService(env: Readonly<Record<string, string>>): ChildProcess {
  return spawn(
    process.execPath,
    ['--conditions=@balagh/source', '--import', 'tsx', 'src/main.ts'],
    {
      cwd: serviceRoot,
      env: { ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}
