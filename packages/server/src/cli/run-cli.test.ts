import { expect, it } from 'vitest';
import { forEachDatabase } from '../../test/support/for-each-database.js';
import { runCli } from './run-cli.js';

async function cli(argv: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
  });
  return { code, stdout, stderr };
}

forEachDatabase('balagh CLI', (getDatabase) => {
  it('migrates, creates a key shown once, lists it without its secret and revokes it', async () => {
    const env = { DATABASE_URL: getDatabase().url };
    expect((await cli(['migrate'], env)).code).toBe(0);

    const created = await cli(
      [
        'keys',
        'create',
        '--name',
        'Lighting desk',
        '--role',
        'department',
        '--department',
        'lighting',
      ],
      env,
    );
    expect(created.code).toBe(0);
    const key = /blg_[A-Za-z0-9_-]+/.exec(created.stdout)?.[0] ?? '';
    expect(key).not.toBe('');
    const id = key.split('_')[1] ?? '';

    const listed = await cli(['keys', 'list'], env);
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).toContain('Lighting desk');
    expect(listed.stdout).toContain('lighting');
    expect(listed.stdout).not.toContain(key);

    expect((await cli(['keys', 'revoke', id], env)).code).toBe(0);
    expect((await cli(['keys', 'list'], env)).stdout).toMatch(/revoked \d{4}-/);
    expect((await cli(['keys', 'revoke', 'nope'], env)).code).toBe(1);
  });

  it('refuses a bad role or a missing option with a non-zero code', async () => {
    const env = { DATABASE_URL: getDatabase().url };
    const badRole = await cli(['keys', 'create', '--name', 'x', '--role', 'king'], env);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/role: must be one of/);
    expect((await cli(['keys', 'create', '--role', 'admin'], env)).code).toBe(2);
    expect((await cli(['keys', 'frobnicate'], env)).code).toBe(2);
    expect((await cli(['--bogus'], env)).code).toBe(2);
    expect((await cli([], env)).stdout).toContain('Usage: balagh');
  });
});
