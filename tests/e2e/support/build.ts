// Builds the extension the way a user gets it (`npm run build`: Chrome MV3 and Firefox MV3 outputs), so
// the end-to-end tests load exactly the shipped manifest and bundles.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR, CHROME_EXTENSION_DIR, FIREFOX_EXTENSION_DIR, ROOT } from './paths';

export interface BuildResult {
  ms: number;
  logFile: string;
}

/** Runs `npm run build` in the repository; rejects with the end of the log when it fails. */
export async function buildExtension(options: { quiet?: boolean } = {}): Promise<BuildResult> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const logFile = join(ARTIFACTS_DIR, 'e2e-build.log');
  const started = performance.now();
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build'], { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!options.quiet) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('close', (exitCode) => resolve({ code: exitCode ?? 1, output }));
  });
  writeFileSync(logFile, output);
  if (code !== 0) throw new Error(`npm run build failed (exit ${code}); log in ${logFile}:\n${output.split('\n').slice(-30).join('\n')}`);
  for (const dir of [CHROME_EXTENSION_DIR, FIREFOX_EXTENSION_DIR]) {
    if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`npm run build succeeded but wrote no ${join(dir, 'manifest.json')}`);
  }
  return { ms: performance.now() - started, logFile };
}

export interface ContentScriptEntry {
  matches: string[];
  js?: string[];
}

/** The content_scripts of a built manifest (empty when the build has none yet). */
export function builtContentScripts(extensionDir: string): ContentScriptEntry[] {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as { content_scripts?: ContentScriptEntry[] };
  return manifest.content_scripts ?? [];
}
