import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportTimestamp, listPages, oparlExport, type OparlFile } from '../../src/lib/publish/oparl';
import { listPageSchema, schemasByType } from '../../src/lib/publish/oparl-schema';
import { archive, contactData, site } from './open-data-fixture';

const generatedAt = '2024-01-02T03:04:05Z';
const files = oparlExport(archive, site, generatedAt);
const byPath = new Map(files.map((file) => [file.path, file.data]));
const url = (path: string) => `${site}${path}`;

/** Every OParl object in a file: the file's own object, list entries, embedded objects. */
function objectsIn(value: unknown, found: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(value)) for (const entry of value) objectsIn(entry, found);
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.type === 'string' && record.type.startsWith('https://schema.oparl.org/1.1/')) found.push(record);
    for (const entry of Object.values(record)) objectsIn(entry, found);
  }
  return found;
}

/** Every URL under the export in a file (ids, references, list links). */
function exportUrls(file: OparlFile): string[] {
  return [...JSON.stringify(file.data).matchAll(/"(https:\/\/protokolle\.example\.org\/oparl\/[^"]+)"/g)].map((match) => match[1]);
}

describe('oparlExport', () => {
  it('starts at system.json, a System pointing to the list of bodies', () => {
    expect(byPath.get('/oparl/1.1/system.json')).toMatchObject({
      id: url('/oparl/1.1/system.json'),
      type: 'https://schema.oparl.org/1.1/System',
      oparlVersion: 'https://schema.oparl.org/1.1/',
      body: url('/oparl/1.1/bodies.json'),
    });
  });

  it('gives every object the fields OParl 1.1 requires, with the right types', () => {
    const objects = files.flatMap((file) => objectsIn(file.data));
    expect(new Set(objects.map((object) => object.type))).toEqual(new Set(Object.keys(schemasByType)));
    for (const object of objects) {
      const result = schemasByType[object.type as string].safeParse(object);
      expect(result.success, `${object.id}: ${result.error?.message}`).toBe(true);
    }
  });

  it('is checked by schemas that reject an object missing a required field', () => {
    const system = byPath.get('/oparl/1.1/system.json')!;
    const { body: _body, ...withoutBody } = system;
    expect(schemasByType[system.type as string].safeParse(withoutBody).success).toBe(false);
    const item = (byPath.get('/oparl/1.1/meeting/2021-11-11-plenum.json') as { agendaItem: Record<string, unknown>[] }).agendaItem[0];
    const { order: _order, ...withoutOrder } = item;
    expect(schemasByType[item.type as string].safeParse(withoutOrder).success).toBe(false);
    expect(schemasByType[item.type as string].safeParse({ ...item, modified: '2024-01-02' }).success).toBe(false);
  });

  it('writes every list as a list page (data, pagination, links)', () => {
    const lists = files.filter((file) => 'data' in file.data);
    expect(lists.map((file) => file.path).sort()).toEqual([
      '/oparl/1.1/bodies.json',
      '/oparl/1.1/body/om/meeting.json',
      '/oparl/1.1/body/om/organization.json',
      '/oparl/1.1/body/om/paper.json',
      '/oparl/1.1/body/om/person.json',
      '/oparl/1.1/organization/plenum/meeting.json',
      '/oparl/1.1/organization/strategiekreis/meeting.json',
    ]);
    for (const list of lists) expect(listPageSchema(z.unknown()).safeParse(list.data).success, list.path).toBe(true);
  });

  it('serves every object at its id, and every URL under /oparl/ it mentions resolves to a file', () => {
    for (const file of files) {
      const data = file.data as { id?: string };
      if (data.id) expect(data.id).toBe(url(file.path));
      for (const link of exportUrls(file)) expect(byPath.has(link.slice(site.length)), `${file.path} → ${link}`).toBe(true);
    }
    const embedded = files.flatMap((file) => objectsIn(file.data));
    for (const object of embedded) expect(byPath.has((object.id as string).slice(site.length)), object.id as string).toBe(true);
  });

  it('embeds the agenda in order, with number, name, result and the resolutions’ texts (masked)', () => {
    const meeting = byPath.get('/oparl/1.1/meeting/2021-11-11-plenum.json') as { agendaItem: Record<string, unknown>[] };
    expect(meeting.agendaItem.map(({ order, number, name, result, resolutionText }) => ({ order, number, name, result, resolutionText }))).toEqual([
      { order: 1, number: '1', name: 'Begrüßung', result: 'einstimmig', resolutionText: 'Das Protokoll wird genehmigt.' },
      { order: 2, number: undefined, name: 'Pause', result: undefined, resolutionText: undefined },
      {
        order: 3,
        number: '2',
        name: 'Digitalisierung im Handwerk',
        result: 'ohne Gegenstimmen',
        resolutionText:
          'Rückfragen an [E-Mail-Adresse entfernt] oder [Telefonnummer entfernt].\n\nZweiter Beschluss, mit "Anführungszeichen", Komma\n\nund zweitem Absatz.',
      },
    ]);
    expect(meeting.agendaItem[2]).toMatchObject({
      start: '2021-11-11T10:30:00+01:00',
      end: '2021-11-11T11:00:00+01:00',
      keyword: ['Digitalisierung'],
      web: url('/sitzungen/2021-11-11-plenum/#top-2'),
    });
  });

  it('gives meetings their times with the German offset, organisation, participants, place and original file', () => {
    expect(byPath.get('/oparl/1.1/meeting/2021-11-11-plenum.json')).toMatchObject({
      name: '25. Plenum der Offensive Mittelstand',
      start: '2021-11-11T09:00:00+01:00',
      end: '2021-11-11T13:00:00+01:00',
      organization: [url('/oparl/1.1/organization/plenum.json')],
      participant: ['annette-icks', 'oleg-cernavin', 'rolf-papenfuss'].map((id) => url(`/oparl/1.1/person/${id}.json`)),
      location: { description: 'bei der DGUV in Bonn (Tel. [Telefonnummer entfernt])' },
      resultsProtocol: { accessUrl: url('/quellen/2021-11-11-plenum.txt'), mimeType: 'text/plain' },
      web: url('/sitzungen/2021-11-11-plenum/'),
      created: generatedAt,
      modified: generatedAt,
    });
    expect(byPath.get('/oparl/1.1/meeting/2021-04-22-strategiekreis.json')).toMatchObject({ start: '2021-04-22T11:00:00+02:00' });
    // No stated time: midnight of the day; no source file in content/sources/: no resultsProtocol.
    const march = byPath.get('/oparl/1.1/meeting/2022-03-15-strategiekreis.json')!;
    expect(march.start).toBe('2022-03-15T00:00:00+01:00');
    expect(march).not.toHaveProperty('resultsProtocol');
  });

  it('describes people by name only', () => {
    expect(byPath.get('/oparl/1.1/person/annette-icks.json')).toEqual({
      id: url('/oparl/1.1/person/annette-icks.json'),
      type: 'https://schema.oparl.org/1.1/Person',
      body: url('/oparl/1.1/body/om.json'),
      name: 'Dr. Annette Icks',
      familyName: 'Icks',
      title: ['Dr.'],
      created: generatedAt,
      modified: generatedAt,
    });
  });

  it('publishes no contact data', () => {
    const text = JSON.stringify(files);
    for (const data of contactData) expect(text).not.toContain(data);
  });
});

describe('listPages', () => {
  it('splits long lists into linked pages', () => {
    const objects = [1, 2, 3, 4, 5].map((n) => ({ n }));
    const pages = listPages('/oparl/1.1/body/om/meeting.json', objects, url, 2);
    expect(pages.map((page) => page.path)).toEqual([
      '/oparl/1.1/body/om/meeting.json',
      '/oparl/1.1/body/om/meeting-2.json',
      '/oparl/1.1/body/om/meeting-3.json',
    ]);
    expect(pages[1].data).toEqual({
      data: [{ n: 3 }, { n: 4 }],
      pagination: { totalElements: 5, elementsPerPage: 2, currentPage: 2, totalPages: 3 },
      links: {
        first: url('/oparl/1.1/body/om/meeting.json'),
        prev: url('/oparl/1.1/body/om/meeting.json'),
        self: url('/oparl/1.1/body/om/meeting-2.json'),
        next: url('/oparl/1.1/body/om/meeting-3.json'),
        last: url('/oparl/1.1/body/om/meeting-3.json'),
      },
    });
    expect(pages[2].data.links).not.toHaveProperty('next');
  });
});

describe('exportTimestamp', () => {
  it('uses SOURCE_DATE_EPOCH for reproducible builds, else the given time, without milliseconds', () => {
    expect(exportTimestamp({ SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-14T22:13:20Z');
    expect(exportTimestamp({}, new Date('2024-05-06T07:08:09.123Z'))).toBe('2024-05-06T07:08:09Z');
  });
});
