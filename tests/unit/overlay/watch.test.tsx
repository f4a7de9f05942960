// @vitest-environment happy-dom
// The overlay's side of watches: "Watch this domain" on each pending record (acting only on the user's
// own click), and the notice that says the background now follows it.
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { PropagationItem } from '../../../lib/diagnosis/types';
import { wixPropagationPending } from '../../fixtures/diagnoses/wix-pending';
import { doneView, fakeActions, mount } from './render';
import type { Mounted } from './render';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

/** A click as the browser delivers a user's: happy-dom's own clicks are untrusted, like a page script's. */
function userClick(element: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  act(() => void element.dispatchEvent(event));
}

describe('overlay: watching a pending record', () => {
  it('offers "Watch this domain" on the pending record and hands the record to the watch action', () => {
    const watched: PropagationItem[] = [];
    const actions = { ...fakeActions(), watch: (item: PropagationItem) => void watched.push(item) };
    mounted = mount({ view: doneView(wixPropagationPending), actions });
    const button = mounted.q('[data-finding="PROPAGATION_PENDING"] [data-propagation="TXT example.jp"] [data-action="watch"]');
    expect(button.textContent).toBe('Watch this domain');
    // A click the page made up does nothing.
    act(() => button.click());
    expect(watched).toEqual([]);
    userClick(button);
    expect(watched.map((item) => `${item.type} ${item.name}`)).toEqual(['TXT example.jp']);
  });

  it('no button without a watch action; the notice says the tab may be closed, or why it failed', () => {
    mounted = mount({ view: doneView(wixPropagationPending), lang: 'ja' });
    expect(mounted.qa('[data-action="watch"]')).toHaveLength(0);
    mounted.update({ watchNotice: { status: 'started', domain: 'example.jp' } });
    expect(mounted.q('[data-watch-status="started"]').textContent).toBe('example.jpを見守っています。このタブを閉じても、SPF Doctorが確認を続け、反映されたらお知らせします。');
    mounted.update({ watchNotice: { status: 'failed', reason: 'not-allowed' }, lang: 'en' });
    expect(mounted.q('[data-watch-status="failed"]').textContent).toBe('The watch could not start (not allowed from this page).');
    mounted.update({ watchNotice: { status: 'failed', reason: 'no-answer', detail: 'Extension context invalidated.' } });
    expect(mounted.q('[data-watch-status="failed"]').textContent).toBe('The watch could not start (no answer from the extension: Extension context invalidated.).');
  });
});
