// Shared helpers for the DNS tests: the injected testbed, a fetch that counts requests, and a fake DoH
// server (in memory, no sockets) for paths the real testbed cannot produce on demand.
import * as dnsPacket from '@dnsquery/dns-packet';
import type { Answer, Packet } from '@dnsquery/dns-packet';
import { inject } from 'vitest';
import type { FetchLike } from '../../lib/dns/exchange';
import { DnsError } from '../../lib/dns/types';
import type { TestbedInfo } from '../dns-testbed/testbed';

export function testbed(): TestbedInfo {
  return inject('dnsTestbed');
}

export interface FetchCall {
  url: string;
  method: string;
}

/** Wraps a fetch so tests can count and inspect the HTTP requests a resolver made. */
export function countingFetch(inner: FetchLike = (input, init) => fetch(input, init)): { fetch: FetchLike; calls: FetchCall[] } {
  const calls: FetchCall[] = [];
  return {
    calls,
    fetch: (input, init) => {
      calls.push({ url: input, method: init.method ?? 'GET' });
      return inner(input, init);
    },
  };
}

/** The DNS query inside a DoH request, whichever method carried it. */
export function queryOf(url: string, init: RequestInit): Packet {
  if ((init.method ?? 'GET') === 'POST') return dnsPacket.decode(init.body as Uint8Array);
  const param = new URL(url).searchParams.get('dns');
  if (!param) throw new Error(`no dns parameter in ${url}`);
  return dnsPacket.decode(new Uint8Array(Buffer.from(param, 'base64url')));
}

export interface FakeReply {
  rcode?: string;
  answers?: Answer[];
  authorities?: Answer[];
  headers?: Record<string, string>;
  status?: number;
}

/**
 * A fetch that answers DoH requests in memory: `handler` gets the question and returns what to put in
 * the reply. The reply echoes the question, so the client's checks pass unless the handler breaks them.
 */
export function fakeDoh(handler: (name: string, type: string, url: string) => FakeReply | Promise<FakeReply>): FetchLike {
  return async (url, init) => {
    const query = queryOf(url, init);
    const question = query.questions?.[0];
    if (!question) throw new Error('query without a question');
    const reply = await handler(question.name, question.type, url);
    const rcodeBits = dnsPacket.AUTHORITATIVE_ANSWER | rcodeNumber(reply.rcode ?? 'NOERROR');
    const body = dnsPacket.encode({
      type: 'response',
      id: 0,
      flags: rcodeBits,
      questions: [question],
      answers: reply.answers ?? [],
      authorities: reply.authorities ?? [],
    });
    return new Response(new Uint8Array(body), {
      status: reply.status ?? 200,
      headers: { 'content-type': 'application/dns-message', ...reply.headers },
    });
  };
}

function rcodeNumber(rcode: string): number {
  const codes: Record<string, number> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };
  const code = codes[rcode];
  if (code === undefined) throw new Error(`unknown rcode ${rcode}`);
  return code;
}

export function soa(zone: string, ttl: number, minimum: number): Answer {
  return {
    name: zone,
    type: 'SOA',
    ttl,
    data: { mname: `ns.${zone}`, rname: `hostmaster.${zone}`, serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum },
  };
}

/** The DnsError a promise rejects with (fails the test when it resolves or rejects with something else). */
export async function failure(promise: Promise<unknown>): Promise<DnsError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof DnsError)) throw new Error(`expected a DnsError, got ${String(error)}`);
  return error;
}
