import { describe, expect, it } from 'vitest';
import {
  checkServerHost,
  choicesFromStorage,
  isHostname,
  needsServerHost,
  normalizeProviderChoice,
  providerChoiceKey,
  sameChoice,
  selectableProviders,
  serverHostExample,
} from '../../../lib/mail/provider-choice';

describe('selectableProviders', () => {
  it('lists mailbox providers first, then sending services, leaving out those that need no SPF term', () => {
    const { mailbox, sending } = selectableProviders();
    expect(mailbox.map((p) => p.id)).toEqual([
      'onamae-mail',
      'gmo-server',
      'conoha-wing',
      'xserver',
      'sakura',
      'lolipop',
      'kagoya',
      'heteml',
      'google-workspace',
      'microsoft-365',
      'zoho-jp',
      'zoho',
    ]);
    expect(sending.map((p) => p.id)).toEqual(['sendgrid', 'amazon-ses', 'mailchimp', 'mailerlite', 'haihai-mail']);
    expect([...mailbox, ...sending].some((p) => p.id === 'wix-ascend')).toBe(false);
  });

  it('knows which providers need the user’s own server, with an example', () => {
    const needing = [...selectableProviders().mailbox, ...selectableProviders().sending].filter((p) => needsServerHost(p.id)).map((p) => p.id);
    expect(needing).toEqual(['xserver', 'sakura']);
    expect(serverHostExample('xserver')).toBe('sv1234.xserver.jp');
    expect(serverHostExample('sakura')).toBe('www1234.sakura.ne.jp');
    expect(serverHostExample('google-workspace')).toBe('');
  });
});

describe('checkServerHost', () => {
  it('accepts the provider’s own server names, trimmed and lower-cased', () => {
    expect(checkServerHost('xserver', '  SV1234.xserver.jp. ')).toEqual({ ok: true, host: 'sv1234.xserver.jp' });
    expect(checkServerHost('sakura', 'www2001.sakura.ne.jp')).toEqual({ ok: true, host: 'www2001.sakura.ne.jp' });
    // Sakura's initial domain names the same server.
    expect(checkServerHost('sakura', 'myshop.sakura.ne.jp')).toEqual({ ok: true, host: 'myshop.sakura.ne.jp' });
  });

  it('says what is wrong otherwise', () => {
    expect(checkServerHost('xserver', '   ')).toEqual({ ok: false, reason: 'empty' });
    expect(checkServerHost('xserver', 'www1234.sakura.ne.jp')).toEqual({ ok: false, reason: 'invalid' });
    expect(checkServerHost('xserver', 'sv1234')).toEqual({ ok: false, reason: 'invalid' });
    expect(checkServerHost('xserver', 'sv1234.xserver.jp/x')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('isHostname', () => {
  it.each(['sv1234.xserver.jp', 'SV1234.XSERVER.JP', 'a.b', 'mail-1.example.co.jp.', `${'a'.repeat(63)}.jp`])('accepts %s', (host) => {
    expect(isHostname(host)).toBe(true);
  });

  it.each(['', 'localhost', 'a..b', '-a.jp', 'a-.jp', 'a b.jp', 'a_b.jp', 'sv1.xserver.jp/path', `${'a'.repeat(64)}.jp`, `${'a.'.repeat(127)}jp`])('rejects %j', (host) => {
    expect(isHostname(host)).toBe(false);
  });
});

describe('stored choices', () => {
  it('keys a choice by the domain, lower-cased without the trailing dot', () => {
    expect(providerChoiceKey('Example.JP.')).toBe('provider:example.jp');
  });

  it('keeps well-formed choices and drops the rest', () => {
    expect(normalizeProviderChoice({ providerId: 'google-workspace' })).toEqual({ providerId: 'google-workspace' });
    // A server host is kept only for providers that need one.
    expect(normalizeProviderChoice({ providerId: 'google-workspace', providerServer: 'sv1.xserver.jp' })).toEqual({ providerId: 'google-workspace' });
    expect(normalizeProviderChoice({ providerId: 'xserver', providerServer: 'SV1234.xserver.jp' })).toEqual({ providerId: 'xserver', providerServer: 'sv1234.xserver.jp' });
    expect(normalizeProviderChoice({ providerId: 'xserver' })).toBeNull();
    expect(normalizeProviderChoice({ providerId: 'xserver', providerServer: 'www1.sakura.ne.jp' })).toBeNull();
    expect(normalizeProviderChoice({ providerId: 'wix-ascend' })).toBeNull();
    expect(normalizeProviderChoice({ providerId: 'nobody' })).toBeNull();
    expect(normalizeProviderChoice('google-workspace')).toBeNull();
    expect(normalizeProviderChoice(null)).toBeNull();
  });

  it('reads every domain’s choice out of storage.local, ignoring other keys', () => {
    const choices = choicesFromStorage({
      settings: { language: 'ja' },
      'provider:example.jp': { providerId: 'google-workspace' },
      'provider:shop.jp': { providerId: 'xserver', providerServer: 'sv99.xserver.jp' },
      'provider:broken.jp': { providerId: 42 },
    });
    expect([...choices]).toEqual([
      ['example.jp', { providerId: 'google-workspace' }],
      ['shop.jp', { providerId: 'xserver', providerServer: 'sv99.xserver.jp' }],
    ]);
  });

  it('compares choices by provider and server', () => {
    expect(sameChoice(null, null)).toBe(true);
    expect(sameChoice({ providerId: 'zoho' }, { providerId: 'zoho' })).toBe(true);
    expect(sameChoice({ providerId: 'zoho' }, null)).toBe(false);
    expect(sameChoice({ providerId: 'xserver', providerServer: 'sv1.xserver.jp' }, { providerId: 'xserver', providerServer: 'sv2.xserver.jp' })).toBe(false);
  });
});
