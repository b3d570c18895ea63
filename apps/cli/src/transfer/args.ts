import { parseArgs, type ParseArgsConfig } from 'node:util';

/** sysexits.h: what the command line, the input file, or a named user gets wrong. */
export const EX_USAGE = 64;
export const EX_DATAERR = 65;
export const EX_NOINPUT = 66;
export const EX_NOUSER = 67;

export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface CommandArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * A command's options and up to `positionals` arguments, by node's own parser; a
 * mistake is a UsageError with node's wording, and `--help` answers undefined.
 */
export function commandArgs(args: readonly string[], options: Options, positionals: number): CommandArgs | undefined {
  let parsed: CommandArgs;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (parsed.values.help) return undefined;
  if (parsed.positionals.length > positionals) {
    throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`);
  }
  return parsed;
}
