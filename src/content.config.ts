/**
 * Content collections of the archive. The field-by-field documentation lives
 * with the schemas in `src/lib/schema.ts`, which the importer shares.
 *
 * - protocols:     `content/protocols/<meeting-id>.mdx` (frontmatter + protocol text)
 * - people, organisations, committees, topics, matters: one YAML file per entry; the file name is the id.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { committeeSchema, matterSchema, organisationSchema, personSchema, protocolSchema, topicSchema } from './lib/schema';

const protocols = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/protocols' }),
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
