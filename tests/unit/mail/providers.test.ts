import { describe, expect, it } from 'vitest';
import { hasMessage } from '../../../lib/i18n';
import {
  allProviders,
  detectProviders,
  matchMxHost,
  normalizeHost,
  providerById,
  senderProbes,
  spfTermsFor,
} from '../../../lib/mail/providers';

/** The essentials of a detection, for exact comparison. */
function summary(mx: string[]) {
  return detectProviders(mx).map((d) => ({
    id: d.provider.id,
    mxHost: d.mxHost,
    mxHosts: d.mxHosts,
    serverNumber: d.serverNumber,
    spfTerms: d.spfTerms,
    probes: d.probes,
  }));
}

describe('detectProviders: one provider per MX set', () => {
  it('お名前メール from mailNNNN.onamae.ne.jp', () => {
    expect(summary(['mail1042.onamae.ne.jp'])).toEqual([
      {
        id: 'onamae-mail',
        mxHost: 'mail1042.onamae.ne.jp',
        mxHosts: ['mail1042.onamae.ne.jp'],
        serverNumber: '1042',
        spfTerms: ['include:_spf.onamae.ne.jp'],
        probes: [{ kind: 'include-coverage', domain: '_spf.onamae.ne.jp' }],
      },
    ]);
  });

  it('GMO rental server from mxN.gmoserver.jp (SPF marked as inferred)', () => {
    const [detected] = detectProviders(['mx7.gmoserver.jp']);
    expect(detected?.provider.id).toBe('gmo-server');
    expect(detected?.serverNumber).toBe('7');
    expect(detected?.spfTerms).toEqual(['include:spf.gmoserver.jp']);
    expect(detected?.provider.spfConfidence).toBe('inferred');
  });

  it('ConoHa WING from mailNNNN.conoha.ne.jp (not confused with お名前メール)', () => {
    expect(summary(['mail2001.conoha.ne.jp'])).toEqual([
      {
        id: 'conoha-wing',
        mxHost: 'mail2001.conoha.ne.jp',
        mxHosts: ['mail2001.conoha.ne.jp'],
        serverNumber: '2001',
        spfTerms: ['include:_spf.conoha.ne.jp'],
        probes: [{ kind: 'include-coverage', domain: '_spf.conoha.ne.jp' }],
      },
    ]);
  });

  it('Xserver: the server number goes into the a: term and its probe', () => {
    expect(summary(['sv13071.xserver.jp'])).toEqual([
      {
        id: 'xserver',
        mxHost: 'sv13071.xserver.jp',
        mxHosts: ['sv13071.xserver.jp'],
        serverNumber: '13071',
        spfTerms: ['a:sv13071.xserver.jp', 'include:spf.sender.xserver.jp'],
        probes: [
          { kind: 'host-addresses', host: 'sv13071.xserver.jp' },
          { kind: 'include-coverage', domain: 'spf.sender.xserver.jp' },
        ],
      },
    ]);
  });

  it('Sakura: wwwNNNN.sakura.ne.jp, and an account\'s initial domain', () => {
    expect(summary(['www1234.sakura.ne.jp'])[0]).toMatchObject({
      id: 'sakura',
      serverNumber: '1234',
      spfTerms: ['a:www1234.sakura.ne.jp'],
      probes: [{ kind: 'host-addresses', host: 'www1234.sakura.ne.jp' }],
    });
    const account = summary(['example.sakura.ne.jp'])[0];
    expect(account).toMatchObject({ id: 'sakura', spfTerms: ['a:example.sakura.ne.jp'] });
    expect(account?.serverNumber).toBeUndefined();
  });

  it('Lolipop, KAGOYA and heteml', () => {
    expect(summary(['mx01.lolipop.jp'])[0]).toMatchObject({ id: 'lolipop', serverNumber: '01', spfTerms: ['include:_spf.lolipop.jp'] });
    expect(summary(['dmail.kagoya.net'])[0]).toMatchObject({ id: 'kagoya', spfTerms: ['include:kagoya.net'] });
    expect(summary(['mx.heteml.jp'])[0]).toMatchObject({ id: 'heteml', spfTerms: ['include:_spf.heteml.jp'] });
  });

  it('Google Workspace: the classic five MX hosts give one entry', () => {
    const mx = ['ASPMX.L.GOOGLE.COM.', 'alt1.aspmx.l.google.com.', 'alt2.aspmx.l.google.com.', 'aspmx2.googlemail.com.', 'aspmx3.googlemail.com.'];
    expect(summary(mx)).toEqual([
      {
        id: 'google-workspace',
        mxHost: 'aspmx.l.google.com',
        mxHosts: ['aspmx.l.google.com', 'alt1.aspmx.l.google.com', 'alt2.aspmx.l.google.com', 'aspmx2.googlemail.com', 'aspmx3.googlemail.com'],
        serverNumber: undefined,
        spfTerms: ['include:_spf.google.com'],
        probes: [{ kind: 'include-coverage', domain: '_spf.google.com' }],
      },
    ]);
  });

  it('Google Workspace: the new single smtp.google.com MX', () => {
    expect(summary(['smtp.google.com'])[0]?.id).toBe('google-workspace');
  });

  it('Microsoft 365, both MX forms', () => {
    expect(summary(['example-co-jp.mail.protection.outlook.com'])[0]).toMatchObject({
      id: 'microsoft-365',
      spfTerms: ['include:spf.protection.outlook.com'],
    });
    expect(summary(['example-co-jp.o-v1.mx.microsoft'])[0]?.id).toBe('microsoft-365');
  });

  it('Zoho: Japan and global data centres are told apart', () => {
    expect(summary(['mx.zoho.jp', 'mx2.zoho.jp', 'mx3.zoho.jp'])).toMatchObject([
      { id: 'zoho-jp', mxHosts: ['mx.zoho.jp', 'mx2.zoho.jp', 'mx3.zoho.jp'], spfTerms: ['include:zoho.jp'] },
    ]);
    expect(summary(['mx.zoho.com', 'mx2.zoho.com'])).toMatchObject([{ id: 'zoho', spfTerms: ['include:zoho.com'] }]);
  });

  it('Amazon SES from the MX of a custom MAIL FROM subdomain', () => {
    expect(summary(['feedback-smtp.ap-northeast-1.amazonses.com'])[0]).toMatchObject({
      id: 'amazon-ses',
      spfTerms: ['include:amazonses.com'],
    });
  });
});

describe('detectProviders: mixed and unknown MX sets', () => {
  it('keeps input order across providers and skips unknown hosts', () => {
    const detected = summary(['10 mail1042.onamae.ne.jp.', 'aspmx.l.google.com', 'mx.unknown-provider.example']);
    expect(detected.map((d) => [d.id, d.mxHost])).toEqual([
      ['onamae-mail', 'mail1042.onamae.ne.jp'],
      ['google-workspace', 'aspmx.l.google.com'],
    ]);
  });

  it('gives one entry per Xserver server when two servers are used', () => {
    expect(summary(['sv1.xserver.jp', 'sv2.xserver.jp', 'sv1.xserver.jp']).map((d) => [d.spfTerms[0], d.mxHosts])).toEqual([
      ['a:sv1.xserver.jp', ['sv1.xserver.jp']],
      ['a:sv2.xserver.jp', ['sv2.xserver.jp']],
    ]);
  });

  it('groups two お名前メール hosts: the include does not depend on the number', () => {
    expect(summary(['mail50.onamae.ne.jp', 'mail89.onamae.ne.jp'])).toMatchObject([
      { id: 'onamae-mail', mxHost: 'mail50.onamae.ne.jp', mxHosts: ['mail50.onamae.ne.jp', 'mail89.onamae.ne.jp'], serverNumber: '50' },
    ]);
  });

  it('finds nothing in unknown, empty or null MX sets', () => {
    expect(detectProviders(['mx1.example.com', 'mail.example.co.jp'])).toEqual([]);
    expect(detectProviders([])).toEqual([]);
    expect(detectProviders(['.', ''])).toEqual([]);
  });

  it('is not fooled by look-alike host names', () => {
    const lookAlikes = [
      'mail1042.onamae.ne.jp.evil.example',
      'mailx.onamae.ne.jp',
      'evilonamae.ne.jp',
      'aspmx.l.google.com.example.net',
      'notgoogle.com',
      'sv12a.xserver.jp',
      'xserver.jp.example.com',
      'example.mail.protection.outlook.com.example',
    ];
    for (const host of lookAlikes) expect(matchMxHost(host), host).toBeUndefined();
  });
});

describe('normalizeHost and matchMxHost', () => {
  it('drops priority, trailing dot and case', () => {
    expect(normalizeHost(' 10 Mail1042.Onamae.NE.JP. ')).toBe('mail1042.onamae.ne.jp');
    expect(normalizeHost('.')).toBe('');
  });

  it('returns the rule and captured number', () => {
    const match = matchMxHost('sv99.xserver.jp');
    expect(match?.provider.id).toBe('xserver');
    expect(match?.serverNumber).toBe('99');
    expect(match?.host).toBe('sv99.xserver.jp');
  });
});

describe('spfTermsFor: providers picked by hand', () => {
  it.each([
    ['sendgrid', ['include:sendgrid.net']],
    ['amazon-ses', ['include:amazonses.com']],
    ['mailchimp', ['include:servers.mcsv.net']],
    ['mailerlite', ['include:_spf.mlsend.com']],
    ['haihai-mail', ['include:spf.haihaimail.jp']],
    ['onamae-mail', ['include:_spf.onamae.ne.jp']],
    ['google-workspace', ['include:_spf.google.com']],
    ['microsoft-365', ['include:spf.protection.outlook.com']],
    ['wix-ascend', []],
  ])('%s', (id, terms) => {
    const result = spfTermsFor(id);
    expect(result).toEqual({ ok: true, terms, probes: senderProbes(terms) });
  });

  it('asks for the server name for Xserver, and gives the part it can', () => {
    expect(spfTermsFor('xserver')).toEqual({
      ok: false,
      reason: 'needs-server-host',
      terms: ['include:spf.sender.xserver.jp'],
      needs: ['a:sv{n}.xserver.jp'],
      example: 'sv1234.xserver.jp',
    });
    expect(spfTermsFor('sakura')).toMatchObject({ ok: false, reason: 'needs-server-host', terms: [], example: 'www1234.sakura.ne.jp' });
  });

  it('fills the template from a typed server name or a match', () => {
    expect(spfTermsFor('xserver', 'SV99.xserver.jp.')).toMatchObject({ ok: true, terms: ['a:sv99.xserver.jp', 'include:spf.sender.xserver.jp'] });
    const match = matchMxHost('www77.sakura.ne.jp');
    expect(match && spfTermsFor('sakura', match)).toMatchObject({ ok: true, terms: ['a:www77.sakura.ne.jp'] });
  });

  it('refuses a server name of another provider, and unknown ids', () => {
    expect(spfTermsFor('xserver', 'mail1.onamae.ne.jp')).toEqual({ ok: false, reason: 'host-mismatch' });
    const googleMatch = matchMxHost('aspmx.l.google.com');
    expect(googleMatch && spfTermsFor('xserver', googleMatch)).toEqual({ ok: false, reason: 'host-mismatch' });
    expect(spfTermsFor('no-such-provider')).toEqual({ ok: false, reason: 'unknown-provider' });
  });
});

describe('senderProbes', () => {
  it('maps include: and a: terms and skips the rest', () => {
    expect(senderProbes(['include:_spf.Google.com', '+a:sv1.xserver.jp', 'mx', 'ip4:192.0.2.1', 'a:host.example/24'])).toEqual([
      { kind: 'include-coverage', domain: '_spf.google.com' },
      { kind: 'host-addresses', host: 'sv1.xserver.jp' },
    ]);
  });
});

describe('the provider table', () => {
  it('lists every provider of the brief exactly once', () => {
    const ids = allProviders.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(
      [
        'onamae-mail', 'gmo-server', 'conoha-wing', 'xserver', 'sakura', 'lolipop', 'kagoya', 'heteml',
        'google-workspace', 'microsoft-365', 'zoho-jp', 'zoho', 'sendgrid', 'amazon-ses', 'mailchimp',
        'mailerlite', 'haihai-mail', 'wix-ascend',
      ].sort(),
    );
  });

  it('gives every provider names in both languages and a source', () => {
    for (const provider of allProviders) {
      expect(provider.name.en, provider.id).not.toBe('');
      expect(provider.name.ja, provider.id).not.toBe('');
      expect(provider.source.length, provider.id).toBeGreaterThan(0);
      if (provider.note) expect(hasMessage(provider.note.key), provider.id).toBe(true);
    }
  });

  it('uses {n} only where an MX rule captures the number', () => {
    for (const provider of allProviders) {
      const templates = [...provider.spf, ...provider.mx.flatMap((rule) => rule.spf ?? [])];
      if (templates.some((t) => t.includes('{n}'))) {
        expect(provider.mx.some((rule) => rule.pattern.source.includes('(?<n>')), provider.id).toBe(true);
      }
    }
  });

  it('writes SPF terms as include:/a: with a domain', () => {
    for (const provider of allProviders) {
      for (const term of provider.spf) expect(term, provider.id).toMatch(/^(?:include|a):[a-z0-9_.{}-]+$/);
    }
  });

  it('looks providers up by id', () => {
    expect(providerById('wix-ascend')?.spf).toEqual([]);
    expect(providerById('google-workspace')?.dkimSelectors).toEqual(['google']);
    expect(providerById('microsoft-365')?.dkimSelectors).toEqual(['selector1', 'selector2']);
    expect(providerById('onamae-mail')?.dkimSelectors).toEqual(['default']);
    expect(providerById('sendgrid')?.dkimSelectors).toEqual(['s1', 's2']);
    expect(providerById('nope')).toBeUndefined();
  });
});
