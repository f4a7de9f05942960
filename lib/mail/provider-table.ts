// The provider table (data only; lib/mail/providers.ts holds the logic and the types). The overlay module
// is built without it and receives it from the background in its page kit (lib/page-kit.ts), so the
// table, its sources and notes are not parsed on the panel page twice over.
import { message } from '../i18n';
import type { Provider } from './providers';

export const PROVIDER_TABLE: readonly Provider[] = [
  {
    id: 'onamae-mail',
    name: { en: 'Onamae Mail (お名前メール)', ja: 'お名前メール' },
    category: 'mailbox',
    mx: [{ pattern: /^mail(?<n>\d+)\.onamae\.ne\.jp$/ }],
    spf: ['include:_spf.onamae.ne.jp'],
    spfConfidence: 'confirmed',
    // default._domainkey appears in the same record dumps as the MX and SPF.
    dkimSelectors: ['default'],
    source: ['panels.md §2.6: six or more public record dumps (mail50/89/1016/1042/1044.onamae.ne.jp)'],
  },
  {
    id: 'gmo-server',
    name: { en: 'GMO rental server (RS / shared SD)', ja: 'お名前.com レンタルサーバー（RS・共用サーバーSD）' },
    category: 'mailbox',
    mx: [{ pattern: /^mx(?<n>\d+)\.gmoserver\.jp$/ }],
    // [I] An SPF-vendor dictionary lists spf.gmoserver.jp and numbered spfNN.gmoserver.jp; which one a given
    // server needs is not confirmed, so the unnumbered one is suggested and the UI asks to confirm.
    spf: ['include:spf.gmoserver.jp'],
    spfConfidence: 'inferred',
    dkimSelectors: [],
    source: ['panels.md §2.6: MX mxN.gmoserver.jp in four public notes; spf(NN).gmoserver.jp in an SPF-vendor dictionary'],
    note: message('provider_note_gmo_server'),
  },
  {
    id: 'conoha-wing',
    name: { en: 'ConoHa WING', ja: 'ConoHa WING' },
    category: 'mailbox',
    mx: [{ pattern: /^mail(?<n>\d+)\.conoha\.ne\.jp$/ }],
    spf: ['include:_spf.conoha.ne.jp'],
    spfConfidence: 'confirmed',
    dkimSelectors: ['default'],
    source: ['panels.md §2.6: four public notes (MX mailNNNN.conoha.ne.jp, default._domainkey)'],
  },
  {
    id: 'xserver',
    name: { en: 'Xserver', ja: 'エックスサーバー' },
    category: 'mailbox',
    // The MX is often the domain itself (priority 0); then only the SPF record reveals the server name.
    mx: [{ pattern: /^sv(?<n>\d+)\.xserver\.jp$/ }],
    // Published value: "+a:svNNNN.xserver.jp +a:<domain> +mx include:spf.sender.xserver.jp". The +a:<domain>
    // and +mx terms point at the same server when the MX is the domain itself, so the two terms below
    // cover the server; the diagnosis keeps the user's own +a/+mx terms if they exist.
    spf: ['a:sv{n}.xserver.jp', 'include:spf.sender.xserver.jp'],
    spfConfidence: 'confirmed',
    // default._domainkey appears next to the Xserver SPF in several public record dumps.
    dkimSelectors: ['default'],
    source: ['panels.md §4: four public notes', 'public record dumps with default._domainkey next to the Xserver SPF'],
  },
  {
    id: 'sakura',
    name: { en: 'Sakura Internet rental server', ja: 'さくらのレンタルサーバ' },
    category: 'mailbox',
    mx: [
      { pattern: /^www(?<n>\d+)\.sakura\.ne\.jp$/ },
      // [I] The account's initial domain (<account>.sakura.ne.jp) names the same server.
      { pattern: /^(?!www\d+\.)[a-z0-9-]+\.sakura\.ne\.jp$/, spf: ['a:{host}'] },
    ],
    spf: ['a:www{n}.sakura.ne.jp'],
    spfConfidence: 'confirmed',
    dkimSelectors: [],
    source: [
      'https://blog.scaredeer.com/2023/01/sakura-muumuu-mail-spf.html',
      'service.jcity.com SPF guide',
      'a test in a public SPF-vendor dictionary',
    ],
  },
  {
    id: 'lolipop',
    name: { en: 'Lolipop!', ja: 'ロリポップ！' },
    category: 'mailbox',
    mx: [{ pattern: /^mx(?<n>\d+)\.lolipop\.jp$/ }],
    spf: ['include:_spf.lolipop.jp'],
    spfConfidence: 'confirmed',
    dkimSelectors: [],
    source: ['panels.md §4: three public notes (MX mx01.lolipop.jp)'],
  },
  {
    id: 'kagoya',
    name: { en: 'KAGOYA MAIL', ja: 'KAGOYA MAIL' },
    category: 'mailbox',
    mx: [{ pattern: /^(?:[a-z0-9-]+\.)*kagoya\.net$/ }],
    spf: ['include:kagoya.net'],
    spfConfidence: 'confirmed',
    // The selector is chosen by the user in the control panel (support.kagoya.jp uses "sample" as an example).
    dkimSelectors: [],
    source: ['panels.md §4: a public migration doc; support.kagoya.jp', 'https://support.kagoya.jp/kir/manual/add_maildomain/dkim.html'],
  },
  {
    id: 'heteml',
    name: { en: 'heteml', ja: 'ヘテムル' },
    category: 'mailbox',
    // [I] No source gives heteml's MX host; any host under heteml.jp is taken as heteml.
    mx: [{ pattern: /^(?:[a-z0-9-]+\.)*heteml\.jp$/ }],
    spf: ['include:_spf.heteml.jp'],
    spfConfidence: 'confirmed',
    dkimSelectors: [],
    source: ['https://support.heteml.jp/hc/ja/articles/360041679414'],
  },
  {
    id: 'google-workspace',
    name: { en: 'Google Workspace', ja: 'Google Workspace' },
    category: 'mailbox',
    mx: [
      { pattern: /^(?:alt\d\.)?aspmx\.l\.google\.com$/ },
      { pattern: /^aspmx\d*\.googlemail\.com$/ },
      { pattern: /^smtp\.google\.com$/ },
      // [I] Any other Google-operated MX still means Google receives (and usually sends) the mail.
      { pattern: /^(?:[a-z0-9-]+\.)+(?:google|googlemail)\.com$/ },
    ],
    spf: ['include:_spf.google.com'],
    spfConfidence: 'confirmed',
    dkimSelectors: ['google'],
    source: [
      'panels.md §4: captured Onamae DOM (MX list); a public note; dmarcbeacon.com',
      'https://support.google.com/a/answer/11611356 (default DKIM prefix selector "google")',
    ],
  },
  {
    id: 'microsoft-365',
    name: { en: 'Microsoft 365', ja: 'Microsoft 365' },
    category: 'mailbox',
    mx: [
      { pattern: /^[a-z0-9-]+\.mail\.protection\.outlook\.com$/ },
      // [I] Exchange Online's newer DNSSEC-signed MX form, <domain-key>.<tag>.mx.microsoft.
      { pattern: /^[a-z0-9-]+\.[a-z0-9-]+\.mx\.microsoft$/ },
    ],
    spf: ['include:spf.protection.outlook.com'],
    spfConfidence: 'confirmed',
    dkimSelectors: ['selector1', 'selector2'],
    source: [
      'MicrosoftDocs create-dns-records-at-wix.md (panels.md §4)',
      'Microsoft Get-DkimSigningConfig docs (Selector1CNAME / Selector2CNAME)',
    ],
  },
  {
    id: 'zoho-jp',
    name: { en: 'Zoho Mail (Japan)', ja: 'Zoho Mail（日本データセンター）' },
    category: 'mailbox',
    mx: [{ pattern: /^mx\d*\.zoho\.jp$/ }],
    spf: ['include:zoho.jp'],
    spfConfidence: 'confirmed',
    // Zoho lets the admin name the selector, so there is no fixed one.
    dkimSelectors: [],
    source: ['panels.md §4: a public note (migration doc)'],
  },
  {
    id: 'zoho',
    name: { en: 'Zoho Mail', ja: 'Zoho Mail' },
    category: 'mailbox',
    mx: [{ pattern: /^mx\d*\.zoho\.com$/ }],
    spf: ['include:zoho.com'],
    spfConfidence: 'confirmed',
    dkimSelectors: [],
    source: ['panels.md §4: a public note (migration doc, global data centre)'],
  },
  {
    id: 'sendgrid',
    name: { en: 'SendGrid', ja: 'SendGrid' },
    category: 'sending',
    mx: [],
    spf: ['include:sendgrid.net'],
    spfConfidence: 'confirmed',
    // s1/s2._domainkey CNAMEs to sendgrid.net in public record dumps (automated security setup).
    dkimSelectors: ['s1', 's2'],
    source: ['panels.md §4: dmarcbeacon.com; 138data/datagate-poc handover', 'public record dumps (s1/s2._domainkey → …sendgrid.net)'],
    note: message('provider_note_sendgrid'),
  },
  {
    id: 'amazon-ses',
    name: { en: 'Amazon SES', ja: 'Amazon SES' },
    category: 'sending',
    // The MX of a custom MAIL FROM subdomain, e.g. bounce.example.com → feedback-smtp.<region>.amazonses.com.
    mx: [{ pattern: /^feedback-smtp\.[a-z0-9-]+\.amazonses\.com$/ }],
    spf: ['include:amazonses.com'],
    spfConfidence: 'confirmed',
    // Easy DKIM uses three random tokens as selectors, so none can be listed.
    dkimSelectors: [],
    source: ['panels.md §4: dmarcbeacon.com; a public note'],
    note: message('provider_note_amazon_ses'),
  },
  {
    id: 'mailchimp',
    name: { en: 'Mailchimp', ja: 'Mailchimp' },
    category: 'sending',
    mx: [],
    spf: ['include:servers.mcsv.net'],
    spfConfidence: 'confirmed',
    // Public guides disagree (k1 alone; k1+k2; k2+k3), so all three are probed.
    dkimSelectors: ['k1', 'k2', 'k3'],
    source: ['panels.md §4: dmarcbeacon.com', 'netdig.tools and phishfence.io Mailchimp DKIM guides (k1/k2 CNAMEs)'],
  },
  {
    id: 'mailerlite',
    name: { en: 'MailerLite', ja: 'MailerLite' },
    category: 'sending',
    mx: [],
    spf: ['include:_spf.mlsend.com'],
    spfConfidence: 'confirmed',
    dkimSelectors: ['litesrv'],
    source: ['https://help.mailerlite.com/article/show/126617', 'help.ex2.com MailerLite guide (litesrv._domainkey CNAME)'],
  },
  {
    id: 'haihai-mail',
    name: { en: 'HaiHai Mail (配配メール)', ja: '配配メール' },
    category: 'sending',
    mx: [],
    spf: ['include:spf.haihaimail.jp'],
    spfConfidence: 'confirmed',
    dkimSelectors: [],
    source: ['https://support.haihaimail.jp/arrivalimprovement/spfset/'],
  },
  {
    id: 'wix-ascend',
    name: { en: 'Wix email marketing (Ascend)', ja: 'Wix メールマーケティング（Ascend）' },
    category: 'sending',
    mx: [],
    // The return path sg.<domain> carries its own SPF, so the main SPF record needs nothing.
    spf: [],
    spfConfidence: 'confirmed',
    // CNAMEs s1/s2/sel1._domainkey → …ascendbywix.com in five public notes.
    dkimSelectors: ['s1', 's2', 'sel1'],
    source: ['panels.md §1.4: five public notes; support.wix.com domain authentication article'],
    note: message('provider_note_wix_ascend'),
  },
];
