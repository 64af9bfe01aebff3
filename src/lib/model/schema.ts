/**
 * The archive's content model as plain zod schemas, shared by the site
 * (`src/content.config.ts`) and the importer (`scripts/import/`), so that the
 * importer can never write frontmatter the site would reject.
 *
 * Vocabulary follows OParl 1.1 (https://oparl.org/spec/1.1): a protocol
 * describes one `Meeting` of an `Organization` (here: committee, "Gremium"),
 * with `AgendaItem`s ("TOP") and the `Person`s who attended or presented.
 *
 * Every id-valued field takes an `idRef` schema: the importer passes a plain
 * slug string, `content.config.ts` passes Astro's `reference()` so that the
 * site resolves it. Reference integrity is enforced by `src/lib/checks/integrity.ts`.
 *
 * Every object is strict: zod comes from `./strict-zod.ts`, whose `z.object` rejects a field it
 * does not define (`agenda[1].file: unknown field. Fix: …`), so a field added here is checked too.
 */
// Single-function entry points: the package index 'date-fns' (and `isMatch`, which brings
// every parser of `parse`) loads some 300 modules, most of the importer's start-up (issue #23).
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import * as z from './strict-zod.ts';

/** An ASCII slug id: lower case, digits, hyphens (e.g. `annette-icks`). */
export const slugId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be an ASCII slug such as "annette-icks"');

/** A meeting id, `YYYY-MM-DD-<committee-id>`, e.g. `2021-11-11-strategiekreis`. */
export const meetingId = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must look like "2021-11-11-strategiekreis"');

/** A resolution id, `<meeting-id>-b<n>`, e.g. `2021-11-11-strategiekreis-b1`. */
export const resolutionIdPattern = /^\d{4}-\d{2}-\d{2}-[a-z0-9-]+-b\d+$/;

/** A wall-clock time, 24 h, zero-padded: `"09:00"`. */
export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be "HH:MM", e.g. "09:00"');

/**
 * Whether `YYYY-MM-DD` text names a day of the calendar: date-fns' `parseISO` refuses
 * month 13 and `02-30`; year 0000 is refused as date-fns' `yyyy` (calendar year, no year 0)
 * refuses it (the rule of `isMatch(text, 'yyyy-MM-dd')`, at a fraction of its load time).
 * @example isCalendarDay('2024-02-29') // => true
 * @example isCalendarDay('2023-02-29') // => false
 */
function isCalendarDay(text: string): boolean {
  return !text.startsWith('0000') && isValid(parseISO(text));
}

/**
 * A calendar date as ISO text, `"2021-11-11"`, that is a real day (date-fns `parseISO`: no
 * `2021-02-30`, no month 13; no year 0000, which the calendar of `yyyy` does not have). Content files are read with YAML's core schema
 * (`src/lib/model/content-file.ts`), so an unquoted date arrives as this text too; a JS `Date`
 * is refused, because a YAML 1.1 reader has already rolled an impossible date over into another day.
 */
export const isoDate = z
  .string({ error: (issue) => (issue.input instanceof Date ? 'a JS Date; read the file with src/lib/model/content-file.ts, which keeps dates as written' : undefined) })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be an ISO date "YYYY-MM-DD"', abort: true })
  .refine((text) => isCalendarDay(text), {
    error: (issue) => `"${String(issue.input)}" is no day of the calendar (months 01–12, days as the month has them). Fix: correct the date, written "YYYY-MM-DD".`,
  });

/** How a meeting was held. The importer maps "Videokonferenz"/"online" to `online`. */
export const meetingFormat = z.enum(['online', 'in-person', 'hybrid']);

/**
 * The kinds of resolution the archive distinguishes (shown as is on the site): `Beschluss` and
 * `Vereinbarung` as labelled, and decisions the importer reads from a sentence: `Wahl` ("… wird
 * zur Vorsitzenden gewählt"), `Entlastung` ("Der Vorstand wird entlastet"), `Vertagung` ("… wird
 * vertagt"). A rejected motion is a `Beschluss` with `result="abgelehnt"`.
 */
export const resolutionKinds = ['Beschluss', 'Vereinbarung', 'Wahl', 'Entlastung', 'Vertagung'] as const;

/**
 * A resolution's vote, where the protocol states one: the `<Resolution>` attributes
 * `yes="7" no="0" abstain="4" unanimous="true"` (strings in the MDX, numbers here). Every field
 * is optional ("einstimmig bei einer Enthaltung" is `{ unanimous: true, abstain: 1 }`). OParl
 * has no vote field: the export writes it into the AgendaItem's `result` text.
 */
export const resolutionVoteSchema = z.object({
  /** Yes votes ("7 Ja", the first number of "7/0/1"). */
  yes: z.number().int().nonnegative().optional(),
  /** No votes ("0 Nein", "2 Gegenstimmen"). */
  no: z.number().int().nonnegative().optional(),
  /** Abstentions ("4 Enthaltungen", "bei einer Enthaltung"). */
  abstain: z.number().int().nonnegative().optional(),
  /** The protocol says "einstimmig". */
  unanimous: z.boolean().optional(),
});

/** A resolution's vote (`resolutionVoteSchema`). */
export type ResolutionVote = z.infer<typeof resolutionVoteSchema>;

/** Review states of a protocol: importer output, or checked by an editor. */
export const reviewStatuses = ['imported', 'reviewed'] as const;

/**
 * A protocol's review status (`review:` in the frontmatter), e.g.
 * `{ status: 'imported', importer: '1.1.0' }` or
 * `{ status: 'reviewed', by: 'Redaktion', date: '2026-11-22' }`; `reviewed` needs `by` and `date`.
 */
export const reviewSchema = z
  .object({
    /** `imported`: written by the importer, not yet checked; `reviewed`: checked by an editor. */
    status: z.enum(reviewStatuses),
    /** Importer version that wrote the file (`IMPORTER_VERSION` in scripts/import/pipeline.ts). */
    importer: z.string().optional(),
    /** Who reviewed it ("Redaktion" or a name). */
    by: z.string().min(1).optional(),
    /** When it was reviewed, ISO date. */
    date: isoDate.optional(),
  })
  .refine((r) => r.status !== 'reviewed' || (r.by !== undefined && r.date !== undefined), {
    message: 'a reviewed protocol needs "by" and "date", e.g. review: { status: reviewed, by: Redaktion, date: 2026-11-22 }',
  });

/** Builds the protocol (Meeting) frontmatter schema with the given id-reference schema. */
export function protocolSchema<R extends z.ZodTypeAny>(idRef: (collection: string) => R) {
  /** One item of the agenda (OParl AgendaItem). */
  const agendaItem = z.object({
    /** The TOP number as printed ("1", "7"), or null for unnumbered items such as "Pause". */
    number: z.string().nullable(),
    /** The item's title as printed in the agenda, cleaned of table debris. */
    title: z.string().min(1),
    /** Further agenda text for the item (sub-points, "Inkl. Diskussion", roles). */
    details: z.string().optional(),
    /** Person ids of those named as presenting the item. */
    presenters: z.array(idRef('people')).default([]),
    /** Organisation ids named with the presenters ("Achim Sieker (BMAS)"). */
    organizations: z.array(idRef('organisations')).default([]),
    /**
     * Topic ids (`content/topics/`): suggested by the importer from the topics'
     * keywords in the item's title and text, editable by hand.
     */
    topics: z.array(idRef('topics')).default([]),
    /** Planned time: `"09:10"` or a range `"13:30–14:00"` (en dash). */
    time: z
      .string()
      .regex(/^\d{2}:\d{2}(–\d{2}:\d{2})?$/)
      .optional(),
  });

  /** A meeting the protocol announces ("Das nächste Plenum findet am ... statt"). */
  const nextMeeting = z.object({
    /** Announced date, ISO. */
    date: isoDate,
    start: clockTime.optional(),
    end: clockTime.optional(),
    /** The committee that will meet. */
    committee: idRef('committees'),
    /** The announcement's own words (place, reservations), kept verbatim. */
    note: z.string().optional(),
  });

  /**
   * A dated appointment the protocol mentions that is no committee's meeting ("… soll ein
   * One-Pager erarbeitet werden (nächster Termin: 16.09.2022 14-16 Uhr)", "Der nächste Termin
   * der AG ist am 28. Mai 2021"): kept for the reader, never published in the calendar or on
   * a committee's page (those read `nextMeetings` only).
   */
  const appointment = z.object({
    /** The appointment's date, ISO. */
    date: isoDate,
    /** Start time `"14:00"`, where the sentence gives one. */
    start: clockTime.optional(),
    /** End time `"16:00"`, where the sentence gives a range. */
    end: clockTime.optional(),
    /** The group or body the sentence names for it, as written ("AG", "Vorstand"); absent when it names none. */
    body: z.string().optional(),
    /** The sentence that names the appointment, verbatim. */
    text: z.string().min(1),
  });

  return z.object({
    /** Display title, from the protocol's title line ("5. Treffen des Strategiekreises"). */
    title: z.string().min(1),
    /** The committee (Gremium) that met; found in the title lines. */
    committee: idRef('committees'),
    /** The meeting's sequence number where stated, e.g. 25 for "25. Plenum". */
    number: z.number().int().positive().optional(),
    /** Date of the meeting, ISO `"2021-11-11"`; the first date in the header. */
    date: isoDate,
    /** Start time `"09:00"`, from header spellings like "09:00 - 13:00 Uhr", "von 11 Uhr bis 16 Uhr". */
    start: clockTime.optional(),
    /** End time `"13:00"`. */
    end: clockTime.optional(),
    /** online | in-person | hybrid, where the header says ("Videokonferenz" = online). */
    format: meetingFormat.optional(),
    /** Place as stated ("Bonn", "bei der DGUV in Berlin"). */
    location: z.string().optional(),
    /** Number of participants as stated ("42 Teilnehmende"), or named + unnamed attendees. */
    participantCount: z.number().int().nonnegative().optional(),
    /** Person ids of a named attendance list ("Teilnehmer: ..."), in protocol order. */
    attendees: z.array(idRef('people')).default([]),
    /** Participants the list says were not recorded by name ("plus 11 weitere Personen"). */
    unnamedAttendees: z.number().int().nonnegative().optional(),
    /** Person id of the moderator ("Moderation: Dr. Annette Icks (IfM Bonn)"). */
    moderator: idRef('people').optional(),
    /** Person id of the minute-taker ("Mitschrift Oleg Cernavin", or initials "OC"). */
    minutesBy: idRef('people').optional(),
    /** The agenda (Tagesordnung) in printed order. */
    agenda: z.array(agendaItem).default([]),
    /** Meetings announced in the protocol, in order of mention. */
    nextMeetings: z.array(nextMeeting).default([]),
    /** Other dated appointments the protocol mentions (`appointment`); absent when there are none. */
    appointments: z.array(appointment).optional(),
    /**
     * Who represented which organisation at this meeting, as the protocol states it
     * ("Rolf Papenfuß (ZDH)"): OParl Membership, scoped to the meeting. Found by the
     * importer in the agenda, the moderation line and the text.
     */
    memberships: z
      .array(
        z.object({
          person: idRef('people'),
          organization: idRef('organisations'),
          /** A role written with it ("OM-Geschäftsstellenleiter", "Mitglied des Vorstands"). */
          role: z.string().optional(),
        }),
      )
      .default([]),
    /**
     * Editorial review: `imported` while the text is the importer's unchecked reading
     * (written by `npm run import` with its version); an editor who checked the MDX
     * against the original sets `status: reviewed` with `by` (name or "Redaktion") and
     * `date` (ISO). Missing means not reviewed. The site, the dataset and OParl say
     * "automatisch importiert, noch nicht redaktionell geprüft" until it is `reviewed`.
     */
    review: reviewSchema.default({ status: 'imported' }),
    /**
     * The attachments (Anlagen) the protocol refers to ("siehe Anlage 3", "Anlagen 5 und 6"),
     * in number order. The importer lists every referenced number without a file; the
     * editor adds the file once it is at hand (OParl File, `auxiliaryFile` of the Meeting
     * and of the AgendaItem `item`). Integrity fails the build when `file` is missing.
     */
    attachments: z
      .array(
        z.object({
          /** The attachment's number as the protocol writes it: `"3"` for "Anlage 3". */
          number: z.string().regex(/^\d+[a-z]?$/, 'must be the number of "Anlage 3", e.g. "3" or "3a"'),
          /**
           * What it is, as the protocol calls it ("Präsentation", "Infoblatt"); where the
           * protocol says nothing, the importer writes the title of the TOP it belongs to.
           */
          title: z.string().min(1),
          /**
           * File name inside `content/attachments/<meeting-id>/` ("anlage-3.pdf"); absent
           * while the editor has no file. Published at `/anlagen/<meeting-id>/<file>`
           * under the contact-data rule of `src/lib/text/attachments.ts`.
           */
          file: z
            .string()
            .regex(/^[^/\\]+$/, 'must be a file name without folders, e.g. "anlage-3.pdf"')
            .optional(),
          /** TOP number of the agenda item whose text first refers to it; absent before the first TOP. */
          item: z.string().optional(),
        }),
      )
      .default([]),
    /** The original file this MDX was imported from, under `content/sources/`. */
    source: z.object({
      /** File name inside `content/sources/`. */
      file: z.string().min(1),
      /** SHA-256 of the file's bytes, hex; proves the copy is the original. */
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  });
}

/** A person (OParl Person). File: `content/people/<person-id>.yaml`. */
export const personSchema = z.object({
  /** Full name without academic title, as most often written ("Annette Icks"). */
  name: z.string().min(1),
  /** Given name(s) ("Annette", "Hans-Joachim", "Patrick F."). */
  givenName: z.string().optional(),
  /**
   * Family name, used for A–Z ordering ("Icks"). Absent for a person the protocols name by
   * given name only ("Protokoll: Paul"): then `givenName` holds it, and lists order by `name`.
   */
  familyName: z.string().min(1).optional(),
  /** Academic title as written in protocols ("Dr.", "Prof. Dr."). */
  academicTitle: z.string().optional(),
  /** Every other spelling met in protocols ("Ralph Papenfuß", "Rolf Papenfuss"). */
  aliases: z.array(z.string()).default([]),
});

/** An organisation (OParl Organization of type "external"). File: `content/organisations/<id>.yaml`. */
export const organisationSchema = z.object({
  /** Abbreviation as used in protocols ("BMAS"); equals `name` where there is none. */
  shortName: z.string().min(1),
  /** Full name ("Bundesministerium für Arbeit und Soziales"). */
  name: z.string().min(1),
  /** Other spellings met ("BG RCI", "Agentur für Arbeit"). */
  aliases: z.array(z.string()).default([]),
});

/** A committee (Gremium, OParl Organization of type "Gremium"). File: `content/committees/<id>.yaml`. */
export const committeeSchema = z.object({
  /** Name without the OM prefix ("Strategiekreis", "AG Transfer"). */
  name: z.string().min(1),
  /** What the body is and does, one or two sentences. */
  description: z.string().optional(),
  /** Spellings met in title lines ("Strategiekreises", "Plenums"). */
  aliases: z.array(z.string()).default([]),
});

/** A theme of the OM (Thema). File: `content/topics/<topic-id>.yaml`; curated by hand. */
export const topicSchema = z.object({
  /** Display name ("Künstliche Intelligenz"). */
  name: z.string().min(1),
  /** What belongs to the topic, one or two sentences. */
  description: z.string().min(1),
  /**
   * Words and phrases that suggest the topic for an agenda item (case-insensitive,
   * matched at word starts: "Digitalisierung" also matches "Digitalisierungsprojekt").
   */
  keywords: z.array(z.string().min(2)).min(1),
});

/** Status values a later protocol can state for a resolution. */
export const resolutionStatuses = ['adopted', 'in-progress', 'implemented', 'postponed', 'superseded', 'rejected'] as const;

/**
 * A matter (Vorgang) that runs across meetings, after OParl's Paper and
 * Consultation: a product proposed, reported on, adopted. File:
 * `content/matters/<matter-id>.yaml`; curated by hand, suggested by the importer.
 */
export function matterSchema<R extends z.ZodTypeAny>(idRef: (collection: string) => R) {
  return z.object({
    /** Title of the matter ("Zusatzqualifikation KI als OM-Produkt"). */
    title: z.string().min(1),
    /** What the matter is about and where it stands. */
    description: z.string().min(1),
    /** The agenda items that dealt with it, in any order (the site sorts by date). OParl Consultation. */
    consultations: z
      .array(
        z.object({
          /** Meeting id (`content/protocols/<id>.mdx`). */
          meeting: idRef('protocols'),
          /** TOP number of the agenda item, when the matter was a TOP of its own. */
          agendaItem: z.string().optional(),
          /** Resolution ids of that meeting that belong to the matter. */
          resolutions: z.array(z.string().regex(resolutionIdPattern)).default([]),
          /** What happened there, one line ("Antrag vorgestellt", "beschlossen"). */
          note: z.string().optional(),
        }),
      )
      .min(1),
    /**
     * Status of resolutions as later protocols state it, oldest first; the last
     * entry per resolution is its current status.
     */
    statuses: z
      .array(
        z.object({
          resolution: z.string().regex(resolutionIdPattern),
          status: z.enum(resolutionStatuses),
          /** The meeting whose protocol states it. */
          statedIn: idRef('protocols'),
          /** For `superseded`: the resolution that replaces it. */
          supersededBy: z.string().regex(resolutionIdPattern).optional(),
          note: z.string().optional(),
        }),
      )
      .default([]),
  });
}

/**
 * Decisions on ambiguous name mentions, recorded by an editor after
 * `npm run check:names` (file `content/name-decisions.yaml`): a surname-only
 * mention in one protocol that could mean several people.
 */
export const nameDecisionsSchema = z.array(
  z.object({
    /** The mention as written ("Herr Müller"). */
    mention: z.string().min(1),
    /** Meeting id of the protocol it occurs in. */
    meeting: meetingId,
    /** The person meant, or null when it is none of the registered people. */
    person: slugId.nullable(),
  }),
);

export type PersonData = z.infer<typeof personSchema>;
export type TopicData = z.infer<typeof topicSchema>;
export type MatterData = z.infer<ReturnType<typeof matterSchema<z.ZodString>>>;
export type NameDecision = z.infer<typeof nameDecisionsSchema>[number];
export type OrganisationData = z.infer<typeof organisationSchema>;
export type CommitteeData = z.infer<typeof committeeSchema>;
/** Protocol frontmatter as the importer writes it (ids as strings). */
export type ProtocolData = z.infer<ReturnType<typeof protocolSchema<z.ZodString>>>;
/** One attachment (Anlage) of a meeting, as in the protocol frontmatter. */
export type AttachmentData = ProtocolData['attachments'][number];
