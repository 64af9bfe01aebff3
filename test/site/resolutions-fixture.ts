/**
 * A small archive for the resolution, matter and register tests: three
 * meetings with resolutions, topics on their agenda items, and matters with
 * consultations and statuses, all built through the real schemas.
 */
import { z } from 'zod';
import { buildArchiveIndex, type ArchiveIndex } from '../../src/lib/index/archive-index';
import { registryMap, toMatters } from '../../src/lib/model/model';
import { matterSchema, topicSchema } from '../../src/lib/model/schema';
import { meeting, registries } from './helpers';

const topic = (name: string) => topicSchema.parse({ name, description: `${name}.`, keywords: [name] });

export const october = meeting(
  {
    date: '2020-10-20',
    committee: 'plenum',
    agenda: [{ number: '2', title: 'Netzwerke', topics: ['regionale-netzwerke'] }],
  },
  `## TOP 2 – Netzwerke

<Resolution id="2020-10-20-plenum-b1" kind="Vereinbarung" item="2">Die Partner vernetzen sich regional.</Resolution>
`,
);

export const april = meeting(
  {
    date: '2021-04-22',
    committee: 'strategiekreis',
    agenda: [
      { number: '3', title: 'Entwicklungsphase', topics: ['regionale-netzwerke', 'digitalisierung'] },
      { number: '5', title: 'Beraterdatenbank', topics: ['digitalisierung'] },
      { number: '6', title: 'Ohne Überschrift im Text' },
    ],
  },
  `## TOP 3 – Entwicklungsphase

<Resolution id="2021-04-22-strategiekreis-b1" kind="Beschluss" item="3" result="ohne Gegenstimmen">

Die Vereinbarung wird weiterentwickelt. Frau Dr. Icks berichtet, Kontakt: anna@example.org.

Zweiter Absatz mit ZDH.

</Resolution>

<Resolution id="2021-04-22-strategiekreis-b2" kind="Beschluss" item="3">Musternetzwerke werden aufgebaut.</Resolution>

## TOP 5 – Beraterdatenbank

<Resolution id="2021-04-22-strategiekreis-b3" kind="Beschluss" item="5">Ein Feinkonzept wird beauftragt.</Resolution>

<Resolution id="2021-04-22-strategiekreis-b4" kind="Beschluss" item="6">Ohne Überschrift.</Resolution>
`,
);

export const november = meeting(
  {
    date: '2021-11-11',
    committee: 'strategiekreis',
    agenda: [{ number: '3', title: 'Vereinbarung', topics: ['regionale-netzwerke'] }],
  },
  `## TOP 3 – Vereinbarung

<Resolution id="2021-11-11-strategiekreis-b1" kind="Beschluss" item="3">Die Vereinbarung wird beschlossen.</Resolution>
`,
);

/** Matters through the real schema. */
const matters = toMatters(
  [
    {
      id: 'vereinbarung',
      data: {
        title: 'Vereinbarung zur regionalen Zusammenarbeit',
        description: 'Von der Idee zum Beschluss.',
        consultations: [
          { meeting: '2021-11-11-strategiekreis', agendaItem: '3', resolutions: ['2021-11-11-strategiekreis-b1'], note: 'Beschlossen.' },
          { meeting: '2020-10-20-plenum', agendaItem: '2', resolutions: ['2020-10-20-plenum-b1'], note: 'Idee.' },
          { meeting: '2021-04-22-strategiekreis', agendaItem: '3', resolutions: ['2021-04-22-strategiekreis-b1'], note: 'Auftrag.' },
        ],
        statuses: [
          { resolution: '2021-04-22-strategiekreis-b1', status: 'superseded', statedIn: '2021-11-11-strategiekreis', supersededBy: '2021-11-11-strategiekreis-b1' },
          { resolution: '2021-04-22-strategiekreis-b1', status: 'in-progress', statedIn: '2021-04-22-strategiekreis' },
        ],
      },
    },
    {
      id: 'beraterdatenbank',
      data: {
        title: 'Beraterdatenbank',
        description: 'Eine Datenbank.',
        consultations: [{ meeting: '2021-04-22-strategiekreis', agendaItem: '5', resolutions: ['2021-04-22-strategiekreis-b3'] }],
        statuses: [{ resolution: '2021-04-22-strategiekreis-b3', status: 'postponed', statedIn: '2021-11-11-strategiekreis', note: 'Kein Geld.' }],
      },
    },
  ].map((entry) => ({ id: entry.id, data: matterSchema(() => z.string()).parse(entry.data) })),
);

/** The fixture archive: registries of `helpers.ts` plus topics and matters. */
export function fixtureArchive(): ArchiveIndex {
  const base = registries();
  return buildArchiveIndex([october, april, november], {
    ...base,
    topics: registryMap([
      { id: 'digitalisierung', data: topic('Digitalisierung') },
      { id: 'regionale-netzwerke', data: topic('Regionale Netzwerke') },
    ]),
    matters,
  });
}
