// Copying a fix's value: the async Clipboard API first, then the old select-and-copy inside our own
// shadow root (pages and browsers that deny clipboard-write still allow a user-initiated execCommand).

export async function copyText(text: string, root: ShadowRoot | HTMLElement): Promise<boolean> {
  try {
    const clipboard = globalThis.navigator?.clipboard;
    if (clipboard?.writeText) {
      await clipboard.writeText(text);
      return true;
    }
  } catch {
    // Denied or unavailable: fall through to the fallback.
  }
  const doc = root.ownerDocument ?? document;
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.top = '0';
  area.style.left = '-10000px';
  root.appendChild(area);
  try {
    area.select();
    return typeof doc.execCommand === 'function' && doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
