import { describe, expect, it } from 'vitest';
import { parseBounce } from '../../../lib/bounce/parse';
import { render } from '../../../lib/i18n';

// Bounce texts below follow Gmail's wording (support.google.com/a/answer/3726730 and real bounces quoted
// in panels.md §3.2); domains and addresses are documentation ones (example.jp, RFC 5737/3849 ranges).

describe('550 5.7.26: unauthenticated sender', () => {
  it('2024+ multi-line form with bracketed domain and ip', () => {
    const text = [
      '550-5.7.26 This email has been blocked because the sender is unauthenticated.',
      '550-5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM.',
      '550-5.7.26',
      '550-5.7.26  Authentication results:',
      '550-5.7.26  DKIM = did not pass',
      '550-5.7.26  SPF [example.jp] with ip: [203.0.113.7] = did not pass',
      '550-5.7.26',
      '550-5.7.26  For instructions on setting up authentication, go to',
      '550 5.7.26  https://support.google.com/mail/answer/81126#authentication d75a77b69052e-4b2f0c1a5d1si123qtb.12 - gsmtp',
    ].join('\n');
    expect(parseBounce(text)).toMatchObject({
      kind: 'unauthenticated',
      smtpStatus: 550,
      enhancedCode: '5.7.26',
      temporary: false,
      domain: 'example.jp',
      ip: '203.0.113.7',
      ipVersion: 4,
    });
  });

  it('the reference-table wording, wrapped inside the bracket', () => {
    const text =
      '550 5.7.26 This email has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or\n' +
      'DKIM. Authentication results: DKIM = did not pass SPF [shop.example.co\n] with ip: [198.51.100.23] = did not pass. For instructions on\nsetting up authentication, go to Email sender guidelines.';
    expect(parseBounce(text)).toMatchObject({ kind: 'unauthenticated', domain: 'shop.example.co', ip: '198.51.100.23' });
  });

  it('the pre-2024 multi-line form ("SPF check for [domain] did not pass with ip: [x]")', () => {
    const text = [
      '550-5.7.26 This mail is unauthenticated, which poses a security risk to the',
      '550-5.7.26 sender and Gmail users, and has been blocked. The sender must',
      '550-5.7.26 authenticate with at least one of SPF or DKIM. For this message,',
      '550-5.7.26 DKIM checks did not pass and SPF check for [example.jp] did not',
      '550-5.7.26 pass with ip: [192.0.2.45]. The sender should visit',
      '550-5.7.26  https://support.google.com/mail/answer/81126#authentication for',
      '550 5.7.26 instructions on setting up authentication. a1-20020a170902e80100b001 - gsmtp',
    ].join('\n');
    expect(parseBounce(text)).toMatchObject({ kind: 'unauthenticated', domain: 'example.jp', ip: '192.0.2.45' });
  });

  it('the "SPF and DKIM both do not pass" variant', () => {
    const text = [
      '550-5.7.26 This message does not pass authentication checks (SPF and DKIM both',
      '550-5.7.26 do not pass). SPF check for [xyz.example.com] does not pass with ip:',
      '550-5.7.26 [198.51.100.1].To best protect our users from spam, the message has',
      '550-5.7.26 been blocked. Please visit',
      '550 5.7.26 https://support.google.com/mail/answer/81126#authentication for more information.',
    ].join('\n');
    expect(parseBounce(text)).toMatchObject({ kind: 'unauthenticated', domain: 'xyz.example.com', ip: '198.51.100.1' });
  });

  it('an IPv6 sending address', () => {
    const text = '550-5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM.\n550-5.7.26  SPF [example.jp] with ip: [2001:db8:10::25] = did not pass\n550 5.7.26 - gsmtp';
    expect(parseBounce(text)).toMatchObject({ ip: '2001:db8:10::25', ipVersion: 6 });
  });

  it('the code alone still tells the kind, with no domain or ip', () => {
    const analysis = parseBounce('Remote server returned: 550 5.7.26');
    expect(analysis).toMatchObject({ kind: 'unauthenticated', smtpStatus: 550, enhancedCode: '5.7.26' });
    expect(analysis.domain).toBeUndefined();
    expect(analysis.ip).toBeUndefined();
  });

  it('keeps placeholders and invalid addresses out of the result', () => {
    const placeholder = parseBounce('550 5.7.26 ... SPF [domain-name] with ip: [ip-address] = did not pass');
    expect(placeholder.domain).toBeUndefined();
    expect(placeholder.ip).toBeUndefined();
    expect(parseBounce('550 5.7.26 SPF [example.jp] with ip: [999.1.2.3] = did not pass').ip).toBeUndefined();
    expect(parseBounce('550 5.7.26 SPF [example.jp] with ip: [2001:db8::1::2] = did not pass').ip).toBeUndefined();
  });
});

describe('550 5.7.26: SPF hard fail and DMARC policy', () => {
  it('hard fail (-all), "(E)MAIL FROM" wording', () => {
    const text =
      '550 5.7.26 The (E)MAIL FROM domain [example.jp] has an SPF record with a hard fail policy (-all) but it fails to pass SPF checks with the ip: [203.0.113.99]. To best protect our users from spam and phishing, the message has been blocked.';
    expect(parseBounce(text)).toMatchObject({ kind: 'spf-hardfail', domain: 'example.jp', ip: '203.0.113.99' });
  });

  it('hard fail, real multi-line wording with the ip on the next line', () => {
    const text = [
      '550-5.7.26 The MAIL FROM domain [mail.example.jp] has an SPF record with a hard fail',
      '550-5.7.26 policy (-all) but it fails to pass SPF checks with the ip:',
      '550-5.7.26 [203.0.113.8]. To best protect our users from spam and phishing, the',
      '550-5.7.26 message has been blocked. Please visit',
      '550 5.7.26  https://support.google.com/mail/answer/81126#authentication for more information. x1si - gsmtp',
    ].join('\n');
    expect(parseBounce(text)).toMatchObject({ kind: 'spf-hardfail', domain: 'mail.example.jp', ip: '203.0.113.8' });
  });

  it('DMARC policy rejection', () => {
    const text = [
      "550-5.7.26 Unauthenticated email from example.jp is not accepted due to domain's",
      '550-5.7.26 DMARC policy. Please contact the administrator of example.jp domain if',
      '550-5.7.26 this was a legitimate mail. To learn about the DMARC initiative, go to',
      '550 5.7.26  https://support.google.com/mail/?p=DmarcRejection 5b1f17b1804b1-45 - gsmtp',
    ].join('\n');
    const analysis = parseBounce(text);
    expect(analysis).toMatchObject({ kind: 'dmarc-policy', domain: 'example.jp', enhancedCode: '5.7.26' });
    expect(analysis.ip).toBeUndefined();
  });
});

describe('5.7.27 and the 4.7.x temporary forms', () => {
  it('550 5.7.27 with "SPF with ip-address = did not pass"', () => {
    const text = [
      "550-5.7.27 This message was blocked because it didn't pass SPF",
      '550-5.7.27 authentication. Gmail requires bulk email senders to authenticate',
      '550-5.7.27 their email with SPF.',
      '550-5.7.27',
      '550-5.7.27  Authentication results: SPF with 198.51.100.9 = did not pass',
      '550 5.7.27  To set up SPF for your sending domains, visit https://support.google.com/a/answer/33786 - gsmtp',
    ].join('\n');
    const analysis = parseBounce(text);
    expect(analysis).toMatchObject({ kind: 'spf-bulk', smtpStatus: 550, enhancedCode: '5.7.27', ip: '198.51.100.9' });
    expect(analysis.domain).toBeUndefined();
  });

  it('550 5.7.27 with the bracketed domain form', () => {
    expect(parseBounce('550 5.7.27 Authentication results: SPF [news.example.jp] with ip: [192.0.2.200] = did not pass')).toMatchObject({
      kind: 'spf-bulk',
      domain: 'news.example.jp',
      ip: '192.0.2.200',
    });
  });

  it('421 4.7.26: rate limited because unauthenticated', () => {
    const text = [
      '421-4.7.26 This email has been rate limited because it is unauthenticated.',
      '421-4.7.26 Gmail requires all senders to authenticate with either SPF or DKIM.',
      '421-4.7.26',
      '421-4.7.26  Authentication results:',
      '421-4.7.26  DKIM = did not pass',
      '421-4.7.26  SPF [example.jp] with ip: [2001:db8::25] = did not pass',
      '421 4.7.26  For instructions on setting up authentication, go to https://support.google.com/mail/answer/81126#authentication - gsmtp',
    ].join('\n');
    expect(parseBounce(text)).toMatchObject({
      kind: 'rate-limited',
      smtpStatus: 421,
      temporary: true,
      domain: 'example.jp',
      ip: '2001:db8::25',
      ipVersion: 6,
    });
  });

  it('421 4.7.27: rate limited for SPF, "SPF domain with IP address: x = Did not pass"', () => {
    const text =
      "421 4.7.27 Your email has been rate limited because SPF authentication didn't pass for this message. Gmail requires all bulk email senders to authenticate their email with SPF. Authentication results: SPF example.jp with IP address: 192.0.2.44 = Did not pass.";
    expect(parseBounce(text)).toMatchObject({ kind: 'rate-limited-spf', temporary: true, domain: 'example.jp', ip: '192.0.2.44' });
  });

  it('451 4.7.26: DMARC with a temporary DNS failure', () => {
    const text =
      "451 4.7.26 Unauthenticated email from example.jp is not accepted due to domain's DMARC policy, but temporary DNS failures prevent authentication. Please contact the administrator of example.jp domain if this was a legitimate email.";
    expect(parseBounce(text)).toMatchObject({ kind: 'dmarc-tempfail', smtpStatus: 451, temporary: true, domain: 'example.jp' });
  });
});

describe('other Gmail requirement codes', () => {
  it.each([
    ['550 5.7.30 This message was blocked because it didn\'t pass DKIM authentication. Authentication results: DKIM = did not pass', 'dkim-bulk'],
    ['421 4.7.30 Your email has been rate limited because DKIM authentication didn\'t pass for this message.', 'dkim-bulk'],
    ['550 5.7.40 Your message was blocked because the sending domain doesn\'t have a DMARC record', 'dmarc-missing'],
    ['421 4.7.40 Your email has been rate limited because the sending domain doesn\'t have a DMARC record', 'dmarc-missing'],
    ['504 5.7.40 Unrecognized authentication type.', 'other'],
    ['504 5.7.40 (an SMTP AUTH reply, whatever its wording)', 'other'],
    ['550 5.7.40 XOAUTH is no longer supported.', 'other'],
    ['421 4.7.32 Your email has been rate limited because the From: header (RFC5322) in this message isn\'t aligned', 'dmarc-alignment'],
    ['550 5.7.25 This message was blocked because the sending IP address doesn\'t have a PTR record', 'ptr-missing'],
    ['451 4.7.23 ip-address The sending IP address for this message doesn\'t have a PTR record', 'ptr-missing'],
    ['451 4.7.24 The SPF record of the sending domain has one or more suspicious entries.', 'spf-suspicious'],
    ['550 5.7.28 There is an unusual rate of unsolicited email originating from your IP address.', 'other'],
    ['550 5.1.1 The email account that you tried to reach does not exist.', 'other'],
  ])('%s → %s', (text, kind) => {
    expect(parseBounce(text).kind).toBe(kind);
  });

  it('reads the IP in "originating from your IP address x"', () => {
    expect(parseBounce('421 4.7.28 Gmail has detected an unusual rate of email originating from your IP address 192.0.2.9. To protect').ip).toBe('192.0.2.9');
  });

  it('explains a non-authentication error as such', () => {
    const analysis = parseBounce('550 5.1.1 The email account that you tried to reach does not exist.');
    expect(render('en', analysis.explanation)).toContain('550 5.1.1');
    expect(render('ja', analysis.explanation)).toContain('SPF・DKIM・DMARC');
  });
});

describe('messy real-world pastes', () => {
  it('a Japanese MTA bounce with DSN parts and the returned headers', () => {
    const text = `差出人: Mail Delivery System <MAILER-DAEMON@mail1042.onamae.ne.jp>
件名: Undelivered Mail Returned to Sender

このメールは送信できませんでした。

<customer@gmail.com>: host gmail-smtp-in.l.google.com[142.250.157.27] said:
    550-5.7.26 This mail is unauthenticated, which poses a security risk to the
    550-5.7.26 sender and Gmail users, and has been blocked. The sender must
    550-5.7.26 authenticate with at least one of SPF or DKIM. For this message,
    550-5.7.26 DKIM checks did not pass and SPF check for [example.jp] did not
    550-5.7.26 pass with ip: [157.120.209.45]. The sender should visit
    550-5.7.26  https://support.google.com/mail/answer/81126#authentication for
    550 5.7.26 instructions on setting up authentication. 41be03b00d2f7-b4 -
    gsmtp (in reply to end of DATA command)

Reporting-MTA: dns; mail1042.onamae.ne.jp
Final-Recipient: rfc822; customer@gmail.com
Action: failed
Status: 5.7.26
Remote-MTA: dns; gmail-smtp-in.l.google.com
Diagnostic-Code: smtp; 550-5.7.26 This mail is unauthenticated

Received: from [192.168.1.10] (unknown [198.51.100.200])
\tby mail1042.onamae.ne.jp (Postfix) with ESMTPSA id 4cXyZ1
From: 山田太郎 <info@example.jp>
To: customer@gmail.com`;
    expect(parseBounce(text)).toMatchObject({
      kind: 'unauthenticated',
      smtpStatus: 550,
      enhancedCode: '5.7.26',
      domain: 'example.jp',
      ip: '157.120.209.45',
    });
  });

  it('Postfix re-wrapping that joins the continuation lines mid-sentence', () => {
    const text = `<a@gmail.com>: host gmail-smtp-in.l.google.com[74.125.23.26] said: 550-5.7.26
    This mail is unauthenticated, which poses a security risk to the sender and
    Gmail users, and has been blocked. The sender must authenticate with at
    least one of SPF or DKIM. For this message, DKIM checks did not pass and
    SPF check for [example.jp] did not pass with ip: 550-5.7.26 [192.0.2.77]. The
    sender should visit 550 5.7.26 https://support.google.com/mail/answer/81126 (in reply to end of DATA command)`;
    expect(parseBounce(text)).toMatchObject({ kind: 'unauthenticated', domain: 'example.jp', ip: '192.0.2.77' });
  });

  it('a forwarded bounce with "> " quoting', () => {
    const text = [
      '> ----- The following addresses had permanent fatal errors -----',
      '> 550-5.7.26 The MAIL FROM domain [example.jp] has an SPF record with a hard fail',
      '>> 550-5.7.26 policy (-all) but it fails to pass SPF checks with the ip:',
      '> 550 5.7.26 [203.0.113.8]. To best protect our users from spam and phishing',
    ].join('\n');
    expect(parseBounce(text)).toMatchObject({ kind: 'spf-hardfail', domain: 'example.jp', ip: '203.0.113.8' });
  });

  it('quoted-printable with soft line breaks', () => {
    const text =
      '550-5.7.26 This email has been blocked because the sender is unauthenticat=\ned. Gmail requires all senders to authenticate with either SPF or DKIM.=20\nSPF [example.jp] with ip: [192.0.2.=\n61] =3D did not pass';
    expect(parseBounce(text)).toMatchObject({ kind: 'unauthenticated', domain: 'example.jp', ip: '192.0.2.61' });
  });

  it('CRLF line endings', () => {
    const text = '550-5.7.27 This message was blocked because it didn\'t pass SPF\r\n550-5.7.27  Authentication results: SPF with 198.51.100.9 = did not pass\r\n550 5.7.27 - gsmtp\r\n';
    expect(parseBounce(text)).toMatchObject({ kind: 'spf-bulk', ip: '198.51.100.9' });
  });

  it('a sentence copied without its code', () => {
    expect(parseBounce('This email has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM.').kind).toBe(
      'unauthenticated',
    );
    expect(parseBounce("Unauthenticated email from example.jp is not accepted due to domain's DMARC policy.")).toMatchObject({
      kind: 'dmarc-policy',
      domain: 'example.jp',
    });
    expect(parseBounce('This email has been rate limited because it is unauthenticated.').kind).toBe('rate-limited');
  });

  it('prefers the authentication code over other codes in the same paste', () => {
    const text = '250 2.0.0 OK earlier\n550-5.7.26 This mail is unauthenticated\n550 5.7.26 blocked';
    expect(parseBounce(text)).toMatchObject({ smtpStatus: 550, enhancedCode: '5.7.26', kind: 'unauthenticated' });
  });

  it('reads the Status: line of a delivery-status part when no reply code is pasted', () => {
    const analysis = parseBounce('Final-Recipient: rfc822; a@gmail.com\nAction: delayed\nStatus: 4.7.26\nWill-Retry-Until: Mon, 1 Dec 2025');
    expect(analysis).toMatchObject({ kind: 'rate-limited', enhancedCode: '4.7.26', temporary: true });
    expect(analysis.smtpStatus).toBeUndefined();
  });

  it('does not read the code out of an IP address', () => {
    const analysis = parseBounce('Connection from 10.5.7.26.example failed');
    expect(analysis.enhancedCode).toBeUndefined();
    expect(analysis.kind).toBe('unrecognized');
  });

  it('says what to paste when nothing is recognised', () => {
    for (const text of ['', 'hello', 'お世話になっております。メールが届きません。']) {
      const analysis = parseBounce(text);
      expect(analysis.kind).toBe('unrecognized');
      expect(render('ja', analysis.explanation)).toContain('550');
    }
  });
});

describe('pasted authentication headers', () => {
  it('Gmail Authentication-Results with an ARC comment that must not be read as the result', () => {
    const text = `Delivered-To: someone@gmail.com
Authentication-Results: mx.google.com;
       dkim=pass header.i=@example.jp header.s=default header.b=AbCdEf12;
       arc=pass (i=1 spf=pass spfdomain=other.example dkim=pass dkdomain=other.example dmarc=pass fromdomain=other.example);
       spf=softfail (google.com: domain of transitioning info@example.jp does not designate 203.0.113.50 as permitted sender) smtp.mailfrom=info@example.jp;
       dmarc=fail (p=NONE sp=NONE dis=NONE) header.from=example.jp
Return-Path: <info@example.jp>`;
    expect(parseBounce(text)).toMatchObject({
      kind: 'header-results',
      domain: 'example.jp',
      ip: '203.0.113.50',
      headers: {
        spf: 'softfail',
        dkim: ['pass'],
        dmarc: 'fail',
        mailFrom: 'info@example.jp',
        headerFrom: 'example.jp',
        clientIp: '203.0.113.50',
      },
    });
  });

  it('Received-SPF from RFC 7208 §9.1 (folded)', () => {
    const text = `Received-SPF: pass (mybox.example.org: domain of
 myname@example.com designates 192.0.2.1 as permitted sender)
    receiver=mybox.example.org; client-ip=192.0.2.1;
    envelope-from="myname@example.com"; helo=foo.example.com;`;
    expect(parseBounce(text)).toMatchObject({
      kind: 'header-results',
      domain: 'example.com',
      ip: '192.0.2.1',
      headers: { spf: 'pass', dkim: [], mailFrom: 'myname@example.com', clientIp: '192.0.2.1' },
    });
  });

  it('Received-SPF with IPv6 and no envelope-from key', () => {
    const text =
      'Received-SPF: fail (google.com: domain of info@example.jp does not designate 2001:db8:1::5 as permitted sender) client-ip=2001:db8:1::5;';
    expect(parseBounce(text)).toMatchObject({ ip: '2001:db8:1::5', ipVersion: 6, headers: { spf: 'fail', mailFrom: 'info@example.jp' } });
  });

  it('Microsoft 365 Authentication-Results', () => {
    const text =
      'Authentication-Results: spf=fail (sender IP is 198.51.100.77) smtp.mailfrom=example.jp; dkim=none (message not signed) header.d=none;dmarc=fail action=none header.from=example.jp;compauth=fail reason=001';
    expect(parseBounce(text)).toMatchObject({
      kind: 'header-results',
      domain: 'example.jp',
      ip: '198.51.100.77',
      headers: { spf: 'fail', dkim: ['none'], dmarc: 'fail', mailFrom: 'example.jp', headerFrom: 'example.jp' },
    });
  });

  it('uses the bounce\'s IP over the headers\' when both are pasted', () => {
    const text = `550 5.7.26 SPF [example.jp] with ip: [192.0.2.10] = did not pass
Authentication-Results: mx.example.jp; spf=pass (sender IP is 198.51.100.1) smtp.mailfrom=info@example.jp`;
    const analysis = parseBounce(text);
    expect(analysis).toMatchObject({ kind: 'unauthenticated', ip: '192.0.2.10', headers: { spf: 'pass', clientIp: '198.51.100.1' } });
  });

  it('summarises header results in both languages', () => {
    const analysis = parseBounce('Authentication-Results: mx.google.com; spf=fail smtp.mailfrom=a@example.jp; dmarc=fail header.from=example.jp');
    expect(render('en', analysis.explanation)).toContain('SPF fail, DKIM —, DMARC fail');
    expect(render('ja', analysis.explanation)).toContain('SPF fail（不合格）、DKIM —、DMARC fail（不合格）');
  });
});

describe('explanations', () => {
  it('name the domain and IP in both languages', () => {
    const analysis = parseBounce('550 5.7.26 This mail is unauthenticated. SPF check for [example.jp] did not pass with ip: [192.0.2.45].');
    expect(render('en', analysis.explanation)).toContain('(domain: example.jp, sending server IP: 192.0.2.45)');
    expect(render('ja', analysis.explanation)).toContain('（ドメイン：example.jp、送信元IPアドレス：192.0.2.45）');
    expect(render('ja', analysis.explanation)).toContain('SPFとDKIMのどちらの認証にも合格しなかった');
  });

  it('exist for every kind', () => {
    const samples = [
      '550 5.7.26 unauthenticated', "550 5.7.26 The MAIL FROM domain has an SPF record with a hard fail policy (-all)",
      "550 5.7.26 not accepted due to domain's DMARC policy", '451 4.7.26 x', '550 5.7.27 x', '421 4.7.26 x', '421 4.7.27 x',
      '550 5.7.30 x', '550 5.7.40 x', '550 5.7.32 x', '550 5.7.25 x', '550 5.7.24 x', '550 5.1.1 x', 'nothing',
      'Authentication-Results: x; spf=pass',
    ];
    const kinds = new Set<string>();
    for (const sample of samples) {
      const analysis = parseBounce(sample);
      kinds.add(analysis.kind);
      expect(render('en', analysis.explanation).length, sample).toBeGreaterThan(30);
      expect(render('ja', analysis.explanation), sample).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    }
    expect(kinds.size).toBe(15);
  });
});
