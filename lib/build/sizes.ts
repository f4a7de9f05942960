// What each built file of an extension output weighs (gzip -9), read from its manifest: content scripts,
// background, the overlay modules the content scripts load, the fill modules and the details module the
// overlays load (web_accessible_resources *-overlay.js, *-fill.js, details.js).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BuiltFile {
  kind: 'content-script' | 'background' | 'overlay-module' | 'fill-module' | 'details-module';
  file: string;
  raw: number;
  gzip: number;
}

interface Manifest {
  content_scripts?: { js?: string[] }[];
  background?: { service_worker?: string; scripts?: string[] };
  web_accessible_resources?: { resources: string[] }[];
}

export function builtSizes(outputDir: string): BuiltFile[] {
  const manifest = JSON.parse(readFileSync(join(outputDir, 'manifest.json'), 'utf8')) as Manifest;
  const files: { kind: BuiltFile['kind']; file: string }[] = [
    ...(manifest.content_scripts ?? []).flatMap((script) => (script.js ?? []).map((file) => ({ kind: 'content-script' as const, file }))),
    ...[manifest.background?.service_worker, ...(manifest.background?.scripts ?? [])].filter((file): file is string => !!file).map((file) => ({ kind: 'background' as const, file })),
    ...(manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources.filter((file) => file.endsWith('-overlay.js')).map((file) => ({ kind: 'overlay-module' as const, file }))),
    ...(manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources.filter((file) => file.endsWith('-fill.js')).map((file) => ({ kind: 'fill-module' as const, file }))),
    // Shared by both panels' entries: counted once.
    ...[...new Set((manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources.filter((file) => file === 'details.js')))].map((file) => ({ kind: 'details-module' as const, file })),
  ];
  return files.map(({ kind, file }) => {
    const bytes = readFileSync(join(outputDir, file));
    return { kind, file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
