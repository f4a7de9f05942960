// @vitest-environment happy-dom
// Keyboard entry into the overlay (issue #10 item 3): the first stop, the focus request from the
// shortcut or the skip control, and Escape returning focus where the user was.
import { describe, expect, it } from 'vitest';
import { FocusReturn, entryTarget } from '../../../components/overlay/focus';
import { wixSpfMerge } from '../../fixtures/diagnoses/wix-merge';
import { wixNoSpf } from '../../fixtures/diagnoses/wix-seed';
import { doneView, key, mountPerTest } from './render';

const show = mountPerTest();

function pageButton(label: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.textContent = label;
  document.body.prepend(button);
  return button;
}

describe('entryTarget', () => {
  it('prefers the primary action over earlier controls', () => {
    const panel = document.createElement('section');
    panel.innerHTML = '<button data-action="recheck">a</button><button data-primary-action="fill">b</button>';
    expect(entryTarget(panel)?.dataset.primaryAction).toBe('fill');
  });

  it('falls back to the first reachable control, skipping disabled, hidden and tabindex -1 ones', () => {
    const panel = document.createElement('section');
    panel.innerHTML =
      '<button disabled>a</button><div hidden><button>b</button></div><span tabindex="-1">c</span><button data-primary-action="fill" disabled>d</button><a href="#x">e</a>';
    expect(entryTarget(panel)?.textContent).toBe('e');
  });

  it('without a mark, takes the first fix card’s first control before the header’s', () => {
    const panel = document.createElement('section');
    panel.innerHTML = '<header><button>recheck</button></header><section class="fixes"><button data-action="copy">copy</button></section>';
    expect(entryTarget(panel)?.dataset.action).toBe('copy');
  });

  it('is null for a panel without controls', () => {
    const panel = document.createElement('section');
    panel.innerHTML = '<p>text</p>';
    expect(entryTarget(panel)).toBeNull();
  });
});

describe('FocusReturn', () => {
  it('returns to the element focus came from, once', () => {
    const inside = document.createElement('div');
    const outside = pageButton('page');
    document.body.append(inside);
    const focusReturn = new FocusReturn((node) => inside.contains(node));
    focusReturn.entered(outside);
    expect(focusReturn.restore()).toBe(true);
    expect(document.activeElement).toBe(outside);
    expect(focusReturn.restore()).toBe(false);
  });

  it('ignores moves inside the overlay and forgets an origin that left the page', () => {
    const inside = document.createElement('div');
    const own = document.createElement('button');
    inside.append(own);
    document.body.append(inside);
    const focusReturn = new FocusReturn((node) => inside.contains(node));
    const outside = pageButton('page');
    focusReturn.entered(outside);
    focusReturn.entered(own);
    outside.remove();
    expect(focusReturn.restore()).toBe(false);
  });

  it('a request from the page body leaves nothing to return to', () => {
    const focusReturn = new FocusReturn(() => false);
    focusReturn.entered(pageButton('earlier'));
    focusReturn.requested(document.body);
    expect(focusReturn.restore()).toBe(false);
  });
});

describe('the overlay under the keyboard', () => {
  it('a focus request expands a collapsed overlay and focuses its first control', () => {
    const m = show({ view: doneView(wixNoSpf), initiallyCollapsed: true });
    expect(m.q('#spf-doctor-panel').hidden).toBe(true);
    m.update({ focusRequest: 1 });
    expect(m.q('#spf-doctor-panel').hidden).toBe(false);
    expect(document.activeElement).toBe(entryTarget(m.q('#spf-doctor-panel')));
    expect(m.q('#spf-doctor-panel').contains(document.activeElement)).toBe(true);
  });

  it('a focus request lands on the primary action when the fix card marks one', () => {
    const m = show({ view: doneView(wixSpfMerge) });
    // The layout work marks the primary Fill; until a card carries the mark, mark the first Apply here.
    m.q('[data-action="apply"]').setAttribute('data-primary-action', 'fill');
    m.update({ focusRequest: 1 });
    expect(document.activeElement).toBe(m.q('[data-primary-action]'));
  });

  it('Escape after a focus request returns focus to the page element that had it', () => {
    const m = show({ view: doneView(wixNoSpf) });
    const before = pageButton('page control');
    before.focus();
    m.update({ focusRequest: 1 });
    expect(document.activeElement).not.toBe(before);
    key(document.activeElement!, 'Escape');
    expect(m.q('#spf-doctor-panel').hidden).toBe(true);
    expect(document.activeElement).toBe(before);
  });

  it('Escape after tabbing in returns to where the Tab came from (focusin relatedTarget)', () => {
    const m = show({ view: doneView(wixNoSpf) });
    const before = pageButton('page control');
    const copy = m.q('[data-action="copy"]');
    copy.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true, relatedTarget: before }));
    copy.focus();
    key(copy, 'Escape');
    expect(document.activeElement).toBe(before);
  });

  it('Escape falls back to the pill when the earlier element is gone', () => {
    const m = show({ view: doneView(wixNoSpf) });
    const before = pageButton('page control');
    before.focus();
    m.update({ focusRequest: 1 });
    before.remove();
    key(document.activeElement!, 'Escape');
    expect(document.activeElement).toBe(m.q('[data-action="expand"]'));
  });

  it('a scripted Escape (isTrusted false) does nothing', () => {
    const m = show({ view: doneView(wixNoSpf) });
    m.q('[data-action="copy"]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(m.q('#spf-doctor-panel').hidden).toBe(false);
  });

  it('the same request number twice focuses once (re-renders do not steal focus)', () => {
    const m = show({ view: doneView(wixNoSpf) });
    m.update({ focusRequest: 1 });
    const elsewhere = pageButton('page control');
    elsewhere.focus();
    m.update({ focusRequest: 1, recheckSeconds: 30 });
    expect(document.activeElement).toBe(elsewhere);
  });
});
