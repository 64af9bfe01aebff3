/**
 * `npm run bench -- --protocols N [--seed S] [--runs R] [--keep]`: what the
 * archive costs on N generated protocols, against the floor of its stack.
 *
 * 1. generates N protocols (`scripts/gen`) into a temporary copy of the project, and times
 *    `npm run import -- --dry-run` of one text protocol (`importSeconds`, any N; `scripts/bench/import.ts`);
 * 2. builds it cold (`astro build`, own caches), indexes it with Pagefind the way
 *    the project's build script does (else `pagefind --site dist`);
 * 3. builds the floor: a bare Astro + MDX site rendering the same MDX files, with
 *    the archive's unified + remark-gfm processor ("floor+unified": the floor of this
 *    stack, which mandates remark-gfm; the ratio is against it) and with Astro's default
 *    Markdown processor, Sätteri, which runs no remark plugins ("floor", shown for
 *    comparison; `--no-unified-floor` skips the unified one, the ratio then uses this);
 * 4. rebuilds the archive warm twice, dist/, caches and data store kept (the protocols' loader
 *    renders only what changed, src/lib/text/protocol-loader.ts, and the incremental build keeps
 *    every output whose key is unchanged, src/lib/views/incremental.ts): after one protocol edited,
 *    then after one new protocol with a new person (`scripts/bench/warm.ts`; `warmSeconds`, the
 *    office's wait, target ≤ 10 s);
 * 5. measures search transfer in headless Chromium and a meeting page's gzip weight;
 * 6. prints a table and, as the last line, one JSON object.
 * `--profile` adds one profiled archive build (`node --cpu-prof`) and its summary.
 * `npm run bench -- --hostile` measures instead the importer refusing each bomb of issue #22
 * (peak RSS and time per bomb, `scripts/bench/hostile.ts`), and `npm run bench -- --import [--runs R]`
 * only the import of one text protocol (step 1, `scripts/bench/import.ts`; seconds, no build).
 *
 * With `--runs R` the builds and indexing run R times; each time metric is the best run
 * (least disturbed by other work on the machine). Sizes: kB = 1000 bytes, MB = 10^6 bytes.
 * See BENCHMARKS.md for results and what dominates the cost.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fail, integerFlag, parseCli } from '../cli-args.ts';
import { generateArchive, GENERATOR_VERSION } from '../gen/generate.ts';
import { validateArchive, writeArchive } from '../gen/write.ts';
import { distStats, meetingPageWeight } from './dist.ts';
import { benchImport, benchImportOnly, IMPORT_TARGET_SECONDS } from './import.ts';
import { measure, type Measured } from './measure.ts';
import { printSummary } from './profile.ts';
import { addProtocol, editProtocol, NEW_PERSON } from './warm.ts';
import { cleanBuild, createArchiveProject, createFloorProject, repo } from './projects.ts';
import { FIRST_QUERY, FOLLOW_QUERY, measureSearch, type QueryCost } from './search.ts';

const usage = 'Usage: npm run bench -- --protocols N [--seed S] [--runs R] [--no-unified-floor] [--profile] [--keep] | --hostile | --import [--runs R]';

/**
 * The targets of issues #8, #14, #23 and #24 (at 2,000 protocols on a 2-core machine); `warmSeconds`: the
 * rebuild after one new protocol (issue #24, the office's wait); `importSeconds`: one text protocol.
 */
const targets = { ratio: 1, peakRssMB: 2000, warmSeconds: 10, firstQueryKB: 150, meetingPageKB: 30, importSeconds: IMPORT_TARGET_SECONDS };

// `--hostile`: the bombs of issue #22 instead of a generated archive (scripts/bench/hostile.ts).
if (process.argv.includes('--hostile')) {
  const { benchHostile } = await import('./hostile.ts');
  await benchHostile();
  process.exit(0);
}

// `--import`: only the import of one text protocol (scripts/bench/import.ts), no archive, no build.
if (process.argv.includes('--import')) {
  const only = parseCli(usage, { import: { type: 'boolean' }, runs: { type: 'string', default: '3' } });
  await benchImportOnly(integerFlag('runs', only.runs, usage, { positive: true }));
  process.exit(0);
}

const values = parseCli(
  usage,
  {
    protocols: { type: 'string' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '1' },
    'unified-floor': { type: 'boolean', default: true },
    profile: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
  true,
);
const protocols = integerFlag('protocols', values.protocols, usage, { positive: true });
const seed = integerFlag('seed', values.seed, usage);
const runs = integerFlag('runs', values.runs, usage, { positive: true });

const env = {
  ...process.env,
  PATH: `${join(repo, 'node_modules/.bin')}:${process.env.PATH}`,
  ASTRO_TELEMETRY_DISABLED: '1',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
};
const astro = join(repo, 'node_modules/astro/bin/astro.mjs');

/** The search indexing of the project's build scripts (`build:search`, or the Pagefind command in them, so its flags are measured), else the default. */
function pagefindCommand(projectRoot: string): string {
  const scripts: Record<string, string> = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')).scripts ?? {};
  if (scripts['build:search']) return scripts['build:search'];
  for (const name of ['build', 'postbuild', 'build:search', 'index', 'search:index']) {
    const match = /(?:npx\s+)?(pagefind\b[^&|;]*)/.exec(scripts[name] ?? '');
    if (match) return match[1].trim();
  }
  return 'pagefind --site dist';
}

/** Fails the benchmark with the tail of a failed command's output (and removes the temporary projects unless --keep). */
function check(what: string, result: Measured): void {
  if (result.status === 0) return;
  const tail = result.output.trim().split('\n').slice(-40).join('\n');
  if (values.keep) console.error(`[bench] kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
  fail(`${what} failed (exit ${result.status}):\n${tail}`);
}

const log = (message: string) => console.error(`[bench] ${message}`);
const benchStarted = performance.now();
const load = loadavg()[0];
const root = mkdtempSync(join(tmpdir(), 'om-bench-'));
const archiveRoot = join(root, 'archive');
const floorRoot = join(root, 'floor');
const unifiedRoot = join(root, 'floor-unified');
const withUnified = values['unified-floor'];

// 1. Generate.
createArchiveProject(archiveRoot);
const generateStarted = performance.now();
const archive = generateArchive({ protocols, seed });
const problems = validateArchive(archive);
if (problems.length > 0) fail(`Generated data fails src/lib/model/schema.ts:\n${problems.slice(0, 20).join('\n')}\nFix: update scripts/gen/generate.ts.`);
writeArchive(archive, join(archiveRoot, 'content'), { generator: `om-gen ${GENERATOR_VERSION}`, protocols, seed });
const generateSeconds = (performance.now() - generateStarted) / 1000;
createFloorProject(floorRoot, join(archiveRoot, 'content', 'protocols'));
if (withUnified) createFloorProject(unifiedRoot, join(archiveRoot, 'content', 'protocols'), 'unified');
log(`${protocols} protocols generated in ${generateSeconds.toFixed(1)} s into ${root}`);

// 1b. The importer's start-up: one text protocol imported as a trial (`--dry-run --out`), against the
// repository's registries; measured apart from the archive's size, so it runs with any --protocols.
const startup = await benchImport({ runs, dir: root, env, check });
for (const line of startup.lines) log(line);

// 2.–3. Build, index, build the floor; R times.
const pagefind = pagefindCommand(archiveRoot);
const archiveDist = join(archiveRoot, 'dist');
const builds: Measured[] = [];
const indexings: Measured[] = [];
const floors: Measured[] = [];
const unifiedFloors: Measured[] = [];
let pagefindInBuild = false;
for (let run = 1; run <= runs; run++) {
  cleanBuild(archiveRoot);
  log(`run ${run}/${runs}: astro build (archive) …`);
  const build = await measure(process.execPath, [astro, 'build'], { cwd: archiveRoot, env });
  check('astro build of the archive', build);
  builds.push(build);
  if (existsSync(join(archiveDist, 'pagefind'))) {
    // An integration already indexed during `astro build`: measure indexing on its own as well.
    pagefindInBuild = true;
    rmSync(join(archiveDist, 'pagefind'), { recursive: true, force: true });
  }
  log(`run ${run}/${runs}: ${pagefind} …`);
  const indexing = await measure('sh', ['-c', pagefind], { cwd: archiveRoot, env });
  check(pagefind, indexing);
  indexings.push(indexing);
  cleanBuild(floorRoot);
  log(`run ${run}/${runs}: astro build (floor) …`);
  const floor = await measure(process.execPath, [astro, 'build'], { cwd: floorRoot, env });
  check('astro build of the floor', floor);
  floors.push(floor);
  if (withUnified) {
    cleanBuild(unifiedRoot);
    log(`run ${run}/${runs}: astro build (floor, unified processor) …`);
    const unified = await measure(process.execPath, [astro, 'build'], { cwd: unifiedRoot, env });
    check('astro build of the unified floor', unified);
    unifiedFloors.push(unified);
  }
  log(`run ${run}/${runs}: archive ${build.seconds.toFixed(1)} s, floor ${floor.seconds.toFixed(1)} s, pagefind ${indexing.seconds.toFixed(1)} s`);
}

// Warm rebuilds: the last cold build's caches and data store stay. First one protocol gets a new
// paragraph, then one new protocol is added (the office's case, `warmSeconds`; scripts/bench/warm.ts).
const protocolsDir = join(archiveRoot, 'content', 'protocols');
/** One warm `astro build` after `change`, checked: the page named must show `mark`. */
async function warmBuild(what: string, page: string, mark: string): Promise<{ measured: Measured; summary: string; generated?: number; kept?: number }> {
  log(`warm rebuild: ${what}, astro build (archive) …`);
  const measured = await measure(process.execPath, [astro, 'build'], { cwd: archiveRoot, env });
  check(`warm astro build of the archive (${what})`, measured);
  const file = join(archiveDist, page, 'index.html');
  if (!existsSync(file) || !readFileSync(file, 'utf8').includes(mark)) fail(`warm rebuild (${what}): ${file} lacks "${mark}"; the build served a stale or no page.`);
  const rendered = /protocols: (\d+) rendered, (\d+) unchanged/.exec(measured.output);
  // The incremental build (src/integrations/incremental-pages.ts) logs how many keyed outputs it generated and kept.
  const outputs = /outputs: (\d+) generated, (\d+) kept/.exec(measured.output);
  const summary = `${rendered ? `${rendered[1]} protocol(s) rendered` : 'loader line not found'}; ${outputs ? `${outputs[1]} outputs generated, ${outputs[2]} kept` : 'outputs line not found'}`;
  log(`warm rebuild (${what}): ${measured.seconds.toFixed(1)} s, CPU ${measured.cpuSeconds.toFixed(1)} s; ${summary}`);
  return { measured, summary, generated: outputs ? Number(outputs[1]) : undefined, kept: outputs ? Number(outputs[2]) : undefined };
}
const edited = editProtocol(join(archiveRoot, 'content'));
const warmEdit = await warmBuild(`${edited.id} edited`, `sitzungen/${edited.id}`, edited.mark);
const added = addProtocol(join(archiveRoot, 'content'));
const warmAdd = await warmBuild(`${added.id} added, with a new person`, `sitzungen/${added.id}`, NEW_PERSON.data.name);
const warm = warmAdd.measured;
rmSync(join(archiveDist, 'pagefind'), { recursive: true, force: true });
check(pagefind, await measure('sh', ['-c', pagefind], { cwd: archiveRoot, env }));

// Optional: one profiled build, summarised (what dominates the cost).
if (values.profile) {
  cleanBuild(archiveRoot);
  const profileDir = join(root, 'profile');
  log('profiled astro build (archive) …');
  check('profiled astro build', await measure(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, astro, 'build'], { cwd: archiveRoot, env }));
  for (const file of readdirSync(profileDir)) printSummary(join(profileDir, file), 20);
  console.log('');
  rmSync(join(archiveDist, 'pagefind'), { recursive: true, force: true });
  check(pagefind, await measure('sh', ['-c', pagefind], { cwd: archiveRoot, env }));
}

// 4. What the outputs weigh.
const site = distStats(archiveDist);
const floorSite = distStats(join(floorRoot, 'dist'));
const meetingPage = meetingPageWeight(archiveDist);
log('search transfer in Chromium …');
const search = await measureSearch(archiveDist);

// 5. Report.
const best = (list: Measured[], key: 'seconds' | 'peakRssMB' | 'cpuSeconds') => Math.min(...list.map((m) => m[key]));
const buildSeconds = best(builds, 'seconds');
const satteriSeconds = best(floors, 'seconds');
// The stack's floor: the archive must render with unified + remark-gfm (Sätteri runs no remark plugins).
const floorSeconds = unifiedFloors.length ? best(unifiedFloors, 'seconds') : satteriSeconds;
const kB = (bytes: number) => bytes / 1000;
const MB = (bytes: number) => bytes / 1e6;
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const result = {
  protocols,
  pages: site.pages,
  buildSeconds: round(buildSeconds),
  floorSeconds: round(floorSeconds),
  ratio: round(buildSeconds / floorSeconds, 2),
  peakRssMB: Math.round(best(builds, 'peakRssMB')),
  // The rebuild after one new protocol (the office's case) and after one edited protocol: wall and CPU seconds.
  warmSeconds: round(warm.seconds),
  warmCpuSeconds: round(warm.cpuSeconds),
  warmEditSeconds: round(warmEdit.measured.seconds),
  warmEditCpuSeconds: round(warmEdit.measured.cpuSeconds),
  warmGenerated: warmAdd.generated ?? null,
  warmKept: warmAdd.kept ?? null,
  // CPU seconds (user + system) of the archive's and the floor's builds: the same work costs the same
  // CPU when other guests share the machine, while its wall clock stretches (BENCHMARKS.md, "fourth pass").
  cpuSeconds: round(best(builds, 'cpuSeconds')),
  floorCpuSeconds: round(best(unifiedFloors.length ? unifiedFloors : floors, 'cpuSeconds')),
  pagefindSeconds: round(best(indexings, 'seconds')),
  firstQueryKB: round(kB(search.first.bytes)),
  followQueryKB: round(kB(search.follow.bytes)),
  meetingPageKB: meetingPage ? round(kB(meetingPage.maxBytes)) : null,
  // `npm run import` of one text protocol (dry run), wall and CPU seconds, best run: target under 1 s (issue #23).
  importSeconds: startup.importSeconds,
  importCpuSeconds: startup.importCpuSeconds,
  importColdSeconds: startup.importColdSeconds,
  importModules: startup.importModules,
};

const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
const kinds = (cost: QueryCost) =>
  Object.entries(cost.byKind)
    .map(([kind, bytes]) => `${kind} ${kB(bytes).toFixed(1)}`)
    .join(', ');
const unifiedSite = withUnified ? distStats(join(unifiedRoot, 'dist')) : undefined;
const seconds = (list: Measured[]) => (list.length ? best(list, 'seconds').toFixed(1) : '');
const rss = (list: Measured[]) => (list.length ? String(Math.round(best(list, 'peakRssMB'))) : '');
const rows: string[][] = [
  ['', 'archive', 'floor', 'floor+unified', 'target / notes'],
  [
    'astro build, s (best run)',
    seconds(builds),
    seconds(floors),
    seconds(unifiedFloors),
    `ratio ${result.ratio} (vs ${withUnified ? 'floor+unified' : 'floor'}); ≤ ${targets.ratio} at 2,000: ${mark(result.ratio <= targets.ratio)}`,
  ],
  ['  every run, s', builds.map((m) => m.seconds.toFixed(1)).join(' / '), floors.map((m) => m.seconds.toFixed(1)).join(' / '), unifiedFloors.map((m) => m.seconds.toFixed(1)).join(' / '), `archive / floor (Sätteri) ${(buildSeconds / satteriSeconds).toFixed(2)}`],
  [
    'CPU s (user + system), every run',
    builds.map((m) => m.cpuSeconds.toFixed(1)).join(' / '),
    floors.map((m) => m.cpuSeconds.toFixed(1)).join(' / '),
    unifiedFloors.map((m) => m.cpuSeconds.toFixed(1)).join(' / '),
    `archive / ${withUnified ? 'floor+unified' : 'floor'} ${(result.cpuSeconds / result.floorCpuSeconds).toFixed(2)} (least CPU of each)`,
  ],
  ['peak RSS, MB', rss(builds), rss(floors), rss(unifiedFloors), `< ${targets.peakRssMB}: ${mark(result.peakRssMB < targets.peakRssMB)}; every run: ${builds.map((m) => Math.round(m.peakRssMB)).join(' / ')}`],
  [
    'warm rebuild, s (1 protocol added)',
    result.warmSeconds.toFixed(1),
    '',
    '',
    `≤ ${targets.warmSeconds}: ${mark(result.warmSeconds <= targets.warmSeconds)}; CPU ${warm.cpuSeconds.toFixed(1)} s; peak RSS ${Math.round(warm.peakRssMB)} MB; ${warmAdd.summary}`,
  ],
  [
    'warm rebuild, s (1 protocol edited)',
    result.warmEditSeconds.toFixed(1),
    '',
    '',
    `CPU ${warmEdit.measured.cpuSeconds.toFixed(1)} s; peak RSS ${Math.round(warmEdit.measured.peakRssMB)} MB; ${warmEdit.summary}`,
  ],
  ['pages (HTML)', String(site.pages), String(floorSite.pages), unifiedSite ? String(unifiedSite.pages) : '', ''],
  ['dist size, MB (w/o pagefind)', MB(site.siteBytes).toFixed(1), MB(floorSite.siteBytes).toFixed(1), unifiedSite ? MB(unifiedSite.siteBytes).toFixed(1) : '', ''],
  ['pagefind index, s (best run)', result.pagefindSeconds.toFixed(1), '', '', `peak RSS ${rss(indexings)} MB${pagefindInBuild ? '; Pagefind also ran inside astro build' : ''}`],
  ['pagefind output, MB', MB(site.pagefindBytes).toFixed(1), '', '', `${site.pagefindFiles} files; command: ${pagefind}`],
  [`first query "${FIRST_QUERY}", kB`, result.firstQueryKB.toFixed(1), '', '', `< ${targets.firstQueryKB}: ${mark(result.firstQueryKB < targets.firstQueryKB)}; ${search.first.requests} requests, ${search.first.results} results`],
  ['  by kind, kB', '', '', '', kinds(search.first)],
  [`follow-up "${FOLLOW_QUERY}", kB`, result.followQueryKB.toFixed(1), '', '', `${search.follow.requests} requests, ${search.follow.results} results`],
  ['  by kind, kB', '', '', '', kinds(search.follow)],
  ...(search.resolutions
    ? [
        [`then "${FIRST_QUERY}" in resolutions, kB`, kB(search.resolutions.bytes).toFixed(1), '', '', `Art = Beschluss; ${search.resolutions.requests} requests, ${search.resolutions.results} results`],
        ['  by kind, kB', '', '', '', kinds(search.resolutions)],
      ]
    : []),
  [
    'meeting page gzip, kB (largest)',
    meetingPage ? kB(meetingPage.maxBytes).toFixed(1) : 'n/a',
    '',
    '',
    meetingPage ? `< ${targets.meetingPageKB}: ${mark(kB(meetingPage.maxBytes) < targets.meetingPageKB)}; ${meetingPage.maxPage}` : 'no dist/sitzungen/',
  ],
  ['  median, kB', meetingPage ? kB(meetingPage.medianBytes).toFixed(1) : '', '', '', 'HTML + linked CSS + JS, each gzipped'],
  ['import of one text protocol, s', result.importSeconds.toFixed(2), '', '', `< ${targets.importSeconds}: ${mark(result.importSeconds < targets.importSeconds)}; CPU ${result.importCpuSeconds.toFixed(2)} s; first run ${result.importColdSeconds.toFixed(2)} s; ${result.importModules} modules; --dry-run`],
  ['  pages with JavaScript', meetingPage ? String(meetingPage.pagesWithScript) : '', '', '', meetingPage ? `of ${meetingPage.pages}, up to ${meetingPage.maxScriptBytes} bytes of JS; none: ${mark(meetingPage.pagesWithScript === 0)}` : ''],
];
const widths = [0, 1, 2, 3].map((col) => Math.max(...rows.map((row) => row[col].length)));
console.log(
  `Protokollarchiv benchmark: ${protocols} protocols (seed ${seed}), ${runs} run(s); ` +
    `${cpus().length} cores, ${Math.round(totalmem() / 1e9)} GB RAM, load ${load.toFixed(2)} at start; search page ${search.page}`,
);
for (const row of rows) {
  console.log([row[0].padEnd(widths[0]), ...[1, 2, 3].map((col) => row[col].padStart(widths[col])), row[4]].join('  ').trimEnd());
}
console.log(`(generation ${generateSeconds.toFixed(1)} s; whole benchmark ${((performance.now() - benchStarted) / 1000).toFixed(0)} s; ${values.keep ? `kept ${root}` : 'temporary projects removed'})`);
if (!values.keep) rmSync(root, { recursive: true, force: true });
console.log(JSON.stringify(result));
