// A small, strict argument reader for the command-line tools: unknown flags and missing values are errors.

export class UsageError extends Error {}

export interface FlagSpec {
  /** Flags that take a value; `repeat` collects every occurrence. */
  values: Record<string, { repeat?: boolean }>;
  booleans: string[];
}

export interface ParsedArgs {
  positional: string[];
  values: Record<string, string[]>;
  booleans: Set<string>;
}

export function parseArgs(argv: string[], spec: FlagSpec): ParsedArgs {
  const parsed: ParsedArgs = { positional: [], values: {}, booleans: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      parsed.positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const name = flag.slice(2);
    if (spec.booleans.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      parsed.booleans.add(name);
      continue;
    }
    const valueSpec = spec.values[name];
    if (!valueSpec) throw new UsageError(`unknown option --${name}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
    const list = (parsed.values[name] ??= []);
    if (list.length > 0 && !valueSpec.repeat) throw new UsageError(`--${name} given more than once`);
    list.push(value);
  }
  return parsed;
}
