import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DiagnosisCache } from '../../../lib/background/cache';
import { handleRequest, servePort } from '../../../lib/background/handler';
import type { Answer, HandlerDeps } from '../../../lib/background/handler';
import type { BounceExplanation } from '../../../lib/bounce/explain';
import type { Diagnosis, PanelSnapshot, ProgressStep } from '../../../lib/diagnosis/types';
import { DohFailoverError } from '../../../lib/dns/doh';
import { DnsError } from '../../../lib/dns/types';
import { parseBouncePortMessage, parsePortMessage } from '../../../lib/messages';
import { FakePort } from '../content/fakes';
import { wixNoSpf } from '../../fixtures/diagnoses/wix-seed';

const snapshot: PanelSnapshot = {
  panel: 'wix',
  domain: 'example.jp',
  records: [
    { host: 'example.jp', type: 'MX', ttl: 3600, value: 'mail1042.onamae.ne.jp', priority: 10 },
    { host: 'example.jp', type: 'TXT', ttl: 3600, value: 'google-site-verification=abc123' },
  ],
};

/** Lets the handler's awaits run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('handleRequest', () => {
  let cache: DiagnosisCache;
  let runs: { snapshot: PanelSnapshot; force: boolean }[];
  let outcome: () => Promise<Diagnosis>;
  let deps: HandlerDeps;
  let answers: Answer[];
  const post = (message: Answer) => answers.push(message);

  beforeEach(() => {
    cache = new DiagnosisCache();
    runs = [];
    answers = [];
    outcome = async () => wixNoSpf;
    deps = {
      cache,
      run: async (s, options) => {
        runs.push({ snapshot: s, force: options.force });
        for (const step of ['nameservers', 'spf', 'mx'] as ProgressStep[]) options.onProgress(step);
        return outcome();
      },
    };
  });

  it.each([
    ['not an object', 'diagnose'],
    ['an unknown kind', { kind: 'delete-everything' }],
    ['a snapshot without a domain', { kind: 'diagnose', snapshot: { panel: 'wix', domain: '', records: [] } }],
    ['a record with a bad TTL', { kind: 'diagnose', snapshot: { ...snapshot, records: [{ host: 'a', type: 'A', ttl: -1, value: '' }] } }],
    ['a panel we do not know', { kind: 'diagnose', snapshot: { ...snapshot, panel: 'evil' } }],
    ['force that is not a boolean', { kind: 'diagnose', snapshot, force: 'yes' }],
  ])('rejects %s with a localized error, without running anything', async (_, raw) => {
    await handleRequest(raw, post, deps);
    expect(runs).toHaveLength(0);
    expect(answers).toHaveLength(1);
    const answer = parsePortMessage(answers[0]);
    expect(answer?.kind).toBe('error');
    if (answer?.kind !== 'error') return;
    expect(answer.message.en).toMatch(/malformed/);
    expect(answer.message.ja).toMatch(/不正な形式/);
  });

  it('posts progress steps, then exactly one result, all valid port messages', async () => {
    await handleRequest({ kind: 'diagnose', snapshot }, post, deps);
    expect(answers.map((a) => a.kind)).toEqual(['progress', 'progress', 'progress', 'result']);
    expect(answers.every((a) => parsePortMessage(JSON.parse(JSON.stringify(a))) !== null)).toBe(true);
    expect(answers.at(-1)).toEqual({ kind: 'result', diagnosis: wixNoSpf, cached: false });
    expect(runs).toEqual([{ snapshot, force: false }]);
  });

  it('answers an unchanged snapshot from the cache, even with its records in another order', async () => {
    await handleRequest({ kind: 'diagnose', snapshot }, post, deps);
    answers = [];
    await handleRequest({ kind: 'diagnose', snapshot: { ...snapshot, records: [...snapshot.records].reverse() } }, post, deps);
    expect(runs).toHaveLength(1);
    expect(answers).toEqual([{ kind: 'result', diagnosis: wixNoSpf, cached: true }]);
  });

  it('runs again for a changed snapshot', async () => {
    await handleRequest({ kind: 'diagnose', snapshot }, post, deps);
    const changed = { ...snapshot, records: [...snapshot.records, { host: 'example.jp', type: 'TXT', ttl: 3600, value: 'v=spf1 include:_spf.onamae.ne.jp ~all' }] };
    await handleRequest({ kind: 'diagnose', snapshot: changed }, post, deps);
    expect(runs).toHaveLength(2);
    expect(answers.at(-1)).toMatchObject({ kind: 'result', cached: false });
  });

  it('force bypasses the cache and refreshes it', async () => {
    await handleRequest({ kind: 'diagnose', snapshot }, post, deps);
    const newer = { ...wixNoSpf, checkedAt: wixNoSpf.checkedAt + 60_000 };
    outcome = async () => newer;
    await handleRequest({ kind: 'diagnose', snapshot, force: true }, post, deps);
    expect(runs.map((r) => r.force)).toEqual([false, true]);
    expect(answers.at(-1)).toEqual({ kind: 'result', diagnosis: newer, cached: false });
    answers = [];
    await handleRequest({ kind: 'diagnose', snapshot }, post, deps);
    expect(answers).toEqual([{ kind: 'result', diagnosis: newer, cached: true }]);
  });

  it('names the resolver that failed, in both languages', async () => {
    outcome = async () => {
      throw new DnsError('timeout', 'Cloudflare', 'example.jp', 'TXT', 'no reply within 3000 ms');
    };
    await handleRequest({ kind: 'diagnose', snapshot }, post, deps);
    const last = answers.at(-1)!;
    expect(last.kind).toBe('error');
    if (last.kind !== 'error') return;
    expect(last.message.en).toBe(
      'The DNS resolver Cloudflare did not answer for example.jp TXT (timed out). Try again in a moment, or choose another resolver in the options.',
    );
    expect(last.message.ja).toContain('Cloudflare');
    expect(last.message.ja).toContain('タイムアウト');
    expect(cache.size).toBe(0);
  });

  it('names every resolver when all of them failed', async () => {
    outcome = async () => {
      throw new DohFailoverError(
        [new DnsError('timeout', 'Cloudflare', 'example.jp', 'NS'), new DnsError('network', 'Google', 'example.jp', 'NS')],
        'example.jp',
        'NS',
      );
    };
    await handleRequest({ kind: 'diagnose', snapshot }, post, deps);
    const last = answers.at(-1)!;
    if (last.kind !== 'error') throw new Error('expected an error');
    expect(last.message.en).toContain('Cloudflare: timed out; Google: network error');
    expect(last.message.ja).toContain('Cloudflare: タイムアウト、Google: ネットワークエラー');
  });

  it('reports any other failure as such, localized', async () => {
    outcome = async () => {
      throw new TypeError('boom');
    };
    await handleRequest({ kind: 'diagnose', snapshot }, post, deps);
    expect(answers.at(-1)).toEqual({ kind: 'error', message: { en: 'The check failed: boom', ja: '確認に失敗しました：boom' } });
  });

  it('says plainly that bounce explanations are unavailable when none is wired', async () => {
    await handleRequest({ kind: 'explain-bounce', text: '550 5.7.26 ...' }, post, deps);
    expect(answers).toHaveLength(1);
    const answer = parseBouncePortMessage(answers[0]);
    expect(answer?.kind).toBe('error');
  });

  it('answers explain-bounce with the explanation when wired', async () => {
    const explanation = { status: 'incomplete' } as unknown as BounceExplanation;
    const explain = vi.fn(async () => explanation);
    await handleRequest({ kind: 'explain-bounce', text: 'hello' }, post, { ...deps, explainBounce: explain });
    expect(explain).toHaveBeenCalledWith('hello');
    expect(answers).toEqual([{ kind: 'bounce-result', explanation }]);
  });
});

describe('servePort', () => {
  it('answers on the port it was given', async () => {
    const port = new FakePort();
    servePort(port, { cache: new DiagnosisCache(), run: async () => wixNoSpf });
    port.receive({ kind: 'diagnose', snapshot });
    await flush();
    expect(port.posted).toEqual([{ kind: 'result', diagnosis: JSON.parse(JSON.stringify(wixNoSpf)), cached: false }]);
  });

  it('posts nothing after the content script went away (and does not throw)', async () => {
    const port = new FakePort();
    let finish!: (d: Diagnosis) => void;
    const onProgress: ((step: ProgressStep) => void)[] = [];
    servePort(port, {
      cache: new DiagnosisCache(),
      run: (_s, options) => {
        onProgress.push(options.onProgress);
        return new Promise<Diagnosis>((resolve) => (finish = resolve));
      },
    });
    port.receive({ kind: 'diagnose', snapshot });
    await flush();
    onProgress[0]!('nameservers');
    port.drop();
    onProgress[0]!('spf');
    finish(wixNoSpf);
    await flush();
    expect(port.posted).toEqual([{ kind: 'progress', step: 'nameservers' }]);
    expect(port.attempts).toBe(1);
  });

  describe('tab events (the verdict badge)', () => {
    const tabEvents = () => {
      const events: string[] = [];
      return { events, tab: { diagnosed: (d: Diagnosis) => void events.push(`diagnosed:${d.verdict}`), panelLeft: () => void events.push('left') } };
    };

    it('reports each panel diagnosis, fresh or cached', async () => {
      const { events, tab } = tabEvents();
      const deps = { cache: new DiagnosisCache(), run: async () => wixNoSpf };
      const first = new FakePort();
      servePort(first, deps, tab);
      first.receive({ kind: 'diagnose', snapshot });
      await flush();
      const second = new FakePort();
      servePort(second, deps, tab);
      second.receive({ kind: 'diagnose', snapshot });
      await flush();
      expect(second.posted).toMatchObject([{ kind: 'result', cached: true }]);
      expect(events).toEqual([`diagnosed:${wixNoSpf.verdict}`, `diagnosed:${wixNoSpf.verdict}`]);
    });

    it('does not report a domain diagnosed without a panel, nor a failure', async () => {
      const { events, tab } = tabEvents();
      const port = new FakePort();
      servePort(port, { cache: new DiagnosisCache(), run: async () => wixNoSpf }, tab);
      port.receive({ kind: 'diagnose', snapshot: { ...snapshot, panel: null } });
      await flush();
      const failing = new FakePort();
      servePort(failing, { cache: new DiagnosisCache(), run: async () => { throw new Error('boom'); } }, tab);
      failing.receive({ kind: 'diagnose', snapshot });
      await flush();
      expect(port.posted).toMatchObject([{ kind: 'result' }]);
      expect(failing.posted).toMatchObject([{ kind: 'error' }]);
      expect(events).toEqual([]);
    });

    it('panel-left is reported without an answer, and the background closes that port', async () => {
      const { events, tab } = tabEvents();
      const port = new FakePort();
      servePort(port, { cache: new DiagnosisCache(), run: async () => wixNoSpf }, tab);
      port.receive({ kind: 'panel-left' });
      await flush();
      expect(events).toEqual(['left']);
      expect(port.posted).toEqual([]);
      expect(port.disconnected).toBe(true);
    });

    it('a malformed panel-left is refused like any bad request', async () => {
      const { events, tab } = tabEvents();
      const port = new FakePort();
      servePort(port, { cache: new DiagnosisCache(), run: async () => wixNoSpf }, tab);
      port.receive({ kind: 'panel-left', tabId: 7 });
      await flush();
      expect(events).toEqual([]);
      expect(parsePortMessage(port.posted[0])?.kind).toBe('error');
    });
  });
});
