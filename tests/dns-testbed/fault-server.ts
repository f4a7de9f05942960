// A tiny loopback HTTP server that misbehaves on purpose, for the DoH client's failure paths:
//   /blackhole/dns-query  accepts the request and never answers (timeouts)
//   /garbage/dns-query    answers 200 application/dns-message with bytes that are not a DNS message
//   /status-503/dns-query answers HTTP 503
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FaultServer {
  blackholeUrl: string;
  garbageUrl: string;
  httpErrorUrl: string;
  /** Requests the black hole is holding open right now. */
  pendingBlackholeRequests(): number;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const held = new Set<ServerResponse>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = (request.url ?? '').split('?')[0];
    if (path === '/blackhole/dns-query') {
      held.add(response);
      response.on('close', () => held.delete(response));
      return; // never answer
    }
    if (path === '/garbage/dns-query') {
      response.writeHead(200, { 'content-type': 'application/dns-message' });
      response.end(new Uint8Array([0x00, 0x00, 0x81, 0x80, 0xff, 0xff, 0x00]));
      return;
    }
    if (path === '/status-503/dns-query') {
      response.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '1' });
      response.end('unavailable for tests');
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('unknown fault');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    blackholeUrl: `${base}/blackhole/dns-query`,
    garbageUrl: `${base}/garbage/dns-query`,
    httpErrorUrl: `${base}/status-503/dns-query`,
    pendingBlackholeRequests: () => held.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // the black hole's connections would otherwise keep close() waiting
        server.close(() => resolve());
      }),
  };
}
