// @vitest-environment happy-dom
// Only the user acts: a page script that clicks our buttons (isTrusted false) changes nothing, while the
// same control clicked, or activated from the keyboard, by the user does what it says.
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { trusted } from '../../../components/overlay/trusted';
import { wixSpfMerge } from '../../fixtures/diagnoses/wix-merge';
import { wixNoSpf } from '../../fixtures/diagnoses/wix-seed';
import { click, doneView, fakeActions, mountPerTest } from './render';
import { scriptedClick, userKeyEvent, userSelectEvent } from './user-event';

const show = mountPerTest();

async function scripted(element: Element): Promise<void> {
  await act(async () => {
    scriptedClick(element);
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe('trusted()', () => {
  it('calls the handler for a browser-made event only', () => {
    const seen: string[] = [];
    const handler = trusted((event: Event) => seen.push(event.type));
    handler(new Event('click'));
    const real = new Event('click');
    Object.defineProperty(real, 'isTrusted', { value: true });
    handler(real);
    expect(seen).toEqual(['click']);
  });
});

describe('a page script clicking the overlay', () => {
  it('does not fill, copy or re-check; the user’s click does', async () => {
    const actions = fakeActions();
    const m = show({ view: doneView(wixNoSpf), actions });
    await scripted(m.q('[data-action="apply"]'));
    await scripted(m.q('[data-action="copy"]'));
    await scripted(m.q('[data-action="recheck"]'));
    expect(actions.applied).toEqual([]);
    expect(actions.copied).toEqual([]);
    expect(actions.rechecks).toBe(0);
    expect(m.qa('.fill-result, .copied')).toHaveLength(0);

    await click(m.q('[data-action="apply"]'));
    await click(m.q('[data-action="copy"]'));
    await click(m.q('[data-action="recheck"]'));
    expect(actions.applied).toHaveLength(1);
    expect(actions.copied).toHaveLength(1);
    expect(actions.rechecks).toBe(1);
  });

  it('does not collapse the panel or open the details', async () => {
    const m = show({ view: doneView(wixSpfMerge) });
    await scripted(m.q('[data-action="details"]'));
    expect(m.q('[data-action="details"]').getAttribute('aria-expanded')).toBe('false');
    await scripted(m.q('[data-action="collapse"]'));
    expect(m.q('#spf-doctor-panel').hidden).toBe(false);
    const forgedEscape = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true });
    act(() => void m.q('[data-action="copy"]').dispatchEvent(forgedEscape));
    expect(m.q('#spf-doctor-panel').hidden).toBe(false);
  });

  it('does not choose a provider or submit a server name', async () => {
    const actions = fakeActions();
    const m = show({ view: doneView(wixNoSpf), actions });
    const select = m.q<HTMLSelectElement>('[data-action="provider"]');
    act(() => {
      select.value = 'google-workspace';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(actions.chosen).toEqual([]);

    act(() => userSelectEvent(select, 'xserver'));
    const input = m.q<HTMLInputElement>('input[data-action="provider-server"]');
    act(() => {
      input.value = 'sv1234.xserver.jp';
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await scripted(m.q('[data-action="provider-server-use"]'));
    act(() => void m.q('form.provider-server').dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
    act(() => void input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })));
    expect(actions.chosen).toEqual([]);

    // Enter typed by the user in the field uses the name.
    act(() => userKeyEvent(input, 'Enter'));
    expect(actions.chosen).toEqual([{ providerId: 'xserver', providerServer: 'sv1234.xserver.jp' }]);
  });
});
