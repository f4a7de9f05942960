import { describe, expect, it } from 'vitest';
import { explainBounce } from '../../../lib/bounce/explain';
import type { BounceExplanation } from '../../../lib/bounce/explain';
import { ZoneResolver } from '../../../lib/dns/memory';
import type { ZoneData } from '../../../lib/dns/memory';
import type { Resolver } from '../../../lib/dns/types';
import { AUTH_RESULTS_SOFTFAIL, GMAIL_DMARC_NO_IP, gmailHardFail, gmailRateLimited, gmailUnauthenticated } from './samples';

const txt = (...value: string[]) => ({ type: 'TXT' as const, value });

const zone: ZoneData = {
  'example.jp': [txt('v=spf1 include:_spf.onamae.ne.jp ~all'), { type: 'MX', value: { preference: 10, exchange: 'mail1042.onamae.ne.jp' } }],
  '_spf.onamae.ne.jp': [txt('v=spf1 ip4:203.0.113.0/24 ~all')],
  'strict.jp': [txt('v=spf1 ip4:198.51.100.0/24 -all exp=why.strict.jp')],
  'why.strict.jp': [txt("%{i} is not one of %{d}'s mail servers")],
  'nospf.jp': [txt('google-site-verification=abc123')],
  'broken.jp': [txt('v=spf1 include:gone.example.jp ~all')],
  'slow.jp': [{ type: 'TXT', fail: 'timeout' }],
};

const NOW = Date.UTC(2026, 0, 15, 3, 0, 0);

function explain(text: string, resolver: Resolver = new ZoneResolver(zone, { label: 'Cloudflare' })): Promise<BounceExplanation> {
  return explainBounce(text, { resolver, now: () => NOW });
}

describe('explainBounce', () => {
  it('explains a softfail the way Gmail saw it, in both languages, with the deciding term and the trace', async () => {
    const result = await explain(gmailUnauthenticated('example.jp', '198.51.100.7'));
    expect(result.status).toBe('checked');
    expect(result.bounce).toMatchObject({ kind: 'unauthenticated', smtpStatus: 550, enhancedCode: '5.7.26', domain: 'example.jp', ip: '198.51.100.7' });
    expect(result.spf).toMatchObject({ result: 'softfail', sender: 'postmaster@example.jp', domain: 'example.jp', lookups: 1 });
    expect(result.headline.en).toBe(
      'Gmail rejected the message because SPF for example.jp gives “softfail” for 198.51.100.7: the record does not list that server.',
    );
    expect(result.headline.ja).toContain('example.jpのSPFは送信サーバー198.51.100.7に対して「softfail（不合格扱い）」です');
    expect(result.headline.ja).toContain('Gmailはメールを拒否しました');
    expect(result.spf?.matchedChain).toEqual([{ domain: 'example.jp', term: '~all' }]);
    expect(result.details.map((d) => d.en)).toContain('Deciding term: “~all” (example.jp)');
    expect(result.details.map((d) => d.en)).toContain('SPF record of example.jp: v=spf1 include:_spf.onamae.ne.jp ~all');
    expect(result.next).toBe('fix-spf');
    expect(result.advice.en).toContain('SPF record of example.jp');
    expect(result.advice.ja).toContain('example.jpのSPFレコード');
    expect(result.spf?.traceText.some((line) => line.includes('include:_spf.onamae.ne.jp'))).toBe(true);
    expect(result.spf?.trace.length).toBeGreaterThan(2);
    expect(result.checkedAt).toBe(NOW);
    // Every message key resolved: no raw key names leak into the text.
    const all = [result.headline, result.advice, ...result.details].flatMap((t) => [t.en, t.ja]).join('\n');
    expect(all).not.toMatch(/bounce_|\{[a-zA-Z]+\}/);
  });

  it('says SPF passes now when the server is listed, and suggests sending again', async () => {
    const result = await explain(gmailUnauthenticated('example.jp', '203.0.113.9'));
    expect(result.spf?.result).toBe('pass');
    expect(result.headline.en).toBe('SPF for example.jp passes for 203.0.113.9 now: the record lists that server.');
    expect(result.spf?.matchedChain).toEqual([
      { domain: 'example.jp', term: 'include:_spf.onamae.ne.jp' },
      { domain: '_spf.onamae.ne.jp', term: 'ip4:203.0.113.0/24' },
    ]);
    expect(result.next).toBe('resend');
  });

  it('reports a fail with the domain\'s own exp= explanation', async () => {
    const result = await explain(gmailHardFail('strict.jp', '192.0.2.1'));
    expect(result.bounce.kind).toBe('spf-hardfail');
    expect(result.spf?.result).toBe('fail');
    expect(result.spf?.explanation).toBe("192.0.2.1 is not one of strict.jp's mail servers");
    expect(result.headline.en).toBe(
      'Gmail rejected the message because SPF for strict.jp gives “fail” for 192.0.2.1: the record does not list that server and asks receivers to reject its mail.',
    );
    expect(result.details).toContainEqual({
      en: "The domain's own explanation (exp=): “192.0.2.1 is not one of strict.jp's mail servers”",
      ja: "ドメインが設定した説明文（exp=）：「192.0.2.1 is not one of strict.jp's mail servers」",
    });
    expect(result.next).toBe('fix-spf');
  });

  it('shows no exp detail when the domain publishes none (the engine\'s default text is not the domain\'s)', async () => {
    const resolver = new ZoneResolver({ 'plain.jp': [txt('v=spf1 -all')] });
    const result = await explain(gmailHardFail('plain.jp', '192.0.2.1'), resolver);
    expect(result.spf?.result).toBe('fail');
    expect(result.spf?.explanation).toBeUndefined();
    expect(result.details.some((d) => d.en.includes('exp='))).toBe(false);
  });

  it('tells a domain without SPF to add a record', async () => {
    const result = await explain(gmailUnauthenticated('nospf.jp', '198.51.100.7'));
    expect(result.spf?.result).toBe('none');
    expect(result.headline.en).toBe('Gmail rejected the message because SPF for nospf.jp gives “none” for 198.51.100.7: the domain has no SPF record.');
    expect(result.next).toBe('add-spf');
    expect(result.advice.en).toContain('Add an SPF record');
  });

  it('names the error of a broken record (permerror)', async () => {
    const result = await explain(gmailUnauthenticated('broken.jp', '198.51.100.7'));
    expect(result.spf?.result).toBe('permerror');
    expect(result.next).toBe('repair-spf');
    expect(result.details.find((d) => d.en.startsWith('Error: '))?.en).toContain('gone.example.jp');
    // The reason is worded in each language, not the engine's English inside the Japanese sentence.
    const detail = result.details.find((d) => d.en.startsWith('Error: '))!;
    expect(detail.ja).toContain('gone.example.jp');
    expect(detail.ja).toMatch(/SPFレコードがありません/);
    expect(detail.ja).not.toMatch(/has no SPF record/);
  });

  it('turns a DNS timeout into TempError naming the resolver, without throwing', async () => {
    const result = await explain(gmailUnauthenticated('slow.jp', '198.51.100.7'), new ZoneResolver(zone, { label: 'Cloudflare' }));
    expect(result.status).toBe('checked');
    expect(result.spf?.result).toBe('temperror');
    expect(result.spf?.failure).toMatchObject({ resolver: 'Cloudflare', name: 'slow.jp', type: 'TXT' });
    expect(result.headline.en).toBe(
      'TempError: the DNS resolver Cloudflare did not answer for slow.jp (TXT), so SPF for slow.jp could not be checked for 198.51.100.7.',
    );
    expect(result.headline.ja).toContain('DNSリゾルバーCloudflareがslow.jp（TXT）に応答しなかった');
    expect(result.details.some((d) => d.en.startsWith('DNS error: timeout from Cloudflare'))).toBe(true);
    expect(result.next).toBe('retry');
    expect(result.advice.en).toContain('Cloudflare');
  });

  it('survives a resolver that throws something other than a DnsError', async () => {
    const resolver: Resolver = { query: () => Promise.reject(new TypeError('Failed to fetch')) };
    const result = await explain(gmailUnauthenticated('example.jp', '198.51.100.7'), resolver);
    expect(result.spf?.result).toBe('temperror');
    expect(result.next).toBe('retry');
    expect(result.details.some((d) => d.en.includes('Failed to fetch'))).toBe(true);
  });

  it('says what is missing when the bounce has a domain but no IP, and asks no DNS question', async () => {
    const resolver = new ZoneResolver(zone);
    const result = await explain(GMAIL_DMARC_NO_IP, resolver);
    expect(result.status).toBe('incomplete');
    expect(result.missing).toEqual(['ip']);
    expect(result.spf).toBeUndefined();
    expect(result.headline.en).toBe("The pasted text names example.jp but not the sending server's IP address, so SPF cannot be checked.");
    expect(result.headline.ja).toContain('送信サーバーのIPアドレスが見つからない');
    expect(result.next).toBe('paste-more');
    expect(result.bounce.kind).toBe('dmarc-policy');
    expect(resolver.log).toEqual([]);
  });

  it('says what is missing for text without a domain or an IP, and for an empty paste', async () => {
    const unrelated = await explain('Thanks for your order! It ships tomorrow.');
    expect(unrelated.status).toBe('incomplete');
    expect(unrelated.missing).toEqual(['domain', 'ip']);
    expect(unrelated.headline.en).toContain('neither the domain nor');
    const empty = await explain('   ');
    expect(empty.missing).toEqual(['domain', 'ip']);
    expect(empty.headline.en).toBe('Paste a bounce message first.');
  });

  it('says the receiver delayed (not rejected) the mail for a 4xx rate limit', async () => {
    const result = await explain(gmailRateLimited('example.jp', '198.51.100.7'));
    expect(result.bounce.temporary).toBe(true);
    expect(result.headline.en).toMatch(/^Gmail delayed the message because SPF for example\.jp gives “softfail”/);
    expect(result.headline.ja).toContain('一時的に保留');
  });

  it('reads pasted Authentication-Results and notes when the result has changed since', async () => {
    const resolver = new ZoneResolver({ ...zone, 'example.jp': [txt('v=spf1 ip4:198.51.100.0/24 -all')] });
    const result = await explain(AUTH_RESULTS_SOFTFAIL, resolver);
    expect(result.bounce).toMatchObject({ kind: 'header-results', receiverSpf: 'softfail' });
    expect(result.spf?.result).toBe('pass');
    expect(result.details[0]?.en).toBe('The receiver\'s header recorded SPF “softfail”; checked now it is “pass”. The record may have changed since.');
    expect(result.next).toBe('resend');
  });

  it('produces plain JSON data (it crosses from the background to the popup)', async () => {
    const result = await explain(gmailUnauthenticated('example.jp', '198.51.100.7'));
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
  });
});
