import { describe, expect, it } from 'vitest';
import { MAX_RESOLVERS, moveResolver, needsPermission, permissionPattern, validateNewResolver } from '../../../components/options/resolvers';
import { DEFAULT_DOH_ENDPOINTS } from '../../../lib/dns/doh';

describe('resolver list rules', () => {
  it('moves an entry up or down and leaves the list alone at its ends', () => {
    expect(moveResolver(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveResolver(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveResolver(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveResolver(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
    expect(moveResolver(['a', 'b'], -1, 1)).toEqual(['a', 'b']);
  });

  it('validates a new entry: acceptable URL, not already listed, room left; label trimmed or taken from the host', () => {
    const list = [...DEFAULT_DOH_ENDPOINTS];
    expect(validateNewResolver(list, '  Office  ', ' https://dns.example.net/dns-query ')).toEqual({
      ok: true,
      resolver: { label: 'Office', url: 'https://dns.example.net/dns-query' },
    });
    expect(validateNewResolver(list, '', 'https://dns.example.net:8443/q')).toEqual({ ok: true, resolver: { label: 'dns.example.net:8443', url: 'https://dns.example.net:8443/q' } });
    expect(validateNewResolver(list, 'x'.repeat(100), 'https://dns.example.net/q')).toMatchObject({ ok: true, resolver: { label: 'x'.repeat(60) } });
    expect(validateNewResolver(list, '', 'https://DNS.GOOGLE/dns-query')).toEqual({ ok: false, error: 'duplicate' });
    expect(validateNewResolver(list, '', 'javascript:alert(1)')).toEqual({ ok: false, error: 'url-invalid' });
    const full = Array.from({ length: MAX_RESOLVERS }, (_, i) => ({ label: `r${i}`, url: `https://r${i}.example.net/dns-query` }));
    expect(validateNewResolver(full, '', 'https://dns.example.net/q')).toEqual({ ok: false, error: 'full' });
  });

  it('asks for a host permission without the port, and none for the built-in resolvers', () => {
    expect(permissionPattern('https://dns.example.net:8443/dns-query')).toBe('https://dns.example.net/*');
    expect(permissionPattern('http://localhost:5380/dns-query')).toBe('http://localhost/*');
    expect(needsPermission('https://cloudflare-dns.com/dns-query')).toBe(false);
    expect(needsPermission('https://dns.google/dns-query')).toBe(false);
    expect(needsPermission('https://dns.example.net/dns-query')).toBe(true);
  });
});
