// A tiny loopback HTTP server that misbehaves on purpose, for the DoH client's failure paths:
//   /blackhole/dns-query  accepts the request and never answers (timeouts)
//   /garbage/dns-query    answers 200 application/dns-message with bytes that are not a DNS message
//   /status-503/dns-query answers HTTP 503 (no Retry-After)
// and, for the DoH client's bounds (issue #11):
//   /oversize/dns-query          200 application/dns-message, a chunked body that goes on for 8 MiB
//   /oversize-declared/dns-query the same with Content-Length 8 MiB announced up front
//   /no-question/dns-query       a well-formed reply (NOERROR, one TXT answer) with no question section
//   /wrong-question/dns-query    a well-formed reply to a different question (other.invalid TXT)
//   /retry-429/dns-query         429 with Retry-After: 120 (delta-seconds)
//   /retry-503-date/dns-query    503 with Retry-After: an HTTP-date 90 s ahead
//   /retry-429-long/dns-query    429 with Retry-After: 86400 (a day, more than the client honours)
//   /stats                       JSON per path: requests seen, bodies sent whole, bodies cut off
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as dnsPacket from '@dnsquery/dns-packet';
import type { Packet } from '@dnsquery/dns-packet';

/** The fault modes served under /<mode>/dns-query besides blackhole, garbage and status-503. */
export const FAULT_MODES = ['oversize', 'oversize-declared', 'no-question', 'wrong-question', 'retry-429', 'retry-503-date', 'retry-429-long'] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface FaultStats {
  requests: number;
  /** Bodies written to the end. */
  completed: number;
  /** Bodies the client cut off (connection closed before the end). */
  aborted: number;
}

const OVERSIZE_TOTAL = 8 * 1024 * 1024;
const OVERSIZE_CHUNK = 16 * 1024;

/** The DNS query of a DoH request (GET ?dns= or POST body). */
async function queryOf(request: IncomingMessage): Promise<Packet | null> {
  try {
    if (request.method === 'POST') {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      return dnsPacket.decode(new Uint8Array(Buffer.concat(chunks)));
    }
    const param = new URL(request.url ?? '/', 'http://fault').searchParams.get('dns');
    return param ? dnsPacket.decode(new Uint8Array(Buffer.from(param, 'base64url'))) : null;
  } catch {
    return null;
  }
}

/** A NOERROR reply with one TXT answer, for `question` (or with no question section at all). */
function txtReply(question: { name: string; type: string } | null, answerName: string): Uint8Array {
  const packet: Packet = {
    type: 'response',
    id: 0,
    flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE,
    questions: question ? [{ name: question.name, type: question.type as 'TXT', class: 'IN' }] : [],
    answers: [{ name: answerName, type: 'TXT', class: 'IN', ttl: 60, data: ['v=spf1 -all'] }],
  };
  return new Uint8Array(dnsPacket.encode(packet));
}

/** Writes `total` octets in chunks, waiting for the socket to drain, until done or the client leaves. */
function streamOversize(response: ServerResponse, stats: FaultStats): void {
  let sent = 0;
  let closed = false;
  response.on('close', () => {
    closed = true;
    if (sent < OVERSIZE_TOTAL) stats.aborted++;
  });
  const chunk = new Uint8Array(OVERSIZE_CHUNK).fill(0x41);
  const pump = (): void => {
    while (!closed && sent < OVERSIZE_TOTAL) {
      sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    if (!closed) {
      response.end();
      stats.completed++;
    }
  };
  pump();
}

export interface FaultServer {
  blackholeUrl: string;
  garbageUrl: string;
  httpErrorUrl: string;
  /** http://127.0.0.1:<port>: /<mode>/dns-query for each FAULT_MODES entry, /stats for the counters. */
  baseUrl: string;
  /** Requests the black hole is holding open right now. */
  pendingBlackholeRequests(): number;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const held = new Set<ServerResponse>();
  const stats = new Map<string, FaultStats>();
  const statsOf = (path: string): FaultStats => {
    let entry = stats.get(path);
    if (!entry) stats.set(path, (entry = { requests: 0, completed: 0, aborted: 0 }));
    return entry;
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    // Like dnsdist in front of BIND, answer cross-origin callers (the extension without host permission),
    // and let them read Retry-After, which is not a CORS-safelisted response header.
    response.setHeader('access-control-allow-origin', '*');
    response.setHeader('access-control-expose-headers', 'retry-after, age');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { 'access-control-allow-methods': 'GET, POST, OPTIONS', 'access-control-allow-headers': 'content-type, accept' });
      response.end();
      return;
    }
    const path = (request.url ?? '').split('?')[0] ?? '';
    if (path === '/stats') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(Object.fromEntries(stats)));
      return;
    }
    const entry = statsOf(path);
    entry.requests++;
    if (path === '/oversize/dns-query' || path === '/oversize-declared/dns-query') {
      const headers: Record<string, string | number> = { 'content-type': 'application/dns-message' };
      if (path === '/oversize-declared/dns-query') headers['content-length'] = OVERSIZE_TOTAL;
      response.writeHead(200, headers);
      streamOversize(response, entry);
      return;
    }
    if (path === '/no-question/dns-query' || path === '/wrong-question/dns-query') {
      void queryOf(request).then((query) => {
        const asked = query?.questions?.[0];
        const name = asked?.name ?? 'example.jp';
        const body = path === '/no-question/dns-query' ? txtReply(null, name) : txtReply({ name: 'other.invalid', type: asked?.type ?? 'TXT' }, 'other.invalid');
        response.writeHead(200, { 'content-type': 'application/dns-message', 'content-length': body.length });
        response.end(body);
        entry.completed++;
      });
      return;
    }
    const retryAfter: Record<string, () => string> = {
      '/retry-429/dns-query': () => '120',
      '/retry-503-date/dns-query': () => new Date(Date.now() + 90_000).toUTCString(),
      '/retry-429-long/dns-query': () => '86400',
    };
    const wait = retryAfter[path];
    if (wait) {
      response.writeHead(path.includes('503') ? 503 : 429, { 'content-type': 'text/plain', 'retry-after': wait() });
      response.end('busy, come back later (test fault)');
      entry.completed++;
      return;
    }
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
      response.writeHead(503, { 'content-type': 'text/plain' });
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
    baseUrl: base,
    pendingBlackholeRequests: () => held.size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections(); // the black hole's connections would otherwise keep close() waiting
        server.close(() => resolve());
      }),
  };
}
