// Bounce texts in the shapes Gmail sends (wording from Google's SMTP error reference and real bounces),
// with documentation-range addresses and .jp test domains. Shared by the bounce and popup tests.

/** The multi-line 550-5.7.26 form: SPF for example.jp did not pass for 198.51.100.7. */
export const GMAIL_UNAUTHENTICATED = `Delivery to the following recipient failed permanently:

     customer@gmail.com

Technical details of permanent failure:
The recipient server did not accept our requests to connect.
550-5.7.26 This mail is unauthenticated, which poses a security risk to the
550-5.7.26 sender and Gmail users, and has been blocked. The sender must
550-5.7.26 authenticate with at least one of SPF or DKIM. For this message,
550-5.7.26 DKIM checks did not pass and SPF check for [example.jp] did not
550-5.7.26 pass with ip: [198.51.100.7]. The sender should visit
550 5.7.26 https://support.google.com/mail/answer/81126#authentication for instructions`;

export const gmailUnauthenticated = (domain: string, ip: string) =>
  GMAIL_UNAUTHENTICATED.replace('[example.jp]', `[${domain}]`).replace('[198.51.100.7]', `[${ip}]`);

/** 550 5.7.26 for a record ending in -all. */
export const gmailHardFail = (domain: string, ip: string) =>
  `550 5.7.26 The MAIL FROM domain [${domain}] has an SPF record with a hard fail policy (-all) but it fails to pass SPF checks with the ip: [${ip}]. To best protect our users from spam and phishing, the message has been blocked.`;

/** 421 4.7.27: rate-limited (temporary) because SPF did not pass. */
export const gmailRateLimited = (domain: string, ip: string) =>
  `421-4.7.27 Your email has been rate limited because SPF authentication didn't pass for this message. Gmail requires all bulk email senders to authenticate their email with SPF. Authentication results: SPF [${domain}] with ip: [${ip}] = did not pass`;

/** 550 5.7.26 DMARC rejection: names the domain but not the sending server. */
export const GMAIL_DMARC_NO_IP =
  "550 5.7.26 Unauthenticated email from example.jp is not accepted due to domain's DMARC policy. Contact the administrator of example.jp domain if this was legitimate email.";

/** Pasted headers of a delivered message instead of a bounce. */
export const AUTH_RESULTS_SOFTFAIL = `Authentication-Results: mx.google.com;
       spf=softfail (google.com: domain of transitioning info@example.jp does not designate 198.51.100.7 as permitted sender) smtp.mailfrom=info@example.jp;
       dmarc=fail (p=NONE sp=NONE dis=NONE) header.from=example.jp`;
