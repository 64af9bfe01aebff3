/**
 * OParl Paper (from the matters) with embedded Consultations, and the attachments
 * (Anlagen) as `auxiliaryFile` of Meeting and AgendaItem (src/lib/publish/oparl.ts).
 */
import { describe, expect, it } from 'vitest';
import { oparlExport } from '../../src/lib/publish/oparl';
import { schemasByType } from '../../src/lib/publish/oparl-schema';
import { archive, site } from './open-data-fixture';

const files = oparlExport(archive, site, '2024-01-02T03:04:05Z');
const byPath = new Map(files.map((file) => [file.path, file.data]));
const url = (path: string) => `${site}${path}`;

describe('OParl Paper from the matters', () => {
  it('lists the matters in body.paper, so the list is no longer empty', () => {
    const body = byPath.get('/oparl/1.1/body/om.json') as { paper: string };
    const list = byPath.get(body.paper.slice(site.length)) as { data: { id: string }[]; pagination: { totalElements: number } };
    expect(list.pagination.totalElements).toBe(1);
    expect(list.data.map((paper) => paper.id)).toEqual([url('/oparl/1.1/paper/handwerk-digital.json')]);
  });

  it('describes a matter with its consultations, oldest first, pointing to meeting, TOP and committee', () => {
    const paper = byPath.get('/oparl/1.1/paper/handwerk-digital.json') as Record<string, unknown> & { consultation: Record<string, unknown>[] };
    expect(paper).toMatchObject({
      type: 'https://schema.oparl.org/1.1/Paper',
      body: url('/oparl/1.1/body/om.json'),
      name: 'Digitalisierung im Handwerk',
      reference: 'handwerk-digital',
      date: '2021-04-22',
      web: url('/vorgaenge/handwerk-digital/'),
    });
    expect(schemasByType[paper.type as string].safeParse(paper).success).toBe(true);
    expect(paper.consultation.map(({ meeting, agendaItem, organization, authoritative, role }) => ({ meeting, agendaItem, organization, authoritative, role }))).toEqual([
      {
        meeting: url('/oparl/1.1/meeting/2021-04-22-strategiekreis.json'),
        agendaItem: url('/oparl/1.1/agendaitem/2021-04-22-strategiekreis-1.json'),
        organization: [url('/oparl/1.1/organization/strategiekreis.json')],
        authoritative: false,
        role: 'Idee vorgestellt.',
      },
      {
        meeting: url('/oparl/1.1/meeting/2021-11-11-plenum.json'),
        // TOP 2 is the third agenda entry (after the unnumbered "Pause").
        agendaItem: url('/oparl/1.1/agendaitem/2021-11-11-plenum-3.json'),
        organization: [url('/oparl/1.1/organization/plenum.json')],
        authoritative: true,
        role: 'Vereinbarung getroffen.',
      },
    ]);
    for (const consultation of paper.consultation) expect(consultation.paper).toBe(paper.id);
  });

  it('links the agenda item back to the consultation held in it', () => {
    const item = byPath.get('/oparl/1.1/agendaitem/2021-11-11-plenum-3.json') as { consultation?: string };
    const paper = byPath.get('/oparl/1.1/paper/handwerk-digital.json') as { consultation: { id: string }[] };
    expect(item.consultation).toBe(paper.consultation[1].id);
    expect(byPath.get('/oparl/1.1/agendaitem/2021-11-11-plenum-1.json')).not.toHaveProperty('consultation');
  });

  it('rejects a Consultation without paper', () => {
    const paper = byPath.get('/oparl/1.1/paper/handwerk-digital.json') as { consultation: Record<string, unknown>[] };
    const { paper: _paper, ...withoutPaper } = paper.consultation[0];
    expect(schemasByType['https://schema.oparl.org/1.1/Consultation'].safeParse(withoutPaper).success).toBe(false);
  });
});

describe('OParl File for attachments', () => {
  const meeting = byPath.get('/oparl/1.1/meeting/2021-11-11-plenum.json') as { auxiliaryFile?: Record<string, unknown>[]; agendaItem: Record<string, unknown>[] };

  it('lists only published attachment files as auxiliaryFile of the meeting', () => {
    // Anlage 2 is withheld (contact data), Anlage 3 has no file: neither gets a File (it would have no accessUrl).
    expect(meeting.auxiliaryFile).toEqual([
      {
        id: url('/oparl/1.1/file/2021-11-11-plenum-anlage-1.json'),
        type: 'https://schema.oparl.org/1.1/File',
        name: 'Anlage 1: Präsentation Handwerk digital',
        fileName: 'anlage-1.pdf',
        mimeType: 'application/pdf',
        size: 2048,
        accessUrl: url('/anlagen/2021-11-11-plenum/anlage-1.pdf'),
        downloadUrl: url('/anlagen/2021-11-11-plenum/anlage-1.pdf'),
        meeting: [url('/oparl/1.1/meeting/2021-11-11-plenum.json')],
        agendaItem: [url('/oparl/1.1/agendaitem/2021-11-11-plenum-3.json')],
        created: '2024-01-02T03:04:05Z',
        modified: '2024-01-02T03:04:05Z',
      },
    ]);
    expect(JSON.stringify(files)).not.toContain('anlage-2.pdf');
  });

  it('gives the agenda item of the TOP its attachments, and no other item', () => {
    expect(meeting.agendaItem.map((item) => (item.auxiliaryFile as { fileName: string }[] | undefined)?.map((f) => f.fileName))).toEqual([undefined, undefined, ['anlage-1.pdf']]);
  });

  it('serves each File at its id', () => {
    expect(byPath.get('/oparl/1.1/file/2021-11-11-plenum-anlage-1.json')).toEqual(meeting.auxiliaryFile![0]);
  });
});
