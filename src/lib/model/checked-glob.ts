/**
 * The loader of the registries (`content/people/*.yaml` …) and the editorial pages: Astro's
 * `glob()` loader (ids, digests, `astro dev` watching stay Astro's), with each entry's data read
 * once more the archive's way before Astro validates it. Astro reads YAML with js-yaml's YAML 1.1
 * timestamps, so `2021-02-30` would reach the schema as a JS Date of March 2
 * (https://github.com/nodeca/js-yaml#load-string---options-); `content-file.ts` keeps it as the
 * text it is, ignores CRLF and byte order marks, and the check names the file and the field the
 * way the protocols' loader does (`content/people/x.yaml: familyNmae: unknown field. Fix: …`)
 * instead of Astro's `**people → x** data does not match collection schema`.
 */
import { glob, type Loader } from 'astro/loaders';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { ContentError, describeIssues, parseContentYaml, readContentText, splitFrontmatter } from './content-file.ts';

/**
 * `glob(options)`, with every new or changed file's data read by `content-file.ts` and checked
 * with `check` (the collection's schema with ids as plain slugs) before Astro's `parseData`.
 * @example defineCollection({ loader: checkedGlob({ pattern: '*.yaml', base: './content/people' }, personSchema), schema: personSchema })
 * @throws (during content sync) ContentError `file: field: problem. Fix: …` for the first file the check rejects
 */
export function checkedGlob(options: { pattern: string; base: string }, check: z.ZodType): Loader {
  const inner = glob(options);
  return {
    name: 'om-checked-glob',
    load: (context) => {
      const root = fileURLToPath(context.config.root);
      return inner.load({
        ...context,
        parseData: async (props) => {
          const path = props.filePath;
          if (path === undefined) return context.parseData(props);
          const file = relative(root, path).split(sep).join('/');
          const text = readContentText(path, file);
          const data = path.endsWith('.yaml') || path.endsWith('.yml') ? parseContentYaml(text, file) : splitFrontmatter(text, file).data;
          const checked = check.safeParse(data ?? {});
          if (!checked.success) throw new ContentError(describeIssues(file, checked.error));
          return context.parseData({ ...props, data: (data ?? {}) as typeof props.data });
        },
      });
    },
  };
}
