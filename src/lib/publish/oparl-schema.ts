/**
 * The required fields of the OParl 1.1 objects this archive exports, as zod
 * schemas, so tests (and anyone extending the export) can check every object.
 * Source: OParl-Spezifikation 1.1 (https://oparl.org/spec/1.1), chapters
 * "Schema" (System, Body, Organization, Person, Meeting, AgendaItem, Location,
 * File, Paper, Consultation: properties marked ZWINGEND), "Eigenschaften mit Verwendung in mehreren
 * Objekttypen" (`id`, `type`; `created` and `modified` are mandatory for every
 * object since 1.1, see "Änderungen in OParl 1.1"), and "Objektlisten und
 * Paginierung" (`data`, `pagination`, `links`; `links.next` on all but the last page).
 * Optional fields are checked for their type where we emit them.
 */
import { z } from 'zod';

/** `oparlVersion` of a 1.1 System. */
export const oparlVersion = 'https://schema.oparl.org/1.1/';

/** The `type` URL of an object type, `https://schema.oparl.org/1.1/Meeting`. */
export function oparlType(name: string): string {
  return `https://schema.oparl.org/1.1/${name}`;
}

const url = z.string().url();
/** `xsd:dateTime` with offset or `Z` (spec: "date-time"). */
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/);

/** Fields every object has: `id` (its own URL), `type`, `created`, `modified`; `web` and `deleted` where given. */
function object(typeName: string) {
  return z.object({
    id: url,
    type: z.literal(oparlType(typeName)),
    created: dateTime,
    modified: dateTime,
    web: url.optional(),
    deleted: z.boolean().optional(),
    keyword: z.array(z.string()).optional(),
  });
}

/** oparl:Location — ZWINGEND: id, type (+ created, modified). */
export const locationSchema = object('Location').extend({
  description: z.string().optional(),
  meeting: z.array(url).optional(),
});

/** oparl:File — ZWINGEND: id, type, accessUrl (+ created, modified); `size` in bytes, `meeting`/`agendaItem` back references. */
export const fileSchema = object('File').extend({
  accessUrl: url,
  name: z.string().optional(),
  fileName: z.string().optional(),
  mimeType: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
  downloadUrl: url.optional(),
  meeting: z.array(url).optional(),
  agendaItem: z.array(url).optional(),
});

/**
 * oparl:Consultation — ZWINGEND: id, type (+ created, modified). The archive always
 * writes `paper` and `organization` too (required in OParl 1.0, which clients may expect),
 * `meeting`, and `agendaItem` where the matter names the TOP.
 */
export const consultationSchema = object('Consultation').extend({
  paper: url,
  meeting: url.optional(),
  agendaItem: url.optional(),
  organization: z.array(url).min(1),
  authoritative: z.boolean().optional(),
  role: z.string().optional(),
});

/**
 * oparl:Paper — ZWINGEND: id, type (+ created, modified). The archive always writes
 * `body` and `name` (required in OParl 1.0) and embeds its consultations. No `mainFile`:
 * a matter has no document of its own.
 */
export const paperSchema = object('Paper').extend({
  body: url,
  name: z.string().min(1),
  reference: z.string().optional(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  paperType: z.string().optional(),
  consultation: z.array(consultationSchema).optional(),
  auxiliaryFile: z.array(fileSchema).optional(),
});

/** oparl:AgendaItem — ZWINGEND: id, type, order (+ created, modified); `meeting` is the back reference. */
export const agendaItemSchema = object('AgendaItem').extend({
  order: z.number().int().nonnegative(),
  meeting: url.optional(),
  number: z.string().optional(),
  name: z.string().optional(),
  public: z.boolean().optional(),
  result: z.string().optional(),
  resolutionText: z.string().optional(),
  start: dateTime.optional(),
  end: dateTime.optional(),
  /** The consultation of a matter held in this TOP (URL of the Consultation). */
  consultation: url.optional(),
  auxiliaryFile: z.array(fileSchema).optional(),
});

/** oparl:Meeting — ZWINGEND: id, type (+ created, modified); `agendaItem` embedded in order. */
export const meetingSchema = object('Meeting').extend({
  name: z.string().optional(),
  meetingState: z.string().optional(),
  cancelled: z.boolean().optional(),
  start: dateTime.optional(),
  end: dateTime.optional(),
  location: locationSchema.optional(),
  organization: z.array(url).optional(),
  participant: z.array(url).optional(),
  resultsProtocol: fileSchema.optional(),
  auxiliaryFile: z.array(fileSchema).optional(),
  agendaItem: z.array(agendaItemSchema).optional(),
});

/** oparl:Person — ZWINGEND: id, type (+ created, modified). No contact data (spec "Datenschutz"). */
export const personSchema = object('Person').extend({
  body: url.optional(),
  name: z.string().optional(),
  familyName: z.string().optional(),
  givenName: z.string().optional(),
  title: z.array(z.string()).optional(),
});

/** oparl:Organization — ZWINGEND: id, type (+ created, modified); `meeting` is an external list URL. */
export const organizationSchema = object('Organization').extend({
  body: url.optional(),
  name: z.string().optional(),
  shortName: z.string().optional(),
  organizationType: z.string().optional(),
  classification: z.string().optional(),
  meeting: url.optional(),
});

/** oparl:Body — ZWINGEND: id, type, name, organization, person, meeting, paper, legislativeTerm (+ created, modified). */
export const bodySchema = object('Body').extend({
  system: url.optional(),
  name: z.string().min(1),
  shortName: z.string().optional(),
  website: url.optional(),
  organization: url,
  person: url,
  meeting: url,
  paper: url,
  legislativeTerm: z.array(z.unknown()),
  /** URL of the licence of the data (src/site-config.ts `dataLicence`); absent while undecided. */
  license: url.optional(),
});

/** oparl:System — ZWINGEND: id, type, oparlVersion, body (+ created, modified). */
export const systemSchema = object('System').extend({
  oparlVersion: z.literal(oparlVersion),
  body: url,
  name: z.string().optional(),
  website: url.optional(),
  /** URL of the licence of the data (src/site-config.ts `dataLicence`); absent while undecided. */
  license: url.optional(),
});

/** An external object list page ("Objektlisten und Paginierung"): `data`, `pagination`, `links`. */
export function listPageSchema<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    data: z.array(item),
    pagination: z.object({
      totalElements: z.number().int().nonnegative().optional(),
      elementsPerPage: z.number().int().positive().optional(),
      currentPage: z.number().int().positive().optional(),
      totalPages: z.number().int().positive().optional(),
    }),
    links: z.object({
      first: url.optional(),
      prev: url.optional(),
      self: url.optional(),
      next: url.optional(),
      last: url.optional(),
      web: url.optional(),
    }),
  });
}

/** The schema of each object type by its `type` URL. */
export const schemasByType: Record<string, z.ZodTypeAny> = {
  [oparlType('System')]: systemSchema,
  [oparlType('Body')]: bodySchema,
  [oparlType('Organization')]: organizationSchema,
  [oparlType('Person')]: personSchema,
  [oparlType('Meeting')]: meetingSchema,
  [oparlType('AgendaItem')]: agendaItemSchema,
  [oparlType('Location')]: locationSchema,
  [oparlType('File')]: fileSchema,
  [oparlType('Paper')]: paperSchema,
  [oparlType('Consultation')]: consultationSchema,
};
