// Renders the toolbar/store icons from the SVG sources in assets/icon/ (icon.svg: the 128 px design, also
// used for 48; icon-small.svg: a simplified drawing for 16 and 32). wxt.config.ts calls renderIcons() in
// its build:publicAssets hook, so the PNGs are never hand-exported or committed.
// `npx tsx bin/icons.ts [dir]` writes them to a folder to look at (default artifacts/icons).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

export const ICON_SIZES = [16, 32, 48, 128] as const;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIR = join(ROOT, 'assets', 'icon');

/** The manifest path of the icon at one size (same in `icons` and `action.default_icon`). */
export const iconPath = (size: number): string => `icon/${size}.png`;

/** `{ "16": "icon/16.png", ... }` for the manifest. */
export function manifestIcons(): Record<string, string> {
  return Object.fromEntries(ICON_SIZES.map((size) => [String(size), iconPath(size)]));
}

export function sourceFor(size: number): string {
  return join(SOURCE_DIR, size <= 32 ? 'icon-small.svg' : 'icon.svg');
}

/** PNG bytes of the icon at `size` px square. */
export function renderIcon(size: number): Buffer {
  const svg = readFileSync(sourceFor(size), 'utf8');
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** Writes `<outDir>/icon/<size>.png` for every size; returns the files written, relative to outDir. */
export function renderIcons(outDir: string): string[] {
  mkdirSync(join(outDir, 'icon'), { recursive: true });
  return ICON_SIZES.map((size) => {
    const relative = iconPath(size);
    writeFileSync(join(outDir, relative), renderIcon(size));
    return relative;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = resolve(process.argv[2] ?? join(ROOT, 'artifacts', 'icons'));
  for (const file of renderIcons(outDir)) console.log(join(outDir, file));
}
