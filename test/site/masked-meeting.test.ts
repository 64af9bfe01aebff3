/**
 * Issue #22: the archive index masks every text field once (src/lib/index/masked-meeting.ts), and
 * what points into the masked text (sections, resolutions, mentions) still points at the same words.
 */
import { describe, expect, it } from 'vitest';
import { maskWithOffsets } from '../../src/lib/index/masked-meeting';
import { peopleIndex } from '../../src/lib/index/people-index';
import { EMAIL_MARK, PHONE_MARK } from '../../src/lib/text/privacy';
import { createMentionMatcher } from '../../src/lib/text/mention-matcher';
import { parseProtocolBody } from '../../src/lib/text/protocol-body';
import { index, meeting, registries } from './helpers';

describe('maskWithOffsets', () => {
  it('moves offsets after a mark by its length difference, and offsets inside it to its edges', () => {
    const text = 'Tel. 0228 123456 – Oleg Cernavin';
    const { text: masked, moved } = maskWithOffsets(text);
    expect(masked).toBe(`Tel. ${PHONE_MARK} – Oleg Cernavin`);
    const name = text.indexOf('Oleg');
    expect(masked.slice(moved(name), moved(name + 'Oleg Cernavin'.length, true))).toBe('Oleg Cernavin');
    expect(moved(7)).toBe(5);
    expect(moved(7, true)).toBe(5 + PHONE_MARK.length);
  });
});

describe('buildArchiveIndex: masked once', () => {
  const m = meeting(
    {
      date: '2021-11-11',
      committee: 'plenum',
      title: 'Plenum, Rückfragen +49 (0) 30 / 123 456',
      location: 'Bonn, anna(at)example(punkt)org',
      agenda: [{ number: '1', title: 'Bericht, Telefonnummer: 7654321', details: 'anna at example dot org', presenters: [], organizations: [] }],
      nextMeetings: [{ date: '2022-05-12', committee: 'plenum', note: 'Anmeldung an anna@example.org' }],
      attachments: [{ number: '1', title: 'Liste (030.1234567)' }],
    },
    '## TOP 1 – Bericht, Telefonnummer: 7654321\n\nRückfragen an anna@example.org. Oleg Cernavin berichtet.\n\n<Resolution id="2021-11-11-plenum-b1" kind="Beschluss" item="1" result="7/0/1">\nKontakt 030 1234567.\n</Resolution>\n',
  );
  const archive = index([m]);
  const [published] = archive.meetings;

  it('masks every text field of the meeting and its body reading', () => {
    expect(published.title).toBe(`Plenum, Rückfragen ${PHONE_MARK}`);
    expect(published.location).toBe(`Bonn, ${EMAIL_MARK}`);
    expect(published.agenda[0]).toMatchObject({ title: `Bericht, Telefonnummer: ${PHONE_MARK}`, details: EMAIL_MARK });
    expect(published.nextMeetings[0].note).toBe(`Anmeldung an ${EMAIL_MARK}`);
    expect(published.attachments[0].title).toBe(`Liste (${PHONE_MARK})`);
    expect(archive.resolutions[0]).toMatchObject({ text: `Kontakt ${PHONE_MARK}.`, result: '7/0/1' });
    expect(archive.bodies.get(m.id)?.topTitles['1']).toBe(`Bericht, Telefonnummer: ${PHONE_MARK}`);
    expect(JSON.stringify(archive.meetings)).not.toMatch(/anna|7654321|123 456|1234567/);
  });

  it('moves the mentions the content loader found in the unmasked text along with it', () => {
    const read = parseProtocolBody(m.body);
    const found = createMentionMatcher(registries()).find(read.text.text, m.id);
    const loaded = index([{ ...m, parsedBody: { ...read, mentions: found.map((f) => ({ ...f })) } }]);
    const body = loaded.bodies.get(m.id)!;
    const oleg = body.mentions!.find((f) => f.id === 'oleg-cernavin')!;
    expect(body.text.text.slice(oleg.index, oleg.index + oleg.length)).toBe('Oleg Cernavin');
    expect(oleg.index).not.toBe(found.find((f) => f.id === 'oleg-cernavin')!.index);
  });

  it('keeps the people index pointing at the names in the masked text', () => {
    const mention = peopleIndex(archive).mentions.get(m.id)?.find((found) => found.id === 'oleg-cernavin');
    const text = archive.bodies.get(m.id)!.text.text;
    expect(mention && text.slice(mention.index, mention.index + mention.length)).toBe('Oleg Cernavin');
  });

  it('leaves the meeting it was given as written (the integrity checks read that one)', () => {
    expect(m.title).toBe('Plenum, Rückfragen +49 (0) 30 / 123 456');
  });
});
