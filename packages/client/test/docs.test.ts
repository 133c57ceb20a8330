import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { writeDocModule } from '../../../.ci/doc-examples.js';
import { type IntakeServer, startIntakeServer } from './start-intake-server.js';

const guide = fileURLToPath(new URL('../../../docs/client.md', import.meta.url));
const packageDirectory = fileURLToPath(new URL('..', import.meta.url));

// The runnable examples of docs/client.md, composed into one module in reading order, against a
// real intake server whose address and keys they read from the environment, as a back office would.
describe('docs/client.md', () => {
  let server: IntakeServer;
  const previous = { ...process.env };

  beforeAll(async () => {
    server = await startIntakeServer();
    process.env.BALAGH_API_URL = server.url;
    process.env.BALAGH_WIDGET_KEY = server.keys.integration;
    process.env.BALAGH_AGENT_KEY = server.keys.agent;
    process.env.BALAGH_SUPERVISOR_KEY = server.keys.supervisor;
  });

  afterAll(async () => {
    for (const name of [
      'BALAGH_API_URL',
      'BALAGH_WIDGET_KEY',
      'BALAGH_AGENT_KEY',
      'BALAGH_SUPERVISOR_KEY',
    ]) {
      if (previous[name] === undefined) delete process.env[name];
      else process.env[name] = previous[name];
    }
    await server?.close();
  });

  it('runs its examples, in reading order', async () => {
    await import(writeDocModule(guide, packageDirectory));
  });
});
