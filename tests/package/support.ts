// Helpers for the package checks: the zips unpacked once per run, the README's permissions table read
// as data, and a PNG's size read from its header.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipTo } from '../e2e/support/build';
import { ROOT, SOURCES_ZIP } from '../e2e/support/paths';

export { CHROME_ZIP, FIREFOX_ZIP, ROOT, SOURCES_ZIP } from '../e2e/support/paths';
export { buildEnv } from '../e2e/support/build';

export const UNPACK_DIR = join(ROOT, '.output', 'unpacked');

/** Unpacks a zip under .output/unpacked/<name>/ and returns that folder. */
export function unpack(zip: string, name: string): string {
  const dir = join(UNPACK_DIR, name);
  unzipTo(zip, dir, { extension: zip !== SOURCES_ZIP });
  return dir;
}

export type Manifest = Record<string, any>;

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/** The manifest places that grant something, each as a sorted list of its entries. */
export function grantedBy(manifest: Manifest): Record<string, string[]> {
  const sorted = (values: unknown): string[] => (Array.isArray(values) ? values.map(String).sort() : []);
  const dataCollection = manifest.browser_specific_settings?.gecko?.data_collection_permissions ?? {};
  const granted: Record<string, string[]> = {
    permissions: sorted(manifest.permissions),
    optional_permissions: sorted(manifest.optional_permissions),
    host_permissions: sorted(manifest.host_permissions),
    optional_host_permissions: sorted(manifest.optional_host_permissions),
    content_scripts: sorted([...new Set((manifest.content_scripts ?? []).flatMap((entry: { matches?: string[] }) => entry.matches ?? []))]),
    'data_collection_permissions.required': sorted(dataCollection.required),
    'data_collection_permissions.optional': sorted(dataCollection.optional),
  };
  return granted;
}

export interface PermissionRow {
  value: string;
  key: string;
  /** Rows whose key starts with "Firefox " or "Chrome " apply to that browser's manifest only. */
  browser: 'chrome' | 'firefox' | null;
}

/** The README's "Permissions, and why" table, one row per permission. */
export function readmePermissions(readme = readFileSync(join(ROOT, 'README.md'), 'utf8')): PermissionRow[] {
  const start = readme.indexOf('## Permissions, and why');
  if (start < 0) throw new Error('README.md has no "## Permissions, and why" section');
  const section = readme.slice(start, readme.indexOf('\n## ', start + 1));
  const rows = section.split('\n').filter((line) => line.startsWith('|')).slice(2);
  if (rows.length === 0) throw new Error('README.md: the permissions table has no rows');
  return rows.map((line) => {
    const [valueCell = '', keyCell = ''] = line.split('|').slice(1).map((cell) => cell.trim());
    const value = /^`([^`]+)`$/.exec(valueCell)?.[1];
    if (!value) throw new Error(`README.md permissions row: the first cell must be one \`permission\`: ${line}`);
    const browser = /^(Chrome|Firefox) /.exec(keyCell)?.[1]?.toLowerCase() as PermissionRow['browser'] | undefined;
    const key = keyCell.replace(/^(Chrome|Firefox) /, '').replace(/`/g, '').trim();
    return { value, key, browser: browser ?? null };
  });
}

/** What the README's table says one browser's manifest grants, in grantedBy()'s shape. */
export function readmeGrants(rows: PermissionRow[], browser: 'chrome' | 'firefox'): Record<string, string[]> {
  const grants: Record<string, string[]> = {};
  for (const row of rows) {
    if (row.browser && row.browser !== browser) continue;
    (grants[row.key] ??= []).push(row.value);
  }
  for (const key of Object.keys(grants)) grants[key]!.sort();
  return grants;
}

/** Width and height from a PNG's IHDR chunk (throws when the bytes are not a PNG). */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(signature) || bytes.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
