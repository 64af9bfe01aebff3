/**
 * A matter (content/matters/) that points at a meeting, TOP or resolution that
 * does not exist fails the build with the file, the field and a fix.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkIntegrity, checkMatters } from '../../src/lib/checks/integrity';
import { toMatters } from '../../src/lib/model/model';
import { matterSchema } from '../../src/lib/model/schema';
import { meeting, registries } from './helpers';

const m = meeting(
  { date: '2021-04-22', committee: 'strategiekreis', agenda: [{ number: '6', title: 'Zusatzqualifikation KI', presenters: [], organizations: [] }] },
  '## TOP 6 – Zusatzqualifikation KI\n\n<Resolution id="2021-04-22-strategiekreis-b1" kind="Beschluss" item="6">\n\nText\n\n</Resolution>\n',
);

/** Matters built through the real schema. */
function matters(data: unknown) {
  return toMatters([{ id: 'ki', data: matterSchema(() => z.string()).parse(data) }]).values();
}

describe('matter integrity', () => {
  it('accepts a matter whose consultations and statuses exist', () => {
    const ok = matters({
      title: 'KI',
      description: 'd',
      consultations: [{ meeting: m.id, agendaItem: '6', resolutions: ['2021-04-22-strategiekreis-b1'] }],
      statuses: [{ resolution: '2021-04-22-strategiekreis-b1', status: 'in-progress', statedIn: m.id }],
    });
    expect(checkMatters(ok, [m])).toEqual([]);
  });

  it('names the file, field and fix for dangling references', () => {
    const bad = matters({
      title: 'KI',
      description: 'd',
      consultations: [
        { meeting: '2099-01-01-plenum' },
        { meeting: m.id, agendaItem: '9', resolutions: ['2021-04-22-strategiekreis-b7'] },
      ],
      statuses: [{ resolution: '2021-04-22-strategiekreis-b9', status: 'implemented', statedIn: m.id }],
    });
    expect(checkMatters(bad, [m])).toEqual([
      'content/matters/ki.yaml: consultations[0].meeting: unknown meeting "2099-01-01-plenum". Fix: use the id of a file in content/protocols/ (without .mdx).',
      'content/matters/ki.yaml: consultations[1].agendaItem: meeting "2021-04-22-strategiekreis" has no TOP 9. Fix: use one of 6.',
      'content/matters/ki.yaml: consultations[1].resolutions[0]: meeting "2021-04-22-strategiekreis" has no resolution "2021-04-22-strategiekreis-b7". Fix: use an id of a <Resolution> in that protocol.',
      'content/matters/ki.yaml: statuses[0].resolution: unknown resolution "2021-04-22-strategiekreis-b9". Fix: use an id of a <Resolution> in content/protocols/.',
    ]);
  });

  it('fails on an unknown topic or membership organisation in a protocol', () => {
    const broken = meeting({
      date: '2021-04-22',
      committee: 'strategiekreis',
      agenda: [{ number: '1', title: 'T', presenters: [], organizations: [], topics: ['digitalisierng'] }],
      memberships: [{ person: 'annette-icks', organization: 'ifm-bon' }],
    });
    expect(checkIntegrity([broken], registries()).map((p) => p.replace(/\. Fix: .*$/, ''))).toEqual([
      'content/protocols/2021-04-22-strategiekreis.mdx: agenda[0].topics[0]: unknown topic "digitalisierng"',
      'content/protocols/2021-04-22-strategiekreis.mdx: memberships[0].organization: unknown organisation "ifm-bon"',
    ]);
  });
});
