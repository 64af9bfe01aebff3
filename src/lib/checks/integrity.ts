/**
 * Reference integrity of the archive. Astro's `reference()` only logs a missing
 * entry and the build still succeeds, so a typo in an id would silently drop a
 * person from a page. `checkIntegrity` finds every such problem;
 * `src/lib/archive.ts` throws with the list, which fails `astro build`.
 *
 * Every message names the file, the field and the fix:
 * `content/protocols/2021-04-22-strategiekreis.mdx: agenda[1].presenters[0]: unknown person "annete-icks". Fix: add content/people/annete-icks.yaml or correct the id.`
 */
import type { Matter, Meeting } from '../model/model';
import { protocolBodyOf } from '../text/protocol-body';
import { resolutionKinds } from '../model/schema';
import { escapeRegExp } from '../text/regexp';

/** The registries' ids; a `Map` or `Set` of ids both fit. */
export interface RegistryIds {
  people: { has(id: string): boolean };
  organisations: { has(id: string): boolean };
  committees: { has(id: string): boolean };
  topics: { has(id: string): boolean };
}

type RegistryName = keyof RegistryIds;

/** How each registry is named in messages. */
const registryNouns: Record<RegistryName, string> = {
  people: 'person',
  organisations: 'organisation',
  committees: 'committee',
  topics: 'topic',
};

/** `file: field: problem. Fix: …` */
function problem(file: string, field: string, what: string, fix: string): string {
  return `${file}: ${field}: ${what}. Fix: ${fix}.`;
}

/** Checks one id against a registry; returns a problem message or nothing. */
function checkId(registries: RegistryIds, registry: RegistryName, id: string, file: string, field: string): string[] {
  if (registries[registry].has(id)) return [];
  return [
    problem(
      file,
      field,
      `unknown ${registryNouns[registry]} "${id}"`,
      `add content/${registry}/${id}.yaml or correct the id`,
    ),
  ];
}

/** All id fields of one meeting's frontmatter. */
function checkFrontmatterIds(meeting: Meeting, registries: RegistryIds): string[] {
  const { file } = meeting;
  const problems = [...checkId(registries, 'committees', meeting.committee, file, 'committee')];
  meeting.attendees.forEach((id, i) => problems.push(...checkId(registries, 'people', id, file, `attendees[${i}]`)));
  if (meeting.moderator) problems.push(...checkId(registries, 'people', meeting.moderator, file, 'moderator'));
  if (meeting.minutesBy) problems.push(...checkId(registries, 'people', meeting.minutesBy, file, 'minutesBy'));
  meeting.agenda.forEach((item, i) => {
    item.presenters.forEach((id, j) =>
      problems.push(...checkId(registries, 'people', id, file, `agenda[${i}].presenters[${j}]`)),
    );
    item.organizations.forEach((id, j) =>
      problems.push(...checkId(registries, 'organisations', id, file, `agenda[${i}].organizations[${j}]`)),
    );
    (item.topics ?? []).forEach((id, j) => problems.push(...checkId(registries, 'topics', id, file, `agenda[${i}].topics[${j}]`)));
  });
  (meeting.memberships ?? []).forEach((m, i) => {
    problems.push(...checkId(registries, 'people', m.person, file, `memberships[${i}].person`));
    problems.push(...checkId(registries, 'organisations', m.organization, file, `memberships[${i}].organization`));
  });
  meeting.nextMeetings.forEach((next, i) =>
    problems.push(...checkId(registries, 'committees', next.committee, file, `nextMeetings[${i}].committee`)),
  );
  return problems;
}

/**
 * Checks every protocol's id fields against the registries, and its
 * `<Resolution>` elements: id of the form `<meeting-id>-b<n>`, unique across the
 * archive, `kind` one of `resolutionKinds`, attributes written as strings.
 * @param meetings all meetings (with `file` and `body`)
 * @param registries the ids of people, organisations and committees
 * @returns problem messages, empty when all is well
 * @example checkIntegrity([meetingWithPresenter('annete-icks')], { people: new Set(['annette-icks']), ... })
 *   // => ['content/protocols/….mdx: agenda[1].presenters[0]: unknown person "annete-icks". Fix: add content/people/annete-icks.yaml or correct the id.']
 */
export function checkIntegrity(meetings: readonly Meeting[], registries: RegistryIds): string[] {
  const problems: string[] = [];
  /** Resolution id => where it was first seen. */
  const seen = new Map<string, string>();
  for (const meeting of meetings) {
    problems.push(...checkFrontmatterIds(meeting, registries));
    const idPattern = new RegExp(`^${escapeRegExp(meeting.id)}-b\\d+$`);
    protocolBodyOf(meeting).resolutions.forEach((resolution, i) => {
      const where = `<Resolution> #${i + 1}${resolution.line ? ` (body line ${resolution.line})` : ''}`;
      for (const name of resolution.expressionAttributes) {
        problems.push(problem(meeting.file, `${where} ${name}`, 'is a JS expression', `write it as a string, ${name}="…"`));
      }
      if (!idPattern.test(resolution.id)) {
        problems.push(
          problem(
            meeting.file,
            `${where} id`,
            `"${resolution.id}" does not have the form "<meeting-id>-b<n>"`,
            `use id="${meeting.id}-b${i + 1}"`,
          ),
        );
      } else if (seen.has(resolution.id)) {
        problems.push(
          problem(
            meeting.file,
            `${where} id`,
            `"${resolution.id}" is used twice (first at ${seen.get(resolution.id)})`,
            `number the resolutions of a meeting b1, b2, … without repeats`,
          ),
        );
      } else {
        seen.set(resolution.id, `${meeting.file} ${where}`);
      }
      if (!(resolutionKinds as readonly string[]).includes(resolution.kind)) {
        problems.push(
          problem(
            meeting.file,
            `${where} kind`,
            `"${resolution.kind}" is not a resolution kind`,
            `use one of ${resolutionKinds.map((kind) => `"${kind}"`).join(', ')}`,
          ),
        );
      }
    });
  }
  return problems;
}

/**
 * Checks the matters (`content/matters/<id>.yaml`): every consultation names an
 * existing meeting, an agenda item that meeting has, and resolutions of that
 * meeting; every status names an existing resolution and meeting.
 * @returns problem messages (`content/matters/<id>.yaml: consultations[0].meeting: …. Fix: ….`)
 */
export function checkMatters(matters: Iterable<Matter>, meetings: readonly Meeting[]): string[] {
  const problems: string[] = [];
  const byId = new Map(meetings.map((m) => [m.id, m]));
  const resolutionIds = new Map(meetings.map((m) => [m.id, new Set(protocolBodyOf(m).resolutions.map((r) => r.id))]));
  const allResolutions = new Set([...resolutionIds.values()].flatMap((ids) => [...ids]));
  for (const matter of matters) {
    const file = `content/matters/${matter.id}.yaml`;
    matter.consultations.forEach((c, i) => {
      const meeting = byId.get(c.meeting);
      if (!meeting) {
        problems.push(problem(file, `consultations[${i}].meeting`, `unknown meeting "${c.meeting}"`, 'use the id of a file in content/protocols/ (without .mdx)'));
        return;
      }
      if (c.agendaItem && !meeting.agenda.some((a) => a.number === c.agendaItem)) {
        problems.push(problem(file, `consultations[${i}].agendaItem`, `meeting "${c.meeting}" has no TOP ${c.agendaItem}`, `use one of ${meeting.agenda.filter((a) => a.number).map((a) => a.number).join(', ')}`));
      }
      c.resolutions.forEach((r, j) => {
        if (!resolutionIds.get(c.meeting)?.has(r)) problems.push(problem(file, `consultations[${i}].resolutions[${j}]`, `meeting "${c.meeting}" has no resolution "${r}"`, 'use an id of a <Resolution> in that protocol'));
      });
    });
    matter.statuses.forEach((s, i) => {
      if (!allResolutions.has(s.resolution)) problems.push(problem(file, `statuses[${i}].resolution`, `unknown resolution "${s.resolution}"`, 'use an id of a <Resolution> in content/protocols/'));
      if (!byId.has(s.statedIn)) problems.push(problem(file, `statuses[${i}].statedIn`, `unknown meeting "${s.statedIn}"`, 'use the id of the meeting whose protocol states the status'));
      if (s.supersededBy && !allResolutions.has(s.supersededBy)) problems.push(problem(file, `statuses[${i}].supersededBy`, `unknown resolution "${s.supersededBy}"`, 'use an id of a <Resolution> in content/protocols/'));
    });
  }
  return problems;
}

/**
 * Checks that each protocol's `source.file` exists in `content/sources/` with the recorded SHA-256.
 * Returned as warnings, not build failures: the site then shows the file name without a link.
 * @param sources file name => SHA-256 hex of its bytes
 * @example checkSourceFiles([meeting], new Map()) // => ['content/protocols/….mdx: source.file: "002_….txt" is not in content/sources/. Fix: …']
 */
export function checkSourceFiles(meetings: readonly Meeting[], sources: ReadonlyMap<string, string>): string[] {
  const warnings: string[] = [];
  for (const meeting of meetings) {
    const { file: name, sha256 } = meeting.source;
    const actual = sources.get(name);
    if (actual === undefined) {
      warnings.push(
        problem(meeting.file, 'source.file', `"${name}" is not in content/sources/`, 'copy the original file there or correct the name'),
      );
    } else if (actual !== sha256) {
      warnings.push(
        problem(
          meeting.file,
          'source.sha256',
          `content/sources/${name} has SHA-256 ${actual}, not the recorded ${sha256}`,
          'restore the original file or re-run the importer',
        ),
      );
    }
  }
  return warnings;
}

/**
 * Checks each protocol's `attachments`: every `file` is in `content/attachments/<meeting-id>/`,
 * no number is listed twice, and `item` is a TOP of the agenda. A broken attachment
 * reference fails the build like any other.
 * @param files meeting id => the file names in its attachments folder (`loadAttachmentCatalog`)
 * @example checkAttachments([meetingWithFile('anlage-3.pdf')], new Map())
 *   // => ['content/protocols/….mdx: attachments[0].file: "anlage-3.pdf" is not in content/attachments/<meeting-id>/. Fix: …']
 */
export function checkAttachments(meetings: readonly Meeting[], files: ReadonlyMap<string, { has(name: string): boolean }>): string[] {
  const problems: string[] = [];
  for (const meeting of meetings) {
    const seen = new Set<string>();
    const folder = `content/attachments/${meeting.id}/`;
    (meeting.attachments ?? []).forEach((attachment, i) => {
      if (seen.has(attachment.number)) {
        problems.push(problem(meeting.file, `attachments[${i}].number`, `Anlage ${attachment.number} is listed twice`, 'list each attachment once'));
      }
      seen.add(attachment.number);
      if (attachment.file !== undefined && !files.get(meeting.id)?.has(attachment.file)) {
        problems.push(problem(meeting.file, `attachments[${i}].file`, `"${attachment.file}" is not in ${folder}`, `copy the file to ${folder}${attachment.file}, correct the name, or remove the field until the file is at hand`));
      }
      if (attachment.item !== undefined && !meeting.agenda.some((item) => item.number === attachment.item)) {
        problems.push(problem(meeting.file, `attachments[${i}].item`, `the agenda has no TOP ${attachment.item}`, `use one of ${meeting.agenda.filter((a) => a.number).map((a) => a.number).join(', ') || '(none: remove the field)'}`));
      }
    });
  }
  return problems;
}

/** What `checkPublishedFiles` looks at: the files of the two published folders and the links among them. */
export interface PublishedFolders {
  /** File names in `content/sources/` (`listSourceFiles`). */
  sources: Iterable<string>;
  /** Meeting folder => files in `content/attachments/` (`loadAttachmentCatalog`), with each file's `refusal`, if any. */
  attachments: ReadonlyMap<string, ReadonlyMap<string, { refusal?: string }>>;
  /** Symbolic links at or below `content/sources/` and `content/attachments/` (`symbolicLinks`). */
  links: readonly { path: string; target: string }[];
}

/**
 * Only listed files are published, and nothing active (README "Safe to publish"): fails on a
 * symbolic link in the published folders (folder or file), an original no protocol names
 * (`source.file`), an attachment folder of no meeting, an attachment file no protocol lists
 * (`attachments[].file`), and an active attachment (HTML, SVG, …). Each message names the file.
 * @example checkPublishedFiles(meetings, { sources: ['alt.pdf'], attachments: new Map(), links: [] })
 *   // => ['content/sources/alt.pdf: no protocol names this original as source.file. Fix: …']
 */
export function checkPublishedFiles(meetings: readonly Meeting[], folders: PublishedFolders): string[] {
  const problems: string[] = [];
  const fileProblem = (file: string, what: string, fix: string) => problems.push(`${file}: ${what}. Fix: ${fix}.`);
  for (const link of folders.links) {
    fileProblem(link.path, `a symbolic link (to ${link.target}); the archive publishes only real files inside content/`, 'replace the link by a real folder or file with the content itself (cp -rL), or delete it');
  }
  const named = new Set(meetings.map((m) => m.source.file));
  for (const source of folders.sources) {
    if (!named.has(source)) fileProblem(`content/sources/${source}`, 'no protocol names this original as source.file (its protocol was deleted or renamed?)', `delete the file, or name it in the protocol's source.file (npm run import -- content/sources/${source} writes the protocol anew)`);
  }
  const byId = new Map(meetings.map((m) => [m.id, m]));
  for (const [folder, files] of folders.attachments) {
    const meeting = byId.get(folder);
    if (!meeting) {
      fileProblem(`content/attachments/${folder}/`, `a folder of no meeting (there is no content/protocols/${folder}.mdx)`, 'rename it to the id of its meeting (the protocol file name without .mdx), or delete it');
      continue;
    }
    const listed = new Set((meeting.attachments ?? []).map((a) => a.file));
    for (const [name, file] of files) {
      const path = `content/attachments/${folder}/${name}`;
      if (file.refusal) problems.push(`${path}: ${file.refusal}`);
      else if (!listed.has(name)) fileProblem(path, `no attachment of ${meeting.file} lists this file`, `add "file: ${name}" to its entry under attachments in ${meeting.file}, or delete the file`);
    }
  }
  return problems;
}

/**
 * Builds the error that fails the build, listing every problem on its own line.
 * @example integrityError(['a: b: c. Fix: d.']).message // => 'The archive has 1 integrity problem (src/lib/checks/integrity.ts):\n  a: b: c. Fix: d.'
 */
export function integrityError(problems: readonly string[]): Error {
  const noun = problems.length === 1 ? 'integrity problem' : 'integrity problems';
  return new Error(
    `The archive has ${problems.length} ${noun} (src/lib/checks/integrity.ts):\n${problems.map((p) => `  ${p}`).join('\n')}`,
  );
}
