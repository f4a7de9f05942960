// Known deviations of pyspf 2.0.14 from RFC 7208 where our answer is the RFC's. Each rule is a precise
// test on pyspf's own message and on our trace, so a disagreement of another kind stays unexplained.
import { parseIp, reverseName } from '../../../lib/spf/ip';
import type { CheckHostResult, TraceStep } from '../../../lib/spf/types';
import type { DiffScenario, DiffTest } from './generate';
import type { PyOutcome } from './run';

export interface Deviation {
  id: string;
  /** The RFC 7208 sections that make our answer right. */
  rfc: string;
  what: string;
  applies: (ours: CheckHostResult, pyspf: PyOutcome, scenario: DiffScenario, test: DiffTest) => boolean;
}

const queriesOf = (trace: TraceStep[]) => trace.flatMap((step) => step.queries.map((query) => ({ step, query })));
/** The records our evaluation read, with the domain each belongs to. */
const recordsOf = (trace: TraceStep[]) => trace.filter((s) => s.term === 'record' && s.outcome.startsWith('v=spf1')).map((s) => ({ domain: s.domain, text: s.outcome }));
/** "name TYPE" of the query pyspf's temperror names ("DNS timeout for x.example A"). */
const erredQuery = (pyspf: PyOutcome) => /for (\S+) (A|AAAA|MX|PTR|TXT)\)?$/.exec(pyspf.reason ?? '');
const isVoidLimit = (pyspf: PyOutcome) => pyspf.result === 'permerror' && /Void lookup limit/.test(pyspf.reason ?? '');

/** Whether a record we read uses %{p}, itself or through the explanation text its exp= names. */
function usesPMacro(ours: CheckHostResult, scenario: DiffScenario): boolean {
  return recordsOf(ours.trace).some((record) => {
    if (/%\{p/i.test(record.text)) return true;
    const exp = /(?:^| )exp=(\S+)/i.exec(record.text)?.[1];
    if (!exp) return false;
    const targets = exp.includes('%') ? Object.keys(scenario.zone) : [exp.toLowerCase()];
    return targets.some((name) => (scenario.zone[name] ?? []).some((e) => 'type' in e && e.type === 'TXT' && 'value' in e && /%\{p/i.test(e.value.join(''))));
  });
}

export const DEVIATIONS: Deviation[] = [
  {
    id: 'self-include',
    rfc: '§4.6.2, §5.2',
    what: 'pyspf rejects a record with an include of its own domain as permerror before evaluating it; the RFC evaluates terms left to right and stops at the first match, and an include loop only ends through the lookup limit (§4.6.4).',
    applies: (_ours, pyspf) => pyspf.result === 'permerror' && /include has trivial recursion/.test(pyspf.reason ?? ''),
  },
  {
    id: 'ptr-lookup-error',
    rfc: '§5.5, §7.3',
    what: 'A DNS error on the client\'s PTR lookup: the ptr mechanism does not match (§5.5) and %{p} becomes "unknown" (§7.3); pyspf returns temperror.',
    applies: (ours, pyspf) => {
      const erred = erredQuery(pyspf);
      if (pyspf.result !== 'temperror' || ours.result === 'temperror' || erred?.[2] !== 'PTR') return false;
      return queriesOf(ours.trace).some(({ query }) => query.type === 'PTR' && query.name === erred[1] && query.outcome === 'error');
    },
  },
  {
    id: 'ptr-name-error',
    rfc: '§5.5, §4.6.4',
    what: 'A DNS error on the address lookup of one PTR name skips that name (§5.5: "if a DNS error occurs while doing an A RR lookup, then that domain name is skipped"); pyspf returns temperror.',
    applies: (ours, pyspf) => {
      const erred = erredQuery(pyspf);
      if (pyspf.result !== 'temperror' || ours.result === 'temperror' || !erred || (erred[2] !== 'A' && erred[2] !== 'AAAA')) return false;
      // Only the ptr mechanism and %{p} go on after an address-lookup error.
      return queriesOf(ours.trace).some(
        ({ step, query }) => query.name === erred[1] && query.type === erred[2] && query.outcome === 'error' && /\bptr\b|%\{p/i.test(step.term),
      );
    },
  },
  {
    id: 'p-macro-eager',
    rfc: '§4.6, §4.6.4, §7.3',
    what: 'pyspf expands the macros of every term, and the exp= explanation, when it reads a record, so %{p} validates PTR names (counting their void lookups, or failing on their DNS errors) for terms after the match and for explanations never used; the RFC evaluates and counts terms left to right up to the match (§4.6), and exp= causes lookups only later, for a fail (§4.6.4, §6.2).',
    applies: (ours, pyspf, scenario, test) => {
      if (!usesPMacro(ours, scenario)) return false;
      if (isVoidLimit(pyspf)) return ours.result !== 'permerror';
      // Or a DNS error on a query only that early validation asks: the client's PTR or a PTR name's address.
      const erred = erredQuery(pyspf);
      if (pyspf.result !== 'temperror' || ours.result === 'temperror' || !erred) return false;
      if (queriesOf(ours.trace).some(({ query }) => query.name === erred[1] && query.type === erred[2])) return false;
      const reverse = reverseName(parseIp(test.ip)!);
      const ptrNames = (scenario.zone[reverse] ?? []).flatMap((e) => ('type' in e && e.type === 'PTR' && 'value' in e ? [e.value] : []));
      return erred[1] === reverse || ptrNames.includes(erred[1]!);
    },
  },
  {
    id: 'single-label-target',
    rfc: '§4.3, §4.8',
    what: 'A target that is not a multi-label domain name after expansion (e.g. "unknown" from %{p}) is treated as a name that does not exist, without a DNS query (rfc7208-tests invalid-domain-*); pyspf queries it and counts a void lookup.',
    applies: (ours, pyspf) => isVoidLimit(pyspf) && ours.result !== 'permerror' && ours.trace.some((s) => s.outcome.includes('target is not a valid domain')),
  },
  {
    id: 'p-macro-explanation',
    rfc: '§4.6.4, §6.2, §7.3',
    what: 'An explanation with %{p}: pyspf expands it when it reads the record, counting the PTR validation against the void limit (exp= lookups come after evaluation and do not count, §4.6.4), and it computes %{p} once for whichever domain used it first, where §7.3 prefers the current domain.',
    applies: (ours, pyspf, scenario, test) => {
      if (ours.result !== 'fail' || pyspf.result !== 'fail') return false;
      const template = ours.trace.find((s) => s.term.toLowerCase().startsWith('exp=') && s.outcome.startsWith('explanation:'))?.queries[0]?.answers[0] ?? '';
      if (!/%\{p/i.test(template)) return false;
      if (pyspf.explanation === 'SPF fail - not authorized') return true;
      // Otherwise the two may differ only in which validated name %{p} became.
      const reverse = reverseName(parseIp(test.ip)!);
      const candidates = [...(scenario.zone[reverse] ?? []).flatMap((e) => ('type' in e && e.type === 'PTR' && 'value' in e ? [e.value] : [])), 'unknown'];
      const blank = (text: string) => candidates.reduce((t, name) => t.split(name).join('<p>'), text.toLowerCase());
      return blank(ours.explanation ?? '') === blank(pyspf.explanation ?? '');
    },
  },
  {
    id: 'explanation-truncated',
    rfc: '§7.3',
    what: 'pyspf cuts an expanded explanation over 253 characters from the left, label by label, as §7.3 does for names "used in a domain name query"; an explanation is not a query and stays whole.',
    applies: (ours, pyspf) =>
      ours.result === 'fail' && pyspf.result === 'fail' && (ours.explanation ?? '').length > 253 &&
      (pyspf.explanation ?? '').length < (ours.explanation ?? '').length && (ours.explanation ?? '').toLowerCase().endsWith((pyspf.explanation ?? '').toLowerCase()),
  },
  {
    id: 'percent-escape-at-end',
    rfc: '§7.1',
    what: 'pyspf rejects an explanation that ends in the escape "%%" (macro-escape = "%" ( "%" / "_" / "-" )) and falls back to its default explanation.',
    applies: (ours, pyspf) =>
      ours.result === 'fail' && pyspf.result === 'fail' && ours.trace.some((s) => s.term.toLowerCase().startsWith('exp=') && s.queries.some((q) => q.answers.some((a) => /(^|[^%])(%%)+$/.test(a)))),
  },
  {
    id: 'syntax-before-evaluation',
    rfc: '§4.6',
    what: 'A record with a syntax error anywhere gives permerror "without further interpretation" (§4.6); pyspf evaluates terms (and their DNS errors) before it reaches the error.',
    applies: (ours, pyspf) => ours.result === 'permerror' && ours.syntaxError !== undefined && pyspf.result === 'temperror',
  },
];

/** The id of the deviation that explains a disagreement, or null. */
export function classify(scenario: DiffScenario, test: DiffTest, ours: CheckHostResult, pyspf: PyOutcome): string | null {
  return DEVIATIONS.find((d) => d.applies(ours, pyspf, scenario, test))?.id ?? null;
}
