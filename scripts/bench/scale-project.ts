/**
 * `node scripts/bench/scale-project.ts --protocols N --out DIR [--seed S]`: makes DIR a buildable
 * copy of the project whose `content/` is N generated protocols (`scripts/gen`), the way
 * `npm run bench` makes its archive (`createArchiveProject`: own caches, the repository's
 * node_modules). Then build it and run the scale checks on it (README, "Benchmarks"):
 *   (cd DIR && npm run build)
 *   E2E_SCALE=1 E2E_ROOT=DIR npx vitest run --config vitest.e2e.config.ts test/e2e/scale.test.ts
 * Fails when DIR exists (remove it first: a stale copy would test old code).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fail, integerFlag, parseCli } from '../cli-args.ts';
import { generateArchive, GENERATOR_VERSION } from '../gen/generate.ts';
import { validateArchive, writeArchive } from '../gen/write.ts';
import { createArchiveProject } from './projects.ts';

const usage = 'Usage: node scripts/bench/scale-project.ts --protocols N --out DIR [--seed S]';
const values = parseCli(usage, { protocols: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string', default: '1' } });
const protocols = integerFlag('protocols', values.protocols, usage, { positive: true });
const seed = integerFlag('seed', values.seed, usage);
if (!values.out) fail(`--out is missing. ${usage}`);
const root = resolve(values.out);
if (existsSync(root)) fail(`${root} exists. Fix: remove it (rm -r ${root}) or choose another --out.`);

const archive = generateArchive({ protocols, seed });
const problems = validateArchive(archive);
if (problems.length > 0) fail(`Generated data fails src/lib/model/schema.ts:\n${problems.slice(0, 20).join('\n')}\nFix: update scripts/gen/generate.ts.`);
createArchiveProject(root);
writeArchive(archive, join(root, 'content'), { generator: `om-gen ${GENERATOR_VERSION}`, protocols, seed });
console.log(`${root}: project with ${protocols} generated protocols (seed ${seed}). Next: (cd ${root} && nice -n 10 npm run build)`);
