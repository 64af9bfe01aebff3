/**
 * `npm run gen -- --protocols N --out DIR [--seed S]`: writes N synthetic
 * protocols and their registries to DIR (protocols/, people/, organisations/,
 * committees/, topics/, matters/, sources/), for benchmarks (`npm run bench`) and tests.
 * Point a copy of the site at DIR as its `content/` to build it.
 */
import { fail, integerFlag, parseCli } from '../cli-args.ts';
import { generateArchive, GENERATOR_VERSION } from './generate.ts';
import { validateArchive, writeArchive } from './write.ts';

const usage = 'Usage: npm run gen -- --protocols N --out DIR [--seed S]';

const values = parseCli(usage, {
  protocols: { type: 'string' },
  out: { type: 'string' },
  seed: { type: 'string', default: '1' },
});
const protocols = integerFlag('protocols', values.protocols, usage, { positive: true });
const seed = integerFlag('seed', values.seed, usage);
if (!values.out) fail(`--out is missing. ${usage}`);

const started = performance.now();
const archive = generateArchive({ protocols, seed });
const problems = validateArchive(archive);
if (problems.length > 0) {
  fail(`The generated archive does not pass src/lib/model/schema.ts (${problems.length} problems):\n${problems.slice(0, 20).map((p) => `  ${p}`).join('\n')}\nFix: teach scripts/gen/generate.ts the changed field.`);
}
try {
  writeArchive(archive, values.out, { generator: `om-gen ${GENERATOR_VERSION}`, protocols, seed });
} catch (error) {
  fail((error as Error).message);
}
const resolutions = archive.protocols.reduce((sum, p) => sum + (p.mdx.match(/<Resolution /g)?.length ?? 0), 0);
console.log(
  `${values.out}: ${protocols} protocols (${resolutions} resolutions), ${archive.people.size} people, ` +
    `${archive.organisations.size} organisations, ${archive.committees.size} committees, ${archive.topics.size} topics, ${archive.matters.size} matters ` +
    `(seed ${seed}, ${((performance.now() - started) / 1000).toFixed(1)} s)`,
);
