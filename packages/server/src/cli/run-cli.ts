import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  createClosureKeyring,
  defaultTaxonomy,
  generateClosureSecret,
  isBalaghError,
  ValidationError,
} from '@balagh/core';
import { createReportService } from '../service/create-report-service.js';
import { type ApiKeyRole, apiKeyRoles } from '../service/report-service.js';
import { createStorage } from '../storage/create-storage.js';
import type { Storage } from '../storage/storage.js';

/** Where {@link runCli} writes and what environment it reads. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** `DATABASE_URL` and `DATA_DIR` are read from it; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** The usage text of the `balagh` command. */
export const cliUsage = `Usage: balagh <command>

  keys create --name NAME --role ROLE [--department CODE]
                 Creates an API key and prints it once (it cannot be shown again).
                 ROLE: ${apiKeyRoles.join(', ')}; --department is required for "department".
  keys list      Lists API keys (never their secrets).
  keys revoke ID Revokes an API key.
  migrate        Creates or updates the database schema.
  help           Shows this text.

The database is DATABASE_URL (postgres://… or a SQLite file), by default
file:<DATA_DIR>/balagh.db with DATA_DIR=./data.
`;

/**
 * Runs the `balagh` administration command (`balagh keys create|list|revoke`, `balagh migrate`)
 * against the database `DATABASE_URL` names, and answers the exit code. The plaintext key of
 * `keys create` is written once to `stdout`; nothing else ever shows it.
 *
 * @example
 * ```ts
 * const code = await runCli(['keys', 'create', '--name', 'Widget', '--role', 'integration'], {
 *   stdout: (text) => process.stdout.write(text),
 *   stderr: (text) => process.stderr.write(text),
 * });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${cliUsage}`);
    return 2;
  }
  const [command, subcommand, ...rest] = parsed.positionals;
  if (command === undefined || command === 'help' || parsed.values.help === true) {
    io.stdout(cliUsage);
    return 0;
  }
  const known =
    command === 'migrate' ||
    (command === 'keys' &&
      (subcommand === 'create' || subcommand === 'list' || subcommand === 'revoke'));
  if (!known) {
    io.stderr(
      `Unknown command "${[command, subcommand].filter(Boolean).join(' ')}".\n\n${cliUsage}`,
    );
    return 2;
  }

  const dataDirectory = resolve(nonEmpty(env['DATA_DIR']) ?? './data');
  const url = nonEmpty(env['DATABASE_URL']) ?? `file:${join(dataDirectory, 'balagh.db')}`;
  let storage: Storage | undefined;
  try {
    storage = await createStorage({ url });
    if (command === 'migrate') {
      io.stdout(`The ${storage.dialect} database is up to date.\n`);
      return 0;
    }
    // Managing keys issues no closure code: a throwaway keyring satisfies the service.
    const service = createReportService({
      storage,
      taxonomy: defaultTaxonomy,
      closureKeyring: createClosureKeyring({
        currentKeyId: 'cli',
        keys: { cli: generateClosureSecret() },
      }),
    });
    if (subcommand === 'create') {
      const { name, role, department } = parsed.values;
      if (name === undefined || role === undefined) {
        io.stderr(`keys create needs --name and --role.\n\n${cliUsage}`);
        return 2;
      }
      const created = await service.createApiKey({
        name,
        role: role as ApiKeyRole,
        ...(department === undefined ? {} : { departmentCode: department }),
      });
      io.stdout(
        `Created API key ${created.id} (${created.role}${
          created.departmentCode === undefined ? '' : `, ${created.departmentCode}`
        }). It is shown once; keep it secret:\n\n${created.key}\n`,
      );
      return 0;
    }
    if (subcommand === 'list') {
      const keys = await service.forActor({ keyId: 'cli', role: 'admin' }).listApiKeys();
      if (keys.length === 0) {
        io.stdout('No API keys.\n');
        return 0;
      }
      const rows = keys.map((key) => [
        key.id,
        key.role,
        key.departmentCode ?? '-',
        key.createdAt,
        key.revokedAt === undefined ? 'active' : `revoked ${key.revokedAt}`,
        key.name,
      ]);
      io.stdout(table([['ID', 'ROLE', 'DEPARTMENT', 'CREATED', 'STATE', 'NAME'], ...rows]));
      return 0;
    }
    const id = rest.length === 0 ? undefined : rest[0];
    if (id === undefined) {
      io.stderr(`keys revoke needs the key's ID (see "balagh keys list").\n`);
      return 2;
    }
    await service.forActor({ keyId: 'cli', role: 'admin' }).revokeApiKey(id);
    io.stdout(`Revoked API key ${id}.\n`);
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) {
      io.stderr(`${error.issues.map((issue) => `${issue.path}: ${issue.message}`).join('\n')}\n`);
      return 1;
    }
    if (isBalaghError(error, 'NOT_FOUND')) {
      io.stderr('No such API key.\n');
      return 1;
    }
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await storage?.close();
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      department: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function table(rows: readonly (readonly string[])[]): string {
  const widths =
    rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return `${rows
    .map((row) =>
      row
        .map((cell, column) =>
          column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0),
        )
        .join('  '),
    )
    .join('\n')}\n`;
}
