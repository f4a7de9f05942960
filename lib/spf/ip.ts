// IPv4/IPv6 parsing, CIDR matching and the textual forms SPF macros need. Addresses are kept as
// big-endian byte arrays (4 or 16 bytes) so one prefix comparison serves both families.

export interface IpAddress {
  family: 4 | 6;
  bytes: Uint8Array;
}

/** Parses dotted-quad IPv4 as the SPF ABNF allows (no leading zeros, each part 0-255). */
export function parseIPv4(text: string): IpAddress | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i]!;
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    bytes[i] = value;
  }
  return { family: 4, bytes };
}

/** Parses an IPv6 address in any RFC 4291 §2.2 text form, including an embedded dotted IPv4 tail. */
export function parseIPv6(text: string): IpAddress | null {
  if (text.length === 0 || text.length > 45) return null;
  let body = text;
  let tail: Uint8Array | null = null;
  const lastColon = body.lastIndexOf(':');
  if (lastColon >= 0 && body.indexOf('.', lastColon) > lastColon) {
    const v4 = parseIPv4(body.slice(lastColon + 1));
    if (!v4) return null;
    tail = v4.bytes;
    body = body.slice(0, lastColon + 1) + '0:0'; // placeholder groups, replaced below
  }
  const doubleColon = body.indexOf('::');
  if (doubleColon !== body.lastIndexOf('::')) return null;
  const parseGroups = (s: string): number[] | null => {
    if (s === '') return [];
    const groups = s.split(':');
    const out: number[] = [];
    for (const g of groups) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  let groups: number[];
  if (doubleColon >= 0) {
    const head = parseGroups(body.slice(0, doubleColon));
    const rest = parseGroups(body.slice(doubleColon + 2));
    if (!head || !rest) return null;
    const missing = 8 - head.length - rest.length;
    if (missing < 1) return null;
    groups = [...head, ...new Array<number>(missing).fill(0), ...rest];
  } else {
    const all = parseGroups(body);
    if (!all || all.length !== 8) return null;
    groups = all;
  }
  const bytes = new Uint8Array(16);
  groups.forEach((g, i) => {
    bytes[i * 2] = g >> 8;
    bytes[i * 2 + 1] = g & 0xff;
  });
  if (tail) bytes.set(tail, 12);
  return { family: 6, bytes };
}

export function parseIp(text: string): IpAddress | null {
  return text.includes(':') ? parseIPv6(text) : parseIPv4(text);
}

/** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is an IPv4 client for SPF purposes. */
export function unmapIPv4(ip: IpAddress): IpAddress {
  if (ip.family !== 6) return ip;
  for (let i = 0; i < 10; i++) if (ip.bytes[i] !== 0) return ip;
  if (ip.bytes[10] !== 0xff || ip.bytes[11] !== 0xff) return ip;
  return { family: 4, bytes: ip.bytes.slice(12) };
}

/** True when both addresses are of one family and agree on the first `prefix` bits. */
export function inNetwork(ip: IpAddress, network: IpAddress, prefix: number): boolean {
  if (ip.family !== network.family) return false;
  const fullBytes = prefix >> 3;
  for (let i = 0; i < fullBytes; i++) if (ip.bytes[i] !== network.bytes[i]) return false;
  const remainingBits = prefix & 7;
  if (remainingBits === 0) return true;
  const mask = (0xff << (8 - remainingBits)) & 0xff;
  return ((ip.bytes[fullBytes]! ^ network.bytes[fullBytes]!) & mask) === 0;
}

/** IPv4 dotted quad, or IPv6 as 32 dot-separated nibbles (the %{i} form, RFC 7208 §7.3). */
export function ipMacroForm(ip: IpAddress): string {
  if (ip.family === 4) return Array.from(ip.bytes).join('.');
  const nibbles: string[] = [];
  for (const byte of ip.bytes) nibbles.push((byte >> 4).toString(16), (byte & 15).toString(16));
  return nibbles.join('.');
}

/** Human-readable form for %{c}: dotted quad, or RFC 5952 compressed IPv6. */
export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return Array.from(ip.bytes).join('.');
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((ip.bytes[i]! << 8) | ip.bytes[i + 1]!);
  // Longest run (length >= 2) of zero groups becomes "::".
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLength).join(':');
  return `${head}::${tail}`;
}

/** The reverse-lookup name: 4.3.2.1.in-addr.arpa or the nibble form under ip6.arpa. */
export function reverseName(ip: IpAddress): string {
  const forward = ipMacroForm(ip).split('.');
  return `${forward.reverse().join('.')}.${ip.family === 4 ? 'in-addr.arpa' : 'ip6.arpa'}`;
}
