/**
 * The intake service as the benchmark's child process: `loadConfig` from the environment, the
 * server's local file notifier for every notification, logs at `warn` on stderr. Prints
 * `READY <url>` on stdout once listening.
 */
import { createBalaghServer, createServerLogger, loadConfig } from '@balagh/server';

const config = loadConfig();
const logger = createServerLogger({
  level: config.logLevel,
  destination: { write: (line: string) => process.stderr.write(line) },
});
// BENCH_DISPATCHER=off measures the HTTP path alone (notifications then wait in the outbox).
const server = await createBalaghServer({
  config,
  logger,
  localFileNotifier: true,
  dispatcher: process.env['BENCH_DISPATCHER'] !== 'off',
});
// BENCH_STATS=1 prints the group commit's counters at exit (units per transaction).
if (process.env['BENCH_STATS'] === '1') {
  process.once('exit', () => {
    process.stdout.write(`STATS ${JSON.stringify(server.storage.writeStatistics())}\n`);
  });
}
server.closeOnSignals();
const { url } = await server.listen();
if (server.initialAdminKey !== undefined) process.stdout.write(`ADMIN ${server.initialAdminKey}\n`);
process.stdout.write(`READY ${url}\n`);
