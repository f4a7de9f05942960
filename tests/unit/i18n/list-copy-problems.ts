// Lists what the catalogs break of the copy rules, one line each: `npx tsx tests/unit/i18n/list-copy-problems.ts`.
import en from '../../../public/_locales/en/messages.json';
import ja from '../../../public/_locales/ja/messages.json';
import { installCatalog } from '../../../lib/i18n';
import { enProblems, jaProblems } from './copy-rules';

installCatalog('en', en);
for (const [key, { message }] of Object.entries(ja as Record<string, { message: string }>)) for (const p of jaProblems(key, message)) console.log(`ja ${key}: ${p}`);
for (const key of Object.keys(en)) for (const p of enProblems(en, key)) console.log(`en ${key}: ${p}`);
