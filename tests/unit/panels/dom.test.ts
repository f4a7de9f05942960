import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseOption, headingBefore, selectedText, setNativeValue, waitFor } from '../../../lib/panels/dom';
import { findField } from '../../../lib/panels/form';

let windows: Window[] = [];
function page(html: string): Document {
  const window = new Window({ url: 'https://example.test/' });
  windows.push(window);
  window.document.body.innerHTML = html;
  return window.document as unknown as Document;
}
afterEach(async () => {
  await Promise.all(windows.map((w) => w.happyDOM.close()));
  windows = [];
});

describe('setNativeValue', () => {
  it('goes around an instance-level value override (React\'s tracker) and fires bubbling input and change', () => {
    const doc = page('<form><input id="i"><textarea id="t"></textarea><select id="s"><option value="a">A</option><option value="b">B</option></select></form>');
    const events: string[] = [];
    doc.querySelector('form')!.addEventListener('input', (e) => events.push(`input:${(e.target as HTMLElement).id}`));
    doc.querySelector('form')!.addEventListener('change', (e) => events.push(`change:${(e.target as HTMLElement).id}`));
    const input = doc.getElementById('i') as HTMLInputElement;
    let tracked = '';
    const proto = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value')!;
    Object.defineProperty(input, 'value', {
      configurable: true,
      get() {
        return proto.get!.call(this);
      },
      set(v: string) {
        tracked = v;
        proto.set!.call(this, v);
      },
    });

    setNativeValue(input, 'hello');
    expect(input.value).toBe('hello');
    expect(tracked).toBe(''); // the override was not used, so React would see a change
    setNativeValue(doc.getElementById('t') as HTMLTextAreaElement, 'multi\nline');
    setNativeValue(doc.getElementById('s') as HTMLSelectElement, 'b');
    expect((doc.getElementById('s') as HTMLSelectElement).value).toBe('b');
    expect(events).toEqual(['input:i', 'change:i', 'input:t', 'change:t', 'input:s', 'change:s']);
  });

  it('chooses options by value, else by label, and leaves the select alone when none matches', () => {
    const doc = page('<select><option value="20">A</option><option value="50">TXT</option><option value="40">MX</option></select>');
    const select = doc.querySelector('select')!;
    expect(chooseOption(select, { values: ['50'] })?.value).toBe('50');
    expect(chooseOption(select, { labels: ['MX'] })?.value).toBe('40');
    expect(chooseOption(select, { values: ['99'], labels: ['SRV'] })).toBeNull();
    expect(selectedText(select)).toBe('MX');
  });
});

describe('lookup helpers', () => {
  it('headingBefore finds a section heading and stops at the previous table', () => {
    const doc = page(`
      <section><h3>A (Host)</h3><table id="a"><tr><td>x</td></tr></table></section>
      <section><div><h3>TXT (Text)</h3><p>Describe</p></div><div><table id="txt"><tr><td>x</td></tr></table></div></section>
      <section><table id="orphan"><tr><td>x</td></tr></table></section>`);
    const type = (id: string): string | null => headingBefore(doc.getElementById(id)!, (t) => (/^(A|TXT)\b/.exec(t)?.[1] ?? null));
    expect(type('a')).toBe('A');
    expect(type('txt')).toBe('TXT');
    expect(type('orphan')).toBeNull();
  });

  it('findField: name=, then hook, then label, then column', () => {
    const doc = page(`<table><tr>
      <td><input aria-label="Host Name"></td>
      <td><div data-hook="x--value--edit"><input></div></td>
      <td><input name="ttlInput"></td>
      <td><input></td></tr></table>`);
    const row = doc.querySelector('tr')!;
    const inputs = Array.from(row.querySelectorAll('input'));
    expect(findField(row, { kind: 'text', names: ['ttlInput'], labels: ['Host Name'] })).toBe(inputs[2]);
    expect(findField(row, { kind: 'text', hooks: [/value--edit/] })).toBe(inputs[1]);
    expect(findField(row, { kind: 'text', labels: ['Host Name'] })).toBe(inputs[0]);
    expect(findField(row, { kind: 'text', column: 3 })).toBe(inputs[3]);
    expect(findField(row, { kind: 'text', labels: ['Priority'] })).toBeNull();
    expect(findField(row, { kind: 'select', column: 0 })).toBeNull();
  });
});

describe('waitFor', () => {
  it('resolves on the mutation that makes the probe true, or null at the timeout', async () => {
    const doc = page('<div id="root"></div>');
    const found = waitFor(doc, () => doc.querySelector('.late'), 2000);
    const late = doc.createElement('p');
    late.className = 'late';
    doc.defaultView!.setTimeout(() => doc.getElementById('root')!.appendChild(late), 10);
    expect(await found).toBe(late);
    expect(await waitFor(doc, () => doc.querySelector('.never'), 50)).toBeNull();
  });
});
