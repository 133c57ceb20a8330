/**
 * The baseline: a bare node:http server answering every request with a fixed JSON 201, the
 * most any Node HTTP service can do on this machine. Prints `READY <url>` once listening.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const body = JSON.stringify({
  id: '0193a1b2-0000-7000-8000-000000000001',
  number: '1448-000123-7',
  trackingToken: 'bench',
  status: 'received',
});

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(201, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`READY http://127.0.0.1:${port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
