/**
 * The intake service as a child process for the reliability tests: configuration from the
 * environment (`loadConfig`), the server's local file notifier for every notification, logs to
 * stderr. Prints `READY <url>` (and `ADMIN <key>` on a first start) on stdout once listening.
 */
import { createBalaghServer, createServerLogger, loadConfig } from '../../../src/index.js';

const config = loadConfig();
const logger = createServerLogger({
  level: config.logLevel,
  destination: { write: (line: string) => process.stderr.write(line) },
});
const server = await createBalaghServer({ config, logger, localFileNotifier: true });
server.closeOnSignals();
const { url } = await server.listen();
if (server.initialAdminKey !== undefined) process.stdout.write(`ADMIN ${server.initialAdminKey}\n`);
process.stdout.write(`READY ${url}\n`);
