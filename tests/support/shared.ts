// Locates ../shared (the OpenSPF suites and the panel captures) relative to the repository root.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = path.resolve(repoRoot, '../shared');
export const spfSuiteDir = path.join(sharedDir, 'spf-tests');
export const hasSpfSuites = existsSync(path.join(spfSuiteDir, 'rfc7208-tests.yml'));
