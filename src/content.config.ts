/**
 * Content collections of the archive. The field-by-field documentation lives
 * with the schemas in `src/lib/model/schema.ts`, which the importer shares.
 *
 * - protocols:     `content/protocols/<meeting-id>.mdx` (frontmatter + protocol text), read and
 *                  rendered by the archive's own loader (`src/lib/text/protocol-loader.ts`): the body is
 *                  data for one unified pipeline, never compiled or run as code
 * - people, organisations, committees, topics, matters: one YAML file per entry; the file name is the id.
 * - pages:         `content/pages/<id>.mdx`, the editorial pages (about, Impressum, privacy, accessibility).
 *
 * Hand edits are checked: every object rejects fields it does not define (`z` of
 * `src/lib/model/strict-zod.ts`), YAML dates stay text so an impossible one fails, and CRLF or a
 * byte order mark make no difference (`src/lib/model/content-file.ts`, read by both loaders).
 */
import { defineCollection, reference } from 'astro:content';
import { checkedGlob } from './lib/model/checked-glob';
import * as z from './lib/model/strict-zod';
import { protocolLoader } from './lib/text/protocol-loader';
import { committeeSchema, isoDate, matterSchema, organisationSchema, personSchema, protocolSchema, slugId, topicSchema } from './lib/model/schema';

const protocols = defineCollection({
  loader: protocolLoader({ base: './content/protocols' }),
  schema: protocolSchema((collection) => reference(collection as 'people')),
});

const people = defineCollection({
  loader: checkedGlob({ pattern: '*.yaml', base: './content/people' }, personSchema),
  schema: personSchema,
});

const organisations = defineCollection({
  loader: checkedGlob({ pattern: '*.yaml', base: './content/organisations' }, organisationSchema),
  schema: organisationSchema,
});

const committees = defineCollection({
  loader: checkedGlob({ pattern: '*.yaml', base: './content/committees' }, committeeSchema),
  schema: committeeSchema,
});

const topics = defineCollection({
  loader: checkedGlob({ pattern: '*.yaml', base: './content/topics' }, topicSchema),
  schema: topicSchema,
});

const matters = defineCollection({
  loader: checkedGlob({ pattern: '*.yaml', base: './content/matters' }, matterSchema(() => slugId)),
  schema: matterSchema((collection) => reference(collection as 'protocols')),
});

/**
 * Editorial pages: MDX rendered by @astrojs/mdx, one route each (`src/pages/<id>.astro`,
 * list in `src/lib/views/editorial-pages.ts`). The OM's details are not written into them but
 * come from `src/site-config.ts` through `<Fact name="…" />`.
 */
const pageSchema = z.object({
  /** Page title, the `<h1>` and `<title>` ("Impressum"). */
  title: z.string().min(1),
  /** One sentence for `<meta name="description">`. */
  description: z.string().min(1),
  /** When the text was last changed in substance, ISO date (`2026-12-01`); shown as "Stand". */
  updated: isoDate.optional(),
});

const pages = defineCollection({
  loader: checkedGlob({ pattern: '*.mdx', base: './content/pages' }, pageSchema),
  schema: pageSchema,
});

export const collections = { protocols, people, organisations, committees, topics, matters, pages };
