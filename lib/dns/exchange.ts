// One DNS-over-HTTPS exchange with one endpoint (RFC 8484): GET with `?dns=` (POST when the URL would be
// too long), a timeout, and every way it can go wrong turned into a DnsError.
import { OversizeReplyError, questionMismatch, readCappedBody } from './reply-bounds';
import { RETRY_AFTER_STATUSES, RetryAfterError, parseRetryAfter } from './retry-after';
import { DnsError } from './types';
import type { DnsRecord, DnsFailureKind, RecordType } from './types';
import { decodeMessage, encodeQuery, toBase64Url } from './wire';
import type { DecodedMessage } from './wire';

import type { DohEndpoint } from './endpoints';

export type { DohEndpoint } from './endpoints';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ExchangeOptions {
  fetch: FetchLike;
  timeoutMs: number;
  /** Longest GET URL to send; longer queries go as POST. */
  getMaxLength: number;
  /** The caller's cancellation; aborting it ends the exchange with a DnsError of kind 'other'. */
  signal?: AbortSignal | undefined;
  /** Milliseconds clock, for Retry-After given as an HTTP-date. */
  now?: () => number;
}

export interface ExchangeResult {
  message: DecodedMessage;
  endpoint: DohEndpoint;
  /** Seconds an HTTP cache had already held the reply (the `Age` header), already taken off the TTLs. */
  ageSeconds: number;
}

const DNS_MESSAGE = 'application/dns-message';

/** Reply codes that mean "this resolver could not answer", each mapped to its failure kind. */
const FAILING_RCODES: Record<string, DnsFailureKind> = { SERVFAIL: 'servfail', REFUSED: 'refused' };

/** Builds the request for a query: GET unless the URL would exceed `getMaxLength`. */
export function buildDohRequest(url: string, query: Uint8Array<ArrayBuffer>, getMaxLength: number): { url: string; init: RequestInit } {
  const separator = url.includes('?') ? '&' : '?';
  const getUrl = `${url}${separator}dns=${toBase64Url(query)}`;
  // The extension keeps its own cache (which can be cleared); the browser's HTTP cache would only hide changes.
  const common: RequestInit = { cache: 'no-store', credentials: 'omit', redirect: 'follow' };
  if (getUrl.length <= getMaxLength) {
    return { url: getUrl, init: { ...common, method: 'GET', headers: { accept: DNS_MESSAGE } } };
  }
  return {
    url,
    init: { ...common, method: 'POST', headers: { accept: DNS_MESSAGE, 'content-type': DNS_MESSAGE }, body: query },
  };
}

/** The `Age` header in whole seconds; absent or unparsable counts as 0. */
export function parseAge(header: string | null): number {
  if (header === null || !/^\s*\d+\s*$/.test(header)) return 0;
  return Number.parseInt(header, 10);
}

function withAge(records: DnsRecord[], age: number): DnsRecord[] {
  return age === 0 ? records : records.map((record) => ({ ...record, ttl: Math.max(0, record.ttl - age) }));
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}

/** Rejects once `signal` aborts, so an injected fetch that ignores the signal still cannot hang us. */
function whenAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

async function fetchBytes(
  endpoint: DohEndpoint,
  request: { url: string; init: RequestInit },
  fetchFn: FetchLike,
  fail: (kind: DnsFailureKind, detail: string) => DnsError,
  retryAfter: (status: number, waitMs: number) => DnsError,
  now: () => number,
): Promise<{ bytes: Uint8Array; age: number }> {
  const response = await fetchFn(request.url, request.init);
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    const waitMs = RETRY_AFTER_STATUSES.has(response.status) ? parseRetryAfter(response.headers.get('retry-after'), now()) : null;
    if (waitMs !== null) throw retryAfter(response.status, waitMs);
    throw fail('http', `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  }
  const contentType = response.headers.get('content-type');
  if (contentType !== null && !contentType.toLowerCase().startsWith(DNS_MESSAGE)) {
    await response.body?.cancel().catch(() => undefined);
    throw fail('malformed', `content-type ${contentType} from ${endpoint.url}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readCappedBody(response);
  } catch (error) {
    if (error instanceof OversizeReplyError) throw fail('oversize', error.message);
    throw error;
  }
  return { bytes, age: parseAge(response.headers.get('age')) };
}

/** Sends one query to one endpoint. Resolves for NOERROR/NXDOMAIN replies; rejects with a DnsError otherwise. */
export async function dohExchange(
  endpoint: DohEndpoint,
  name: string,
  type: RecordType,
  options: ExchangeOptions,
): Promise<ExchangeResult> {
  const fail = (kind: DnsFailureKind, detail: string) => new DnsError(kind, endpoint.label, name, type, detail);
  if (options.signal?.aborted) throw fail('other', 'aborted');

  const request = buildDohRequest(endpoint.url, encodeQuery(name, type), options.getMaxLength);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const forwardAbort = () => controller.abort();
  options.signal?.addEventListener('abort', forwardAbort, { once: true });

  let reply: { bytes: Uint8Array; age: number };
  try {
    const retryAfter = (status: number, waitMs: number) => new RetryAfterError(endpoint.label, name, type, status, waitMs);
    const init = { ...request.init, signal: controller.signal };
    const work = fetchBytes(endpoint, { url: request.url, init }, options.fetch, fail, retryAfter, options.now ?? Date.now);
    work.catch(() => undefined); // the race below may settle first; the loser must not be reported as unhandled
    reply = await Promise.race([work, whenAborted(controller.signal)]);
  } catch (error) {
    if (error instanceof DnsError) throw error;
    if (options.signal?.aborted) throw fail('other', 'aborted');
    if (timedOut) throw fail('timeout', `no reply within ${options.timeoutMs} ms`);
    throw fail('network', describe(error));
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', forwardAbort);
  }

  let message: DecodedMessage;
  try {
    message = decodeMessage(reply.bytes);
  } catch (error) {
    throw fail('malformed', `undecodable reply (${reply.bytes.length} bytes): ${describe(error)}`);
  }
  if (!message.isResponse) throw fail('malformed', 'reply is not a response');
  if (message.truncated) throw fail('malformed', 'reply is truncated');
  const mismatch = questionMismatch(message, name, type);
  if (mismatch) throw fail('question', mismatch);
  const failing = FAILING_RCODES[message.rcode];
  if (failing) throw fail(failing, message.rcode);
  if (message.rcode !== 'NOERROR' && message.rcode !== 'NXDOMAIN') throw fail('other', message.rcode);

  const age = reply.age;
  return {
    message: { ...message, answers: withAge(message.answers, age), authority: withAge(message.authority, age) },
    endpoint,
    ageSeconds: age,
  };
}
