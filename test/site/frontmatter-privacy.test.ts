/**
 * Contact data in frontmatter text (agenda details, announced meetings) is
 * masked on the meeting page like the protocol body.
 */
import { describe, expect, it } from 'vitest';
import { meetingView } from '../../src/lib/views/meeting';
import { index, meeting } from './helpers';

describe('meeting page privacy', () => {
  it('masks e-mail addresses and phone numbers in agenda details and announcements', () => {
    const m = meeting({
      date: '2021-11-11',
      committee: 'plenum',
      agenda: [{ number: '1', title: 'Begrüßung', details: 'Anmeldung bei info@example.org', presenters: [], organizations: [] }],
      nextMeetings: [{ date: '2022-06-09', committee: 'plenum', note: 'Rückfragen unter 0228 123456' }],
    });
    const view = meetingView(index([m]), m.id);
    expect(view.agenda[0].details).toBe('Anmeldung bei [E-Mail-Adresse entfernt]');
    expect(view.nextMeetings[0].note).toBe('Rückfragen unter [Telefonnummer entfernt]');
  });
});
