/**
 * Content collections of the archive. The field-by-field documentation lives
 * with the schemas in `src/lib/schema.ts`, which the importer shares.
 *
 * - protocols:     `content/protocols/<meeting-id>.mdx` (frontmatter + protocol text), read and
 *                  rendered by the archive's own loader (`src/lib/protocol-loader.ts`): the body is
 *                  data for one unified pipeline, never compiled or run as code
 * - people, organisations, committees, topics, matters: one YAML file per entry; the file name is the id.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { protocolLoader } from './lib/protocol-loader';
import { committeeSchema, matterSchema, organisationSchema, personSchema, protocolSchema, topicSchema } from './lib/schema';

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

export const collections = { protocols, people, organisations, committees, topics, matters };
