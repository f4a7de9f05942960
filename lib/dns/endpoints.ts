// The product's default DoH endpoints, apart from the DoH client: settings and the options page need
// the list, and importing it from doh.ts would pull the DNS wire format into every bundle that does.

export interface DohEndpoint {
  /** Shown to the user ("TempError: resolver Cloudflare timed out"). */
  label: string;
  url: string;
}

export const CLOUDFLARE_DOH: DohEndpoint = { label: 'Cloudflare', url: 'https://cloudflare-dns.com/dns-query' };
export const GOOGLE_DOH: DohEndpoint = { label: 'Google', url: 'https://dns.google/dns-query' };
/** Product defaults: Cloudflare first, Google second. Both are non-filtering and answer in wire format. */
export const DEFAULT_DOH_ENDPOINTS: readonly DohEndpoint[] = [CLOUDFLARE_DOH, GOOGLE_DOH];
