// Strict textual validation of IP addresses found in bounces and headers (no zone ids, no CIDR),
// by the same parsers the SPF engine uses.
import { parseIPv4, parseIPv6 } from '../spf/ip';

/** Dotted-quad IPv4: four decimal octets 0-255, no leading zeros (so "010.1.1.1" is not accepted). */
export function isIPv4(text: string): boolean {
  return parseIPv4(text) !== null;
}

/** RFC 4291 §2.2 text forms: eight hex groups, one "::" compression, optionally an IPv4 tail. */
export function isIPv6(text: string): boolean {
  return parseIPv6(text) !== null;
}

/** 4 or 6 for a valid address, undefined otherwise. */
export function ipVersion(text: string): 4 | 6 | undefined {
  if (isIPv4(text)) return 4;
  if (isIPv6(text)) return 6;
  return undefined;
}
