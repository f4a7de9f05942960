// Propagation: does every configured resolver already return what the panel holds? For each record set
// the panel shows, compare with each resolver's answer; a difference is "pending" with an estimate from
// the TTL the stale answer may still be cached for.
import type { DnsResponse, RecordType } from '../dns/types';
import { txtJoin } from '../dns/types';
import { formatIp, parseIp } from '../spf/ip';
import type { DiagnosisContext } from './context';
import { durationParams, makeFinding } from './findings';
import { groupRecords, normaliseTarget } from './panel-records';
import type { PropagationItem, ResolverView } from './types';

const PROPAGATION_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT'] as const;
/** Bounds the questions asked for a very large panel. */
const MAX_GROUPS = 40;

export async function checkPropagation(ctx: DiagnosisContext): Promise<PropagationItem[]> {
  if (!ctx.panelInEffect) return [];
  const views = ctx.deps.views && ctx.deps.views.length > 0 ? ctx.deps.views : [{ label: 'resolver', resolver: ctx.resolver }];
  const groups = groupRecords(ctx.panelRecords, PROPAGATION_TYPES).slice(0, MAX_GROUPS);
  const items = await Promise.all(
    groups.map(async (group): Promise<PropagationItem> => {
      const panel = group.type === 'AAAA' ? group.values.map(canonicalAddress) : group.values;
      const viewResults: ResolverView[] = await Promise.all(
        views.map(async (view) => {
          const answer = await ctx.query(group.name, group.type as RecordType, view.resolver);
          if (!answer.ok) return { resolver: view.label, values: null, error: answer.error.kind };
          return { resolver: view.label, values: liveValues(answer.response, group.type), ttl: answer.response.ttl };
        }),
      );
      const answered = viewResults.filter((v) => v.values !== null);
      const stale = answered.filter((v) => !sameSet(v.values!, panel));
      const state = answered.length === 0 ? 'unknown' : stale.length > 0 ? 'pending' : 'live';
      const item: PropagationItem = { name: group.name, type: group.type, panel, views: viewResults, state };
      if (state === 'pending') item.estimateSeconds = Math.max(...stale.map((v) => v.ttl ?? 0));
      return item;
    }),
  );
  for (const item of items.filter((p) => p.state === 'pending')) {
    const stale = item.views.filter((v) => v.values !== null && !sameSet(v.values, item.panel)).map((v) => v.resolver);
    ctx.findings.push(
      makeFinding('PROPAGATION_PENDING', { type: item.type, name: item.name, resolvers: stale.join(', ') }, [{ host: item.name, type: item.type }], durationParams(item.estimateSeconds)),
    );
  }
  return items;
}

function canonicalAddress(text: string): string {
  const ip = parseIp(text);
  return ip ? formatIp(ip) : text;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = [...new Set(a)].sort();
  const right = [...new Set(b)].sort();
  return left.length === right.length && left.every((v, i) => v === right[i]);
}

/** Answer values in the form panel values are compared in (see comparableValue). */
function liveValues(response: DnsResponse, type: string): string[] {
  return response.answers.flatMap((r) => {
    if (r.type !== type) return [];
    switch (r.type) {
      case 'TXT':
        return [txtJoin(r)];
      case 'MX':
        return [`${r.data.preference} ${normaliseTarget(r.data.exchange)}`];
      case 'AAAA':
        return [canonicalAddress(r.data)];
      case 'CNAME':
        return [normaliseTarget(r.data)];
      case 'SOA':
        return [];
      default:
        return [r.data];
    }
  });
}
