// The panel adapters (lib/panels) bundled as one classic script that puts them on window.__spfPanels, so
// a test can run them directly in a browser page against a framework-rendered panel, without the
// extension around them (to reach paths the overlay's fixes do not take, such as a TTL choice).
import { build } from 'esbuild';
import { join } from 'node:path';
import { ROOT } from './paths';

let cached: Promise<string> | null = null;

export function adaptersScript(): Promise<string> {
  cached ??= build({
    stdin: {
      contents: `export { wixAdapter, onamaeAdapter } from './lib/panels/index';`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    globalName: '__spfPanels',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return cached;
}
