// Reads what a user typed into the domain box: a plain name, a Japanese (IDN) name, a pasted URL or
// mail address. The URL parser does the IDNA work (full-width letters, 「。」, Unicode → punycode).

export type DomainInputError = 'empty' | 'invalid' | 'ip' | 'single-label' | 'too-long';

export type DomainInput =
  | { ok: true; /** ASCII (punycode) form, lower-case, no trailing dot: what DNS is asked about. */ domain: string; /** The Unicode spelling, when the user typed one. */ unicode?: string }
  | { ok: false; error: DomainInputError };

const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const TOP_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

function hostnameOf(text: string): string | null {
  try {
    return new URL(HAS_SCHEME.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return null;
  }
}

export function parseDomainInput(raw: string): DomainInput {
  const text = raw.trim();
  if (text === '') return { ok: false, error: 'empty' };
  if (/\s/.test(text)) return { ok: false, error: 'invalid' };

  // A pasted mail address: the URL parser would read "info@" as a user name, which is what we want.
  const hostname = hostnameOf(text);
  if (hostname === null || hostname === '') return { ok: false, error: 'invalid' };
  if (hostname.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(hostname)) return { ok: false, error: 'ip' };

  const domain = hostname.replace(/\.$/, '');
  if (domain.length > 253) return { ok: false, error: 'too-long' };
  const labels = domain.split('.');
  if (labels.length < 2) return { ok: false, error: 'single-label' };
  if (!labels.every((label) => LABEL.test(label)) || !TOP_LABEL.test(labels[labels.length - 1] ?? '')) {
    return { ok: false, error: 'invalid' };
  }

  const typedUnicode = /[^\x00-\x7f]/.test(text) && domain.split('.').some((label) => label.startsWith('xn--'));
  if (!typedUnicode) return { ok: true, domain };
  // Shown next to the punycode so the user recognises the name: the typed text without scheme, path or mailbox.
  const unicode = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(HAS_SCHEME, '')
    .replace(/^[^@/]*@/, '')
    .replace(/[/?#:].*$/, '')
    .replace(/[。．｡]/g, '.')
    .replace(/\.$/, '');
  return { ok: true, domain, unicode };
}
