/**
 * Review status (issue #12): a protocol is "automatisch importiert, noch nicht redaktionell
 * geprüft" until an editor sets `review.status: reviewed` with `by` and `date`; lists, the
 * dataset and OParl say which it is.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/publish/csv';
import { archiveJson, datasetFiles } from '../../src/lib/publish/dataset';
import { meetingListItems } from '../../src/lib/views/meeting';
import { oparlExport } from '../../src/lib/publish/oparl';
import { resolutionListItems } from '../../src/lib/views/resolution';
import { reviewRecord, UNREVIEWED_LABEL } from '../../src/lib/model/review';
import { protocolSchema } from '../../src/lib/model/schema';
import { z } from 'zod';
import { index, meeting } from './helpers';

const reviewed = meeting(
  { date: '2021-11-11', committee: 'plenum', review: { status: 'reviewed', by: 'Redaktion', date: '2026-11-22' } },
  '<Resolution id="2021-11-11-plenum-b1" kind="Beschluss">Geprüft.</Resolution>\n',
);
const imported = meeting(
  { date: '2022-03-15', committee: 'strategiekreis', review: { status: 'imported', importer: '1.1.0' } },
  '<Resolution id="2022-03-15-strategiekreis-b1" kind="Vereinbarung">Ungeprüft.</Resolution>\n',
);
const archive = index([imported, reviewed]);
const site = 'https://protokolle.example.org';

describe('review status in the schema', () => {
  const schema = protocolSchema(() => z.string());
  const base = { title: 'T', committee: 'plenum', date: '2021-11-11', source: { file: 'a.txt', sha256: 'a'.repeat(64) } };

  it('counts a protocol without the field as imported, not reviewed', () => {
    expect(schema.parse(base).review).toEqual({ status: 'imported' });
  });

  it('needs "by" and "date" for a reviewed protocol, and says so', () => {
    const result = schema.safeParse({ ...base, review: { status: 'reviewed' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe('a reviewed protocol needs "by" and "date", e.g. review: { status: reviewed, by: Redaktion, date: 2026-11-22 }');
  });
});

describe('review status where protocols are listed and published', () => {
  it('flags unreviewed meetings and their resolutions in lists', () => {
    expect(meetingListItems(archive, [imported, reviewed]).map((m) => m.unreviewed)).toEqual([true, false]);
    expect(resolutionListItems(archive, archive.resolutions).map((r) => [r.id, r.unreviewed])).toEqual(
      expect.arrayContaining([
        ['2022-03-15-strategiekreis-b1', true],
        ['2021-11-11-plenum-b1', false],
      ]),
    );
  });

  it('puts the status into meetings.csv, resolutions.csv and archive.json', () => {
    const files = datasetFiles(archive, site, '2024-01-02T03:04:05Z');
    const table = (name: string) => {
      const [header, ...rows] = parseCsv(files.find((f) => f.file === name)!.content);
      return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
    };
    expect(table('meetings.csv').map((m) => [m.id, m.review_status, m.reviewed_by, m.reviewed_on, m.importer_version])).toEqual([
      ['2022-03-15-strategiekreis', 'imported', '', '', '1.1.0'],
      ['2021-11-11-plenum', 'reviewed', 'Redaktion', '2026-11-22', ''],
    ]);
    expect(table('resolutions.csv').map((r) => [r.id, r.review_status])).toEqual(
      expect.arrayContaining([
        ['2022-03-15-strategiekreis-b1', 'imported'],
        ['2021-11-11-plenum-b1', 'reviewed'],
      ]),
    );
    const json = archiveJson(archive, site, '2024-01-02T03:04:05Z') as { meetings: { id: string; review: unknown }[] };
    expect(json.meetings.map((m) => [m.id, m.review])).toEqual([
      ['2022-03-15-strategiekreis', { status: 'imported', importer: '1.1.0' }],
      ['2021-11-11-plenum', { status: 'reviewed', by: 'Redaktion', date: '2026-11-22' }],
    ]);
  });

  it('gives unreviewed OParl meetings the keyword, reviewed ones none', () => {
    const files = oparlExport(archive, site, '2024-01-02T03:04:05Z');
    const meetingObject = (id: string) => files.find((f) => f.path === `/oparl/1.1/meeting/${id}.json`)!.data;
    expect(meetingObject('2022-03-15-strategiekreis').keyword).toEqual([UNREVIEWED_LABEL]);
    expect(meetingObject('2021-11-11-plenum').keyword).toBeUndefined();
  });

  it('reads a meeting built without the field as imported', () => {
    expect(reviewRecord({})).toEqual({ status: 'imported' });
  });
});
