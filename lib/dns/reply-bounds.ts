// What a DoH reply must satisfy before it is believed: at most one DNS message long (RFC 8484 §6 keeps
// DoH to DNS's own 65,535-octet message limit), read as a stream so a bigger body is dropped as soon
// as it passes the limit instead of being buffered whole, and answering exactly the question asked.
import type { DecodedMessage } from './wire';

/** The largest DNS message there is (a 16-bit length, RFC 1035 §4.2.2 / RFC 8484 §6). */
export const MAX_DNS_MESSAGE_OCTETS = 65_535;

/** The body was (or says it will be) longer than the limit; `seen` is how far we read before stopping. */
export class OversizeReplyError extends Error {
  constructor(
    readonly limit: number,
    readonly seen: number,
    readonly declared: number | null,
  ) {
    super(declared !== null ? `reply declares ${declared} octets, over the ${limit}-octet DNS message limit` : `reply passed the ${limit}-octet DNS message limit (stopped reading at ${seen})`);
    this.name = 'OversizeReplyError';
  }
}

/** Content-Length as a number, or null when absent or not a plain decimal. */
function declaredLength(response: Response): number | null {
  const header = response.headers.get('content-length');
  return header !== null && /^\s*\d+\s*$/.test(header) ? Number.parseInt(header, 10) : null;
}

/**
 * The response body, read chunk by chunk up to `limit` octets. Past the limit (or when Content-Length
 * already says so) the stream is cancelled, which closes the connection, and OversizeReplyError thrown.
 */
export async function readCappedBody(response: Response, limit = MAX_DNS_MESSAGE_OCTETS): Promise<Uint8Array> {
  const declared = declaredLength(response);
  if (declared !== null && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw new OversizeReplyError(limit, 0, declared);
  }
  if (!response.body) {
    // Test doubles and some fetch shims have no stream; their bodies are already in memory.
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > limit) throw new OversizeReplyError(limit, bytes.length, null);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new OversizeReplyError(limit, total, null);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/**
 * Why a reply does not answer the question `name`/`type`, or null when it does. A reply without a
 * question section cannot be matched to what we asked (RFC 8484 §4.1 uses ID 0, so the question is
 * the only link), so it is refused like a reply to a different question.
 */
export function questionMismatch(message: DecodedMessage, name: string, type: string): string | null {
  if (!message.question) return 'reply has no question section';
  if (message.question.name !== name || message.question.type !== type) return `reply is for ${message.question.name} ${message.question.type}`;
  return null;
}
