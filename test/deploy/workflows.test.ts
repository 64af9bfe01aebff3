/**
 * The deploy workflows (issue #24) are valid for their hosts, checked against the hosts' own
 * schemas rather than a pattern of ours: GitHub's workflow parser (@actions/workflow-parser) for
 * `.github/workflows/deploy.yml`, GitLab's CI JSON schema (as gitlab-ci-local ships it) with ajv
 * for `.gitlab-ci.yml`. Both run exactly the README's commands, and publish dist/.
 */
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { Ajv } from 'ajv';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
// GitLab's ci.json (gitlab-org/gitlab app/assets/javascripts/editor/schema/ci.json), fetched by
// gitlab-ci-local's `fetch-schema` script into this module; 4.64.1 is pinned because later
// versions ship only a bundle. It has no type declarations: a JSON schema object.
// @ts-expect-error TS7016, no declaration file for the module
import { schema as gitlabSchema } from 'gitlab-ci-local/src/schema/schema.js';

const repo = resolve(import.meta.dirname, '../..');
const github = readFileSync(join(repo, '.github/workflows/deploy.yml'), 'utf8');
const gitlab = readFileSync(join(repo, '.gitlab-ci.yml'), 'utf8');

/** The parser's errors for a GitHub workflow, as messages (none = valid). */
async function githubErrors(content: string): Promise<string[]> {
  const result = parseWorkflow({ name: 'deploy.yml', content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (errors.length || !result.value) return errors;
  const template = await convertWorkflowTemplate(result.context, result.value);
  return (template.errors ?? []).map((e) => e.Message);
}

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validateGitlab = ajv.compile(gitlabSchema);

/** ajv's errors for a GitLab CI file, as `path: message` (none = valid). */
function gitlabErrors(content: string): string[] {
  return validateGitlab(parse(content)) ? [] : (validateGitlab.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`);
}

/** The commands of the README's code blocks (`npm …` lines, without comments). */
const readmeCommands = new Set(
  [...readFileSync(join(repo, 'README.md'), 'utf8').matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((block) =>
    block[1].split('\n').map((line) => line.replace(/#.*$/, '').trim().replace(/^SITE=\S+\s+/, '')).filter((line) => line.startsWith('npm ')),
  ),
);

describe('.github/workflows/deploy.yml', () => {
  it('is a valid GitHub Actions workflow', async () => {
    expect(await githubErrors(github)).toEqual([]);
  });

  it('is rejected by the same check when broken, so the check can fail', async () => {
    expect(await githubErrors(github.replace('runs-on: ubuntu-latest', 'runs-onn: ubuntu-latest'))).not.toEqual([]);
    expect(await githubErrors(github.replace('on:\n  push:', 'on:\n  pushh:'))).not.toEqual([]);
  });

  it('runs the README\'s commands only, caches the incremental build, uploads dist/ and deploys it', () => {
    const workflow = parse(github);
    const steps = workflow.jobs.build.steps as { run?: string; uses?: string; with?: Record<string, string> }[];
    const runs = steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs).toEqual(['npm install --no-audit --no-fund', 'npm test', 'npm run build', 'npm run check:publish']);
    for (const run of runs) expect(readmeCommands, run).toContain(run);
    const cache = steps.find((s) => s.uses?.startsWith('actions/cache@'))!;
    expect(cache.with!.path.split('\n').filter(Boolean)).toEqual(['node_modules/.astro', 'dist']);
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact@'))!.with).toEqual({ path: 'dist' });
    expect(workflow.jobs.build.env.SITE).toBe('${{ vars.SITE }}');
    expect(workflow.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
  });
});

describe('.gitlab-ci.yml', () => {
  it('is valid by GitLab\'s CI schema', () => {
    expect(gitlabErrors(gitlab)).toEqual([]);
  });

  it('is rejected by the same schema when broken, so the check can fail', () => {
    expect(gitlabErrors(gitlab.replace('  script:', '  scripts:'))).not.toEqual([]);
    expect(gitlabErrors(gitlab.replace('    publish: dist', '    publish: [dist]'))).not.toEqual([]);
  });

  it('runs the README\'s commands only, caches the incremental build and publishes dist/', () => {
    const job = parse(gitlab).pages;
    expect(job.script).toEqual(['npm install --no-audit --no-fund', 'npm test', 'npm run build', 'npm run check:publish']);
    for (const run of job.script) expect(readmeCommands, run).toContain(run);
    expect(job.cache.paths).toEqual(['node_modules/.astro/', 'dist/']);
    expect(job.pages.publish).toBe('dist');
    expect(job.artifacts.paths).toEqual(['dist']);
  });
});
