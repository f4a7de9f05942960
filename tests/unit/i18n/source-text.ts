// Reads TypeScript sources as code without comments (strings and regular expressions kept), so a test can
// look for words in what runs, not in what explains it. Line numbers stay as in the file.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(root, relative);
    return /\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

/** Characters after which a "/" starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set(['', '(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);

/** The source with every comment blanked (newlines kept). */
export function withoutComments(source: string): string {
  let out = '';
  let last = '';
  let word = '';
  let i = 0;
  const copyQuoted = (end: string): void => {
    out += source[i++];
    while (i < source.length && source[i] !== end) {
      if (source[i] === '\\') out += source[i++];
      out += source[i++] ?? '';
    }
    out += source[i++] ?? '';
  };
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      copyQuoted(c);
      last = c;
    } else if (c === '/' && (BEFORE_REGEX.has(last) || word === 'return')) {
      let inClass = false;
      out += source[i++];
      while (i < source.length && (inClass || source[i] !== '/') && source[i] !== '\n') {
        if (source[i] === '\\') out += source[i++];
        else if (source[i] === '[') inClass = true;
        else if (source[i] === ']') inClass = false;
        out += source[i++] ?? '';
      }
      out += source[i++] ?? '';
      last = '/';
    } else {
      out += c;
      i++;
      if (/\s/.test(c)) continue;
      word = /[A-Za-z0-9_$]/.test(c) ? (/[A-Za-z0-9_$]/.test(last) ? word + c : c) : '';
      last = c;
    }
  }
  return out;
}

export function readCode(root: string, file: string): string {
  return withoutComments(readFileSync(path.join(root, file), 'utf8'));
}
