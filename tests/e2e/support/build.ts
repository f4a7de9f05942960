// Packages the extension the way a user gets it (`npm run zip`: the Chrome zip, the Firefox zip and the
// sources zip), then unpacks the Chrome zip, so the end-to-end tests load exactly the shipped packages.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS_DIR, CHROME_EXTENSION_DIR, CHROME_ZIP, FIREFOX_ZIP, ROOT, SOURCES_ZIP } from './paths';

export interface BuildResult {
  ms: number;
  logFile: string;
}

/** The environment for a production build: without the NODE_ENV=test Vitest sets for itself. */
export function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0' };
  delete env.NODE_ENV;
  return env;
}

/** Runs `npm run zip` in the repository and unpacks the Chrome zip; rejects with the end of the log when it fails. */
export async function buildExtension(options: { quiet?: boolean } = {}): Promise<BuildResult> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const logFile = join(ARTIFACTS_DIR, 'e2e-build.log');
  const started = performance.now();
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve, reject) => {
    const child = spawn('npm', ['run', 'zip'], { cwd: ROOT, env: buildEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
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
  if (code !== 0) throw new Error(`npm run zip failed (exit ${code}); log in ${logFile}:\n${output.split('\n').slice(-30).join('\n')}`);
  unpackZips();
  return { ms: performance.now() - started, logFile };
}

/** Checks the three zips exist and unpacks the Chrome one into CHROME_EXTENSION_DIR (emptied first). */
export function unpackZips(): void {
  for (const zip of [CHROME_ZIP, FIREFOX_ZIP, SOURCES_ZIP]) {
    if (!existsSync(zip)) throw new Error(`${zip} is missing: run npm run zip`);
  }
  unzipTo(CHROME_ZIP, CHROME_EXTENSION_DIR);
}

/** Unpacks `zip` into `dir` (emptied first), with Debian's unzip (.ci/install-system-deps.sh). */
export function unzipTo(zip: string, dir: string, options: { extension?: boolean } = {}): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('unzip', ['-q', '-o', zip, '-d', dir]);
  if (options.extension !== false && !existsSync(join(dir, 'manifest.json'))) throw new Error(`${zip} has no manifest.json`);
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
