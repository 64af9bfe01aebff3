/**
 * Importer output for every committed original, compared with the reviewed
 * expectation in test/import/expected/ (regenerate with `npx vitest -u`, then
 * review the diff). Also: re-importing a committed source is stable and needs
 * no new registry entries.
 */
import { describe, expect, it } from 'vitest';
import { importSource, sourceFiles } from './helpers.ts';

describe.each(sourceFiles())('import of %s', (name) => {
  it('matches the reviewed MDX', async () => {
    const { result } = importSource(name);
    await expect(result.mdx).toMatchFileSnapshot(`expected/${result.meetingId}.mdx`);
  });

  it('knows every person, organisation and committee already (registries are complete)', () => {
    const { registry } = importSource(name);
    expect(registry.changes.filter((c) => c.change === 'new')).toEqual([]);
  });

  it('gives the same resolution ids on a second import', () => {
    const first = importSource(name).result.resolutions.map((r) => [r.id, r.text]);
    const second = importSource(name).result.resolutions.map((r) => [r.id, r.text]);
    expect(second).toEqual(first);
    expect(new Set(first.map(([id]) => id)).size).toBe(first.length);
  });
});
