import { describe, expect, it } from 'vitest';
import { render } from '../../../lib/i18n';
import { type GmailInputs, gmailReadiness, gmailVerdict } from '../../../lib/mail/gmail';

type Spf = GmailInputs['spf'];
type Dkim = GmailInputs['dkim'];
type Dmarc = GmailInputs['dmarc'];

// "SPF or DKIM" for every sender (support.google.com/a/answer/81126): the full truth table.
const everySender: [Spf, Dkim, 'ok' | 'missing' | 'unknown'][] = [
  ['pass', 'present', 'ok'],
  ['pass', 'missing', 'ok'],
  ['pass', 'unknown', 'ok'],
  ['fail', 'present', 'ok'],
  ['fail', 'missing', 'missing'],
  ['fail', 'unknown', 'unknown'],
  ['none', 'present', 'ok'],
  ['none', 'missing', 'missing'],
  ['none', 'unknown', 'unknown'],
  ['error', 'present', 'ok'],
  ['error', 'missing', 'unknown'],
  ['error', 'unknown', 'unknown'],
];

describe('gmailReadiness: every sender', () => {
  it.each(everySender)('spf=%s dkim=%s → %s', (spf, dkim, status) => {
    for (const dmarc of ['present', 'missing', 'invalid'] as Dmarc[]) {
      expect(gmailReadiness({ spf, dkim, dmarc, bulk: false })).toEqual([
        {
          id: 'spf-or-dkim',
          appliesTo: 'all',
          requirement: { key: 'gmail_spf_or_dkim' },
          status,
          bounce: '550 5.7.26',
        },
      ]);
    }
  });
});

describe('gmailReadiness: bulk senders (5,000+ a day)', () => {
  const spfRows: [Spf, string][] = [['pass', 'ok'], ['fail', 'missing'], ['none', 'missing'], ['error', 'unknown']];
  const dkimRows: [Dkim, string][] = [['present', 'ok'], ['missing', 'missing'], ['unknown', 'unknown']];
  const dmarcRows: [Dmarc, string][] = [['present', 'ok'], ['missing', 'missing'], ['invalid', 'missing']];

  for (const [spf, spfStatus] of spfRows) {
    for (const [dkim, dkimStatus] of dkimRows) {
      for (const [dmarc, dmarcStatus] of dmarcRows) {
        it(`spf=${spf} dkim=${dkim} dmarc=${dmarc}`, () => {
          const items = gmailReadiness({ spf, dkim, dmarc, bulk: true });
          const either = everySender.find(([s, d]) => s === spf && d === dkim)?.[2];
          expect(items.map((item) => [item.id, item.status, item.bounce, item.appliesTo])).toEqual([
            ['spf-or-dkim', either, '550 5.7.26', 'all'],
            ['spf', spfStatus, '550 5.7.27', 'bulk'],
            ['dkim', dkimStatus, '550 5.7.30', 'bulk'],
            ['dmarc', dmarcStatus, '550 5.7.40', 'bulk'],
          ]);
        });
      }
    }
  }

  it('says p=none is enough in both languages', () => {
    const dmarc = gmailReadiness({ spf: 'pass', dkim: 'present', dmarc: 'present', bulk: true }).find((item) => item.id === 'dmarc');
    expect(render('en', dmarc!.requirement)).toContain('p=none');
    expect(render('ja', dmarc!.requirement)).toContain('p=noneで可');
  });
});

describe('gmailVerdict', () => {
  it('is ready only when everything is ok', () => {
    expect(gmailVerdict(gmailReadiness({ spf: 'pass', dkim: 'present', dmarc: 'present', bulk: true }))).toBe('ready');
    expect(gmailVerdict(gmailReadiness({ spf: 'pass', dkim: 'missing', dmarc: 'missing', bulk: false }))).toBe('ready');
  });

  it('is not ready as soon as one item is missing, even with unknowns', () => {
    expect(gmailVerdict(gmailReadiness({ spf: 'error', dkim: 'unknown', dmarc: 'missing', bulk: true }))).toBe('not-ready');
    expect(gmailVerdict(gmailReadiness({ spf: 'none', dkim: 'missing', dmarc: 'present', bulk: false }))).toBe('not-ready');
  });

  it('is unknown when nothing is missing but something is unknown', () => {
    expect(gmailVerdict(gmailReadiness({ spf: 'error', dkim: 'unknown', dmarc: 'present', bulk: false }))).toBe('unknown');
    expect(gmailVerdict(gmailReadiness({ spf: 'pass', dkim: 'unknown', dmarc: 'present', bulk: true }))).toBe('unknown');
  });
});
