import { describe, expect, it } from 'vitest';
import { explainBounce } from '../../../lib/bounce/explain';
import type { BounceExplanation } from '../../../lib/bounce/explain';
import { parseBounceExplanation } from '../../../lib/bounce/validate';
import { ZoneResolver } from '../../../lib/dns/memory';
import { parseBouncePortMessage, parsePortMessage } from '../../../lib/messages';
import { GMAIL_DMARC_NO_IP, gmailUnauthenticated } from './samples';

const resolver = new ZoneResolver({
  'example.jp': [{ type: 'TXT', value: ['v=spf1 include:_spf.onamae.ne.jp ~all'] }],
  '_spf.onamae.ne.jp': [{ type: 'TXT', value: ['v=spf1 ip4:203.0.113.0/24 ~all'] }],
});

async function checked(): Promise<BounceExplanation> {
  return explainBounce(gmailUnauthenticated('example.jp', '198.51.100.7'), { resolver, now: () => 1 });
}

/** A deep copy with one change made by `edit`. */
function broken(value: BounceExplanation, edit: (copy: Record<string, any>) => void): unknown {
  const copy = JSON.parse(JSON.stringify(value));
  edit(copy);
  return copy;
}

describe('parseBounceExplanation / parseBouncePortMessage', () => {
  it('accepts what explainBounce produces, checked or incomplete, after a JSON round trip', async () => {
    const full = await checked();
    const incomplete = await explainBounce(GMAIL_DMARC_NO_IP, { resolver, now: () => 1 });
    for (const explanation of [full, incomplete]) {
      const wire = JSON.parse(JSON.stringify({ kind: 'bounce-result', explanation }));
      expect(parseBouncePortMessage(wire)).toEqual({ kind: 'bounce-result', explanation });
    }
  });

  it('rejects explanations with a wrong shape anywhere the popup reads', async () => {
    const good = await checked();
    const edits: ((copy: Record<string, any>) => void)[] = [
      (c) => delete c.headline,
      (c) => (c.headline = { en: 'only english' }),
      (c) => (c.status = 'done'),
      (c) => (c.next = 'panic'),
      (c) => (c.bounce.kind = 'weird'),
      (c) => (c.details = [{ en: 1, ja: 'x' }]),
      (c) => (c.missing = ['sender']),
      (c) => (c.spf.result = 'ok'),
      (c) => (c.spf.trace[0].queries = [{ name: 'x', type: 'TXT', outcome: 'maybe', answers: [] }]),
      (c) => (c.spf.traceText = [42]),
      (c) => (c.spf.matchedChain = [{ domain: 'example.jp' }]),
      (c) => delete c.spf,
      (c) => (c.checkedAt = 'yesterday'),
      (c) => (c.bounce.explanation.ja = 'x'.repeat(30_000)),
    ];
    for (const edit of edits) {
      expect(parseBounceExplanation(broken(good, edit))).toBeNull();
    }
    expect(parseBounceExplanation(good)).not.toBeNull();
  });

  it('passes errors through, and keeps bounce results off diagnose ports', async () => {
    const error = { kind: 'error', message: { en: 'boom', ja: 'ばくはつ' } };
    expect(parseBouncePortMessage(error)).toEqual(error);
    expect(parseBouncePortMessage({ kind: 'error', message: { en: 'only' } })).toBeNull();
    expect(parseBouncePortMessage({ kind: 'progress', step: 'spf' })).toBeNull();
    expect(parseBouncePortMessage(null)).toBeNull();
    expect(parsePortMessage({ kind: 'bounce-result', explanation: await checked() })).toBeNull();
  });
});
