/**
 * Content collections of the archive. The field-by-field documentation lives
 * with the schemas in `src/lib/model/schema.ts`, which the importer shares.
 *
 * - protocols:     `content/protocols/<meeting-id>.mdx` (frontmatter + protocol text), read and
 *                  rendered by the archive's own loader (`src/lib/text/protocol-loader.ts`): the body is
 *                  data for one unified pipeline, never compiled or run as code
 * - people, organisations, committees, topics, matters: one YAML file per entry; the file name is the id.
 * - pages:         `content/pages/<id>.mdx`, the editorial pages (about, Impressum, privacy, accessibility).
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { protocolLoader } from './lib/text/protocol-loader';
import { committeeSchema, isoDate, matterSchema, organisationSchema, personSchema, protocolSchema, topicSchema } from './lib/model/schema';

const protocols = defineCollection({
  loader: protocolLoader({ base: './content/protocols' }),
  schema: protocolSchema((collection) => reference(collection as 'people')),
});

const people = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/people' }),
  schema: personSchema,
});

const organisations = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/organisations' }),
  schema: organisationSchema,
});

const committees = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/committees' }),
  schema: committeeSchema,
});

const topics = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/topics' }),
  schema: topicSchema,
});

const matters = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/matters' }),
  schema: matterSchema((collection) => reference(collection as 'protocols')),
});

/**
 * Editorial pages: MDX rendered by @astrojs/mdx, one route each (`src/pages/<id>.astro`,
 * list in `src/lib/views/editorial-pages.ts`). The OM's details are not written into them but
 * come from `src/site-config.ts` through `<Fact name="…" />`.
 */
const pages = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/pages' }),
  schema: z.object({
    /** Page title, the `<h1>` and `<title>` ("Impressum"). */
    title: z.string().min(1),
    /** One sentence for `<meta name="description">`. */
    description: z.string().min(1),
    /** When the text was last changed in substance, ISO date (`2026-12-01`); shown as "Stand". */
    updated: isoDate.optional(),
  }),
});

export const collections = { protocols, people, organisations, committees, topics, matters, pages };
