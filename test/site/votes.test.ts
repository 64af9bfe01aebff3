/**
 * Votes of resolutions (`<Resolution … yes="7" no="0" abstain="4" unanimous="true">`, issue #23):
 * read from the body, shown in the protocol's box and on the resolution page, exported to
 * resolutions.csv and archive.json as fields and to OParl in the AgendaItem's result text;
 * an attribute in the wrong format fails the build with the file, the line and the fix.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/publish/csv';
import { archiveJson, datasetFiles } from '../../src/lib/publish/dataset';
import { oparlExport } from '../../src/lib/publish/oparl';
import { parseProtocolBody } from '../../src/lib/text/protocol-body';
import { renderProtocol } from '../../src/lib/text/protocol-render';
import { resolutionView } from '../../src/lib/views/resolution';
import { checkIntegrity } from '../../src/lib/checks/integrity';
import { index, meeting } from './helpers';
import { loadMentionRegistries } from '../../src/lib/model/registry-files';

const registries = loadMentionRegistries('content');

const site = 'https://protokolle.example.org';
const body = `## TOP 3 – Wahlen und Anträge

<Resolution id="2024-03-17-plenum-b1" kind="Wahl" item="3" result="einstimmig" unanimous="true" abstain="1">

Leonie Haberkorn wird einstimmig bei einer Enthaltung zur Vorsitzenden gewählt.

</Resolution>

<Resolution id="2024-03-17-plenum-b2" kind="Beschluss" item="3" result="abgelehnt" yes="9" no="15" abstain="2">

Der Antrag, die Proben auf Montag zu verlegen, wird abgelehnt.

</Resolution>

<Resolution id="2024-03-17-plenum-b3" kind="Entlastung" item="3">

Der Vorstand wird entlastet.

</Resolution>
`;
const voted = meeting({ date: '2024-03-17', committee: 'plenum', agenda: [{ number: '3', title: 'Wahlen und Anträge' }] }, body);
const archive = index([voted]);

describe('votes of resolutions', () => {
  it('reads the vote attributes as numbers, and none where the element has none', () => {
    const [election, rejected, discharge] = parseProtocolBody(body).resolutions;
    expect(election.vote).toEqual({ unanimous: true, abstain: 1 });
    expect(rejected.vote).toEqual({ yes: 9, no: 15, abstain: 2 });
    expect(rejected.result).toBe('abgelehnt');
    expect(discharge.vote).toBeUndefined();
  });

  it('accepts the kinds Wahl, Entlastung and Vertagung, and reports an unknown one', () => {
    expect(checkIntegrity([voted], { people: new Set(), organisations: new Set(), committees: new Set(['plenum']), topics: new Set() })).toEqual([]);
    const odd = meeting({ date: '2024-03-18', committee: 'plenum' }, '<Resolution id="2024-03-18-plenum-b1" kind="Abstimmung">X</Resolution>');
    expect(checkIntegrity([odd], { people: new Set(), organisations: new Set(), committees: new Set(['plenum']), topics: new Set() }).join('\n')).toMatch(/"Abstimmung" is not a resolution kind.*"Wahl", "Entlastung", "Vertagung"/);
  });

  it('shows the vote below the text in the protocol, unless the label already shows the counts', () => {
    const { html } = renderProtocol({ path: '/x/content/protocols/2024-03-17-plenum.mdx', content: body }, registries);
    expect(html).toContain('<p class="resolution-vote">Abstimmung: 9 Ja, 15 Nein, 2 Enthaltungen</p>');
    expect(html).toContain('<p class="resolution-vote">Abstimmung: einstimmig, 1 Enthaltung</p>');
    expect(html.match(/resolution-vote/g)).toHaveLength(2);
    const counted = renderProtocol({ path: '/x/content/protocols/m.mdx', content: '<Resolution id="m-b1" kind="Beschluss" result="7/0/1" yes="7" no="0" abstain="1">Ja.</Resolution>' }, registries).html;
    expect(counted).not.toContain('resolution-vote');
  });

  it('fails on a vote attribute that is no number, naming the line and the format', () => {
    const bad = () => renderProtocol({ path: '/x/content/protocols/m.mdx', displayPath: 'content/protocols/m.mdx', content: '\n<Resolution id="m-b1" kind="Beschluss" yes="sieben">Ja.</Resolution>' }, registries);
    expect(bad).toThrow(/content\/protocols\/m\.mdx:2: <Resolution> attribute yes="sieben" has the wrong format.*Fix: write a whole number, e\.g\. yes="7"/);
  });

  it('gives the resolution page its result and vote', () => {
    expect(resolutionView(archive, '2024-03-17-plenum-b2', site)).toMatchObject({ vote: '9 Ja, 15 Nein, 2 Enthaltungen' });
    expect(resolutionView(archive, '2024-03-17-plenum-b1', site).vote).toBe('einstimmig, 1 Enthaltung');
    expect(resolutionView(archive, '2024-03-17-plenum-b3', site).vote).toBeUndefined();
  });

  it('exports the vote as fields of resolutions.csv and archive.json', () => {
    const csv = datasetFiles(archive, site, '2024-01-02T03:04:05Z').find((f) => f.file === 'resolutions.csv')!;
    const [header, ...rows] = parseCsv(csv.content);
    const row = (i: number) => Object.fromEntries(header.map((column, j) => [column, rows[i][j]]));
    expect(row(1)).toMatchObject({ kind: 'Beschluss', result: 'abgelehnt', votes_yes: '9', votes_no: '15', votes_abstain: '2', unanimous: '' });
    expect(row(0)).toMatchObject({ kind: 'Wahl', votes_yes: '', votes_abstain: '1', unanimous: 'true' });
    for (const name of ['votes_yes', 'votes_no', 'votes_abstain', 'unanimous']) expect(csv.fields.map((f) => f.name)).toContain(name);
    const { meetings } = archiveJson(archive, site, '2024-01-02T03:04:05Z') as { meetings: { resolutions: { kind: string; votes: unknown; unanimous: boolean }[] }[] };
    const json = meetings[0].resolutions;
    expect(json.map(({ kind, votes, unanimous }) => ({ kind, votes, unanimous }))).toEqual([
      { kind: 'Wahl', votes: { yes: null, no: null, abstain: 1 }, unanimous: true },
      { kind: 'Beschluss', votes: { yes: 9, no: 15, abstain: 2 }, unanimous: false },
      { kind: 'Entlastung', votes: null, unanimous: false },
    ]);
  });

  it('writes the vote into the OParl AgendaItem result (OParl has no vote field)', () => {
    const file = oparlExport(archive, site, '2024-01-02T03:04:05Z').find((f) => f.path === '/oparl/1.1/meeting/2024-03-17-plenum.json')!;
    const [item] = (file.data as { agendaItem: { result?: string }[] }).agendaItem;
    expect(item.result).toBe('einstimmig (einstimmig, 1 Enthaltung); abgelehnt (9 Ja, 15 Nein, 2 Enthaltungen)');
  });
});
