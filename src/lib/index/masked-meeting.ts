/**
 * Contact data masked once, where the archive index is built (`buildArchiveIndex`): every
 * text field of a meeting (title, location, agenda titles and details, announced meetings'
 * notes, roles, attachment titles) and of its body reading (TOP titles, resolution texts and
 * results, the visible text), and the free text of the registries (matters, committee and
 * topic descriptions). So no page, `<title>`, meta description, list, feed, data set, OParl
 * object or search fragment made from the index can show an unmasked value, whichever
 * field it takes (issue #22). The MDX files and the integrity checks keep the text as written.
 *
 * Ids, dates, file names and references are not text and stay as they are. The raw MDX body is
 * not carried into the index: what the site shows of it is the rendered HTML (masked by
 * `rehype-mask-contact.ts`) and the body reading (`parsedBody`, masked here).
 */
import type { MentionInText, ProtocolBody, ProtocolText, TextRange } from '../model/body-shape';
import type { Meeting, Registries } from '../model/model';
import { contactSpans } from '../text/contact-data';
import { EMAIL_MARK, PHONE_MARK, maskContactData } from '../text/privacy';
import { protocolBodyOf } from '../text/protocol-body';

const mask = maskContactData;
const maskOptional = <T extends string | undefined>(value: T): T => (value === undefined ? value : (mask(value) as T));

/**
 * A text masked, with a function that moves an offset of the text to the masked text (an
 * offset inside a masked stretch moves to the mark's start, or its end for `end` offsets).
 * @example maskWithOffsets('Tel. 0228 123456 – Ende').moved(17) // => 29
 */
export function maskWithOffsets(text: string): { text: string; moved: (offset: number, end?: boolean) => number } {
  const spans = contactSpans(text);
  if (spans.length === 0) return { text, moved: (offset) => offset };
  // Where each span lands in the masked text: `at` to `to`.
  const landed: { start: number; end: number; at: number; to: number }[] = [];
  let masked = '';
  let copied = 0;
  for (const span of spans) {
    masked += text.slice(copied, span.start);
    const at = masked.length;
    masked += span.kind === 'email' ? EMAIL_MARK : PHONE_MARK;
    landed.push({ start: span.start, end: span.end, at, to: masked.length });
    copied = span.end;
  }
  masked += text.slice(copied);
  const moved = (offset: number, end = false) => {
    let delta = 0;
    for (const span of landed) {
      if (offset >= span.end) delta = span.to - span.end;
      else if (offset > span.start) return end ? span.to : span.at;
      else break;
    }
    return offset + delta;
  };
  return { text: masked, moved };
}

/** The body's visible text masked, its ranges and mentions moved along. */
function maskedText(text: ProtocolText, mentions: MentionInText[] | undefined): { text: ProtocolText; mentions?: MentionInText[] } {
  const { text: masked, moved } = maskWithOffsets(text.text);
  if (masked === text.text) return { text, mentions };
  const range = <R extends TextRange>(r: R): R => ({ ...r, start: moved(r.start), end: moved(r.end, true) });
  return {
    text: { text: masked, sections: text.sections.map(range), resolutions: text.resolutions.map(range) },
    mentions: mentions?.map((m) => {
      const index = moved(m.index);
      return { ...m, index, length: moved(m.index + m.length, true) - index };
    }),
  };
}

/**
 * A meeting's body reading with contact data masked: TOP titles, resolution texts and
 * results, the visible text (offsets of sections, resolutions and mentions moved along).
 */
export function maskedBody(body: ProtocolBody): ProtocolBody {
  const { text, mentions } = maskedText(body.text, body.mentions);
  return {
    ...body,
    topTitles: Object.fromEntries(Object.entries(body.topTitles).map(([number, title]) => [number, mask(title)])),
    resolutions: body.resolutions.map((r) => ({ ...r, text: mask(r.text), result: maskOptional(r.result) })),
    text,
    ...(mentions && { mentions }),
  };
}

/**
 * A meeting as the site publishes it: every text field masked, the body reading too
 * (`parsedBody`, read from the body when the loader did not), the raw `body` left empty.
 * @example maskedMeeting(meeting({ title: 'Sitzung, Rückfragen 0228 123456', … })).title // => 'Sitzung, Rückfragen [Telefonnummer entfernt]'
 */
export function maskedMeeting(meeting: Meeting): Meeting {
  return {
    ...meeting,
    title: mask(meeting.title),
    location: maskOptional(meeting.location),
    agenda: meeting.agenda.map((item) => ({ ...item, title: mask(item.title), details: maskOptional(item.details) })),
    nextMeetings: meeting.nextMeetings.map((next) => ({ ...next, note: maskOptional(next.note) })),
    memberships: meeting.memberships?.map((m) => ({ ...m, role: maskOptional(m.role) })),
    attachments: meeting.attachments?.map((a) => ({ ...a, title: mask(a.title) })),
    body: '',
    parsedBody: maskedBody(protocolBodyOf(meeting)),
  };
}

/** The registries with their free text masked: matters (title, description, notes), committee and topic descriptions. */
export function maskedRegistries(registries: Registries): Registries {
  const matters = new Map(
    [...registries.matters].map(([id, m]) => [
      id,
      {
        ...m,
        title: mask(m.title),
        description: mask(m.description),
        consultations: m.consultations.map((c) => ({ ...c, note: maskOptional(c.note) })),
        statuses: m.statuses.map((s) => ({ ...s, note: maskOptional(s.note) })),
      },
    ]),
  );
  const committees = new Map([...registries.committees].map(([id, c]) => [id, { ...c, description: maskOptional(c.description) }]));
  const topics = new Map([...registries.topics].map(([id, t]) => [id, { ...t, description: mask(t.description) }]));
  return { ...registries, matters, committees, topics };
}
