/**
 * `npm run check:publish [-- --strict] [--root DIR]`: run after `npm run build`, before the upload.
 * Fails (exit 1) listing each problem with file and field when the build must not go online: no or
 * a local public base URL, a `dist/` built for another address, "[noch festzulegen: …]" placeholders,
 * a broken permanent link, contact data in `dist/`; unreviewed protocols are warnings, errors with
 * `--strict`. The checks are `src/lib/checks/publish.ts`; the base URL is `siteUrl()` of the
 * project's src/site-config.ts (`SITE` overrides `publicUrl`), as the build read it.
 */
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseCommand } from './cli-args.ts';
import { formatProblem, publishProblems } from '../src/lib/checks/publish.ts';

const USAGE = 'Usage: npm run check:publish [-- --strict] [--root DIR]';

/** Runs the check on `argv` (without `node check-publish.ts`); resolves to the exit code (0 publishable, 1 problems, 2 usage). */
export async function main(argv: string[], log = console.log, error = console.error): Promise<number> {
  const values = parseCommand(argv, USAGE, { strict: { type: 'boolean', default: false }, root: { type: 'string', default: '.' } }, log, error);
  if (typeof values === 'number') return values;
  const root = resolve(values.root!);
  // The project's own configuration, as its build read it (a project copy has its own).
  const { siteConfig, siteUrl } = (await import(pathToFileURL(join(root, 'src/site-config.ts')).href)) as typeof import('../src/site-config.ts');
  let site: string | undefined;
  try {
    site = siteUrl();
  } catch (e) {
    error(`error: ${(e as Error).message}`);
    return 1;
  }
  const problems = await publishProblems({ root, config: siteConfig, site, siteFromEnv: Boolean(process.env.SITE?.trim()), strict: values.strict! });
  const errors = problems.filter((p) => p.level === 'error').length;
  const warnings = problems.length - errors;
  for (const problem of problems) (problem.level === 'error' ? error : log)(formatProblem(problem));
  const counts = `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
  if (errors) {
    error(`check:publish: ${counts}: do not publish this build.`);
    return 1;
  }
  log(`check:publish: ${counts}: dist/ can be published at ${site}.`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(await main(process.argv.slice(2)));
