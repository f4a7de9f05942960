// @vitest-environment happy-dom
// The popup says where to make the change: the DNS host it found, or a generic sentence only when unknown.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../../components/popup/PopupApp';
import type { Diagnosis, Lang } from '../../../lib/diagnosis/types';
import { sampleDiagnosis } from './fixtures';
import { $, answer, fakeConnect, mount, submit, typeInto } from './harness';

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

async function showDiagnosis(lang: Lang, diagnosis: Diagnosis): Promise<HTMLElement> {
  const ports = fakeConnect();
  const deps = { lang, connect: ports.connect, copyText: vi.fn(async () => {}), openOptions: vi.fn() };
  const view = mount(<PopupApp deps={deps} />);
  cleanup = view.unmount;
  typeInto($(view.container, '#domain-input') as HTMLInputElement, diagnosis.domain);
  submit($(view.container, '.check-form'));
  await answer(ports.last(), { kind: 'result', diagnosis, cached: false });
  return view.container;
}

async function withHost(dnsHost: string | undefined): Promise<Diagnosis> {
  const diagnosis = await sampleDiagnosis();
  const live = { ...diagnosis.live, delegation: 'elsewhere' as const };
  if (dnsHost === undefined) delete live.dnsHost;
  else live.dnsHost = dnsHost;
  return { ...diagnosis, live };
}

describe('popup: where to add the record', () => {
  it('names the DNS host in Japanese, without the generic list of panels', async () => {
    const container = await showDiagnosis('ja', await withHost('Wix'));
    const hint = $(container, '[data-dns-host]').textContent ?? '';
    expect(hint).toBe('このドメインのDNSはWixで管理されています。Wixの管理画面で追加してください。');
    expect(container.textContent).not.toContain('Wix や お名前.com');
  });

  it('names the DNS host in English', async () => {
    const container = await showDiagnosis('en', await withHost('お名前.com'));
    expect($(container, '[data-dns-host]').textContent).toBe("This domain's DNS is managed by お名前.com. Add it in お名前.com's DNS settings.");
    expect(container.textContent).not.toContain('for example Wix or');
  });

  it('keeps the generic sentence only when the host is unknown', async () => {
    const container = await showDiagnosis('ja', await withHost(undefined));
    const hint = $(container, '[data-dns-host]');
    expect(hint.getAttribute('data-dns-host')).toBe('');
    expect(hint.textContent).toContain('お名前.com');
    expect(hint.textContent).not.toContain('で管理されています');
  });

  it('puts everything inside a <main> landmark and gives each fix card one heading', async () => {
    const container = await showDiagnosis('ja', await withHost('Wix'));
    const main = container.querySelector('main');
    expect(main).not.toBeNull();
    expect(container.children).toHaveLength(1);
    expect(container.firstElementChild).toBe(main);
    const cards = [...container.querySelectorAll('[data-fix]')];
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) {
      const headings = card.querySelectorAll('h1, h2, h3, h4, h5, h6');
      expect(headings).toHaveLength(1);
      // The heading's sentence is not said a second time inside the same card.
      const title = headings[0]!.textContent ?? '';
      const rest = (card.textContent ?? '').replace(title, '');
      expect(rest).not.toContain(title);
    }
  });
});
