// The panel's own Save, pressed after a Fill, starts a watch: once, and only for the user's own click.
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { armSaveWatch } from '../../../lib/content/save-watch';

function page(): { doc: Document; save: HTMLElement; cancel: HTMLElement } {
  const window = new Window();
  const doc = window.document as unknown as Document;
  doc.body.innerHTML = '<div><button id="cancel">Cancel</button><button id="save"><span>Save</span></button></div>';
  return { doc, save: doc.getElementById('save')!, cancel: doc.getElementById('cancel')! };
}

const always = { trusted: () => true };

describe('armSaveWatch', () => {
  it('fires once on a click on the Save button (or inside it), not on other buttons', () => {
    const { doc, save, cancel } = page();
    let saves = 0;
    armSaveWatch(doc, save, 'Save', () => saves++, always);
    cancel.click();
    expect(saves).toBe(0);
    (save.firstElementChild as HTMLElement).click();
    save.click();
    expect(saves).toBe(1);
  });

  it('follows a re-rendered Save button by its label', () => {
    const { doc, save } = page();
    let saves = 0;
    armSaveWatch(doc, save, 'Save', () => saves++, always);
    save.remove();
    doc.body.insertAdjacentHTML('beforeend', '<button id="again">Save</button>');
    doc.getElementById('again')!.click();
    expect(saves).toBe(1);
  });

  it('ignores a click a page script synthesized (not trusted), and nothing after disarm', () => {
    const { doc, save } = page();
    let saves = 0;
    const disarm = armSaveWatch(doc, save, 'Save', () => saves++);
    save.click();
    expect(saves).toBe(0);
    disarm();
    const second = armSaveWatch(doc, save, 'Save', () => saves++, always);
    second();
    save.click();
    expect(saves).toBe(0);
  });
});
