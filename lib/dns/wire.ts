// DNS wire format for DoH (RFC 8484): building the query and turning a reply into this library's
// record types. Uint8Array only (no Node Buffer), so the same code runs in an MV3 service worker.
import * as dnsPacket from '@dnsquery/dns-packet';
import { toRcode } from '@dnsquery/dns-packet/rcodes.js';
import type { Answer, OptionData, Packet } from '@dnsquery/dns-packet';
import { normalizeName } from './types';
import type { DnsRecord, RecordType } from './types';

/** RFC 8467 recommends padding queries to a multiple of 128 octets so their size leaks less. */
const QUERY_PADDING_BLOCK = 128;
/** EDNS buffer size advertised upstream; DoH itself has no UDP limit, but the server behind it may. */
const EDNS_UDP_SIZE = 4096;
/** Fixed size of an EDNS option header (code + length). */
const OPTION_HEADER_BYTES = 4;

/** The parts of a reply this library uses, with records already converted to `DnsRecord`. */
export interface DecodedMessage {
  id: number;
  isResponse: boolean;
  truncated: boolean;
  /** Textual RCODE, e.g. NOERROR, NXDOMAIN, SERVFAIL, REFUSED (EDNS extended bits included). */
  rcode: string;
  question: { name: string; type: string } | undefined;
  /** Answer-section records of the types this library models; others (RRSIG, DNAME, …) are dropped. */
  answers: DnsRecord[];
  /** Authority-section records of the modelled types (the SOA of a negative answer lives here). */
  authority: DnsRecord[];
}

// dns-packet's typings describe OPT data as `data`, but its encoder and decoder use these fields.
interface OptRecord {
  type: 'OPT';
  name: '.';
  udpPayloadSize: number;
  extendedRcode?: number;
  flags: number;
  options: OptionData[];
}

function optRecord(paddingLength: number): OptRecord {
  return {
    type: 'OPT',
    name: '.',
    udpPayloadSize: EDNS_UDP_SIZE,
    flags: 0,
    options: [
      // Source prefix 0 asks resolvers not to forward any part of our address (RFC 7871 §7.1.2).
      { code: 'CLIENT_SUBNET', family: 1, sourcePrefixLength: 0, scopePrefixLength: 0, ip: '0.0.0.0' },
      { code: 'PADDING', length: paddingLength },
    ],
  };
}

function queryPacket(name: string, type: RecordType, paddingLength: number): Packet {
  return {
    type: 'query',
    id: 0, // RFC 8484 §4.1: ID 0 keeps GET requests cache-friendly
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type, name, class: 'IN' }],
    additionals: [optRecord(paddingLength) as unknown as Answer],
  };
}

/** Encodes a recursive query (ID 0, RD=1, EDNS with ECS opt-out and block padding) for `name`/`type`. */
export function encodeQuery(name: string, type: RecordType): Uint8Array<ArrayBuffer> {
  const unpadded = dnsPacket.encodingLength(queryPacket(name, type, 0));
  const padding = (QUERY_PADDING_BLOCK - (unpadded % QUERY_PADDING_BLOCK)) % QUERY_PADDING_BLOCK;
  // The padding option's own header is already counted in `unpadded`, so `padding` bytes fill the block.
  // Copied into a plain ArrayBuffer-backed array, which is what fetch accepts as a request body.
  return new Uint8Array(dnsPacket.encode(queryPacket(name, type, padding)));
}

const BASE64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without `=` padding, as RFC 8484 §6 requires for the `dns` GET parameter. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1] ?? 0;
    const b2 = bytes[i + 2] ?? 0;
    const triple = (b0 << 16) | (b1 << 8) | b2;
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += BASE64URL_ALPHABET[(triple >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** Whether a name can be put on the wire: labels of 1–63 octets, at most 253 octets in all. */
export function isValidQueryName(name: string): boolean {
  if (name === '') return false;
  const bytes = new TextEncoder().encode(name).length;
  if (bytes > 253) return false;
  return name.split('.').every((label) => {
    const length = new TextEncoder().encode(label).length;
    return length >= 1 && length <= 63;
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

function txtStrings(data: unknown): string[] {
  const parts = Array.isArray(data) ? data : [data];
  return parts.map((part) => (typeof part === 'string' ? part : utf8.decode(part as Uint8Array)));
}

/** Converts one decoded resource record, or returns undefined for types this library does not model. */
function toDnsRecord(answer: Answer): DnsRecord | undefined {
  const name = normalizeName(answer.name);
  const ttl = answer.ttl ?? 0;
  switch (answer.type) {
    case 'A':
    case 'AAAA':
      return { name, ttl, type: answer.type, data: answer.data.toLowerCase() };
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return { name, ttl, type: answer.type, data: normalizeName(answer.data) };
    case 'MX':
      return {
        name,
        ttl,
        type: 'MX',
        data: { preference: answer.data.preference ?? 0, exchange: normalizeName(answer.data.exchange) },
      };
    case 'TXT':
      return { name, ttl, type: 'TXT', data: txtStrings(answer.data) };
    case 'SOA':
      return {
        name,
        ttl,
        type: 'SOA',
        data: {
          mname: normalizeName(answer.data.mname),
          rname: normalizeName(answer.data.rname),
          serial: answer.data.serial ?? 0,
          refresh: answer.data.refresh ?? 0,
          retry: answer.data.retry ?? 0,
          expire: answer.data.expire ?? 0,
          minimum: answer.data.minimum ?? 0,
        },
      };
    default:
      return undefined;
  }
}

function convertSection(section: Answer[] | undefined): DnsRecord[] {
  const records: DnsRecord[] = [];
  for (const answer of section ?? []) {
    const record = toDnsRecord(answer);
    if (record) records.push(record);
  }
  return records;
}

/** The full RCODE: the header's four bits plus the EDNS extended bits (RFC 6891 §6.1.3). */
function fullRcode(packet: Packet): string {
  const opt = (packet.additionals ?? []).find((record) => record.type === 'OPT') as OptRecord | undefined;
  const extended = opt?.extendedRcode ?? 0;
  const header = packet.rcode ?? 'NOERROR';
  return extended === 0 ? header : `RCODE_${(extended << 4) | toRcode(header)}`;
}

/** Decodes a reply. Throws on bytes that are not a DNS message. */
export function decodeMessage(bytes: Uint8Array): DecodedMessage {
  const packet = dnsPacket.decode(bytes);
  const question = packet.questions?.[0];
  return {
    id: packet.id ?? 0,
    isResponse: packet.type === 'response',
    truncated: packet.flag_tc ?? false,
    rcode: fullRcode(packet),
    question: question ? { name: normalizeName(question.name), type: question.type } : undefined,
    answers: convertSection(packet.answers),
    authority: convertSection(packet.authorities),
  };
}
