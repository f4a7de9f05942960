// A resolver that answers the apex TXT question from the panel's records (what the user has saved there)
// and everything else from live DNS: it lets check_host judge a record before it is published.
import type { DnsResponse, QueryOptions, RecordType, Resolver } from '../dns/types';

export class PanelTxtResolver implements Resolver {
  constructor(
    private readonly live: Resolver,
    private readonly domain: string,
    /** The TXT records at the apex as the panel holds them, each as its character-strings. */
    private readonly txtRecords: string[][],
    private readonly label = 'panel',
  ) {}

  async query(name: string, type: RecordType, options?: QueryOptions): Promise<DnsResponse> {
    if (type !== 'TXT' || name.toLowerCase().replace(/\.$/, '') !== this.domain) return this.live.query(name, type, options);
    return {
      name: this.domain,
      type,
      rcode: 'NOERROR',
      answers: this.txtRecords.map((data) => ({ name: this.domain, ttl: 0, type: 'TXT', data })),
      cnameChain: [],
      ttl: 0,
      resolver: this.label,
    };
  }
}
