import { afterEach, describe, expect, it, vi } from 'vitest';
import { requestBounceExplanation, requestDiagnosis } from '../../../components/popup/port';
import { sampleDiagnosis } from './fixtures';
import { FakePort } from './harness';

afterEach(() => vi.useRealTimers());

describe('requestDiagnosis', () => {
  it('posts a diagnose request without panel records, reports progress, resolves with the result and closes the port', async () => {
    const port = new FakePort();
    const steps: string[] = [];
    const pending = requestDiagnosis(() => port, 'example.jp', { onProgress: (s) => steps.push(s) });
    expect(port.posted).toEqual([{ kind: 'diagnose', snapshot: { panel: null, domain: 'example.jp', records: [] }, force: false }]);
    port.receive({ kind: 'progress', step: 'nameservers' });
    port.receive({ kind: 'progress', step: 'spf' });
    const diagnosis = await sampleDiagnosis();
    port.receive({ kind: 'result', diagnosis, cached: true });
    await expect(pending.done).resolves.toEqual({ kind: 'result', diagnosis, cached: true });
    expect(steps).toEqual(['nameservers', 'spf']);
    expect(port.disconnected).toBe(true);
  });

  it('ends with a localized error on a malformed message, a disconnect, or a failing connect', async () => {
    const malformed = new FakePort();
    const first = requestDiagnosis(() => malformed, 'example.jp');
    malformed.receive({ kind: 'result', diagnosis: { domain: 'x' } });
    expect((await first.done).kind).toBe('error');

    const dropped = new FakePort();
    const second = requestDiagnosis(() => dropped, 'example.jp');
    dropped.close();
    const result = await second.done;
    expect(result).toMatchObject({ kind: 'error', message: { en: expect.stringContaining('stopped before answering') } });

    const third = requestDiagnosis(() => {
      throw new Error('Extension context invalidated.');
    }, 'example.jp');
    expect(await third.done).toMatchObject({ kind: 'error', message: { en: expect.stringContaining('Extension context invalidated.') } });
  });

  it('gives up after the timeout', async () => {
    vi.useFakeTimers();
    const port = new FakePort();
    const pending = requestDiagnosis(() => port, 'example.jp', { timeoutMs: 5000 });
    vi.advanceTimersByTime(5000);
    expect(await pending.done).toMatchObject({ kind: 'error', message: { en: 'No answer after 5 seconds. Check your Internet connection and try again.' } });
    expect(port.disconnected).toBe(true);
  });

  it('ignores whatever arrives after the answer', async () => {
    const port = new FakePort();
    const pending = requestDiagnosis(() => port, 'example.jp');
    port.receive({ kind: 'error', message: { en: 'first', ja: '最初' } });
    port.receive({ kind: 'error', message: { en: 'second', ja: '二番目' } });
    expect(await pending.done).toEqual({ kind: 'error', message: { en: 'first', ja: '最初' } });
  });
});

describe('requestBounceExplanation', () => {
  it('posts the text and does not accept a diagnosis as the answer', async () => {
    const port = new FakePort();
    const pending = requestBounceExplanation(() => port, '550 5.7.26 …');
    expect(port.posted).toEqual([{ kind: 'explain-bounce', text: '550 5.7.26 …' }]);
    port.receive({ kind: 'progress', step: 'spf' }); // tolerated, not an answer
    port.receive({ kind: 'result', diagnosis: await sampleDiagnosis(), cached: false });
    expect((await pending.done).kind).toBe('error');
  });
});
