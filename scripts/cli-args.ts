/**
 * The command-line handling `npm run gen` and `npm run bench` share: parse the flags
 * (`node:util` `parseArgs`), answer `--help` with the usage line, and fail with a message
 * that names the flag and repeats the usage.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** Prints `message` to stderr and exits with status 1. */
export function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/**
 * Parses `process.argv` with `options` plus `--help`/`-h`; on `--help` prints `usage` and exits 0.
 * `allowNegative` accepts `--no-<flag>` for boolean flags.
 * @example parseCli('Usage: …', { seed: { type: 'string', default: '1' } }).seed // => '1'
 */
export function parseCli<const T extends ParseArgsOptionsConfig>(usage: string, options: T, allowNegative = false) {
  const { values } = parseArgs({ options: { ...options, help: { type: 'boolean', short: 'h' } }, allowNegative });
  // `help` is one of the options, but TypeScript cannot see it through the generic `T`.
  if ((values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return values;
}

/**
 * The integer value of flag `--<name>`, or a `fail` naming it: `positive` asks for 1 or more.
 * @example integerFlag('runs', '3', usage, { positive: true }) // => 3
 */
export function integerFlag(name: string, value: string | undefined, usage: string, { positive = false } = {}): number {
  const number = Number(value);
  if (!Number.isInteger(number) || (positive && number < 1)) fail(`--${name}: "${value ?? ''}" is not a ${positive ? 'positive ' : ''}integer. ${usage}`);
  return number;
}

/**
 * For commands whose `main(argv)` returns its exit code instead of exiting (so tests can call
 * it): parses `argv` with `options` plus `--help`/`-h`. Returns the values, or the exit code to
 * return at once: 0 after printing `usage` for `--help`, 2 after printing the parse error and
 * `usage` (an unknown flag, a missing value).
 * @example parseCommand(['--strict'], usage, { strict: { type: 'boolean', default: false } }).strict // => true
 */
export function parseCommand<const T extends ParseArgsOptionsConfig>(argv: string[], usage: string, options: T, log = console.log, error = console.error) {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h', default: false } } }));
  } catch (e) {
    error(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  // `help` is one of the options, but TypeScript cannot see it through the generic `T`.
  if ((values as { help?: boolean }).help) {
    log(usage);
    return 0;
  }
  return values;
}
