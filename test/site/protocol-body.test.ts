import { describe, expect, it } from 'vitest';
import { excerpt, meetingIdOfProtocolFile, parseProtocolBody } from '../../src/lib/text/protocol-body';

const body = `{/* Imported from 002_0dc63d0f3f6a9726.txt by the importer. */}

Vorab wird das Protokoll genehmigt.

<Resolution id="2021-04-22-strategiekreis-b1" kind="Beschluss" result="einstimmig">
Das Protokoll der letzten Sitzung wird **genehmigt**.
</Resolution>

## TOP 2 – Compliance-Regelung

Text.

<Resolution id="2021-04-22-strategiekreis-b2" kind="Vereinbarung" item="2">
Erster Absatz.

Zweiter Absatz mit [Link](https://example.org).
</Resolution>

### Unterpunkt

\`\`\`
<Resolution id="kein-beschluss" kind="Beschluss">nur ein Codebeispiel</Resolution>
\`\`\`

## TOP 10 – Verschiedenes
`;

describe('parseProtocolBody', () => {
  const parsed = parseProtocolBody(body);

  it('finds the TOP numbers of the ## headings in order, not ### headings', () => {
    expect(parsed.topNumbers).toEqual(['2', '10']);
  });

  it('reads each <Resolution> with its attributes, in order', () => {
    expect(parsed.resolutions.map(({ id, kind, item, result }) => ({ id, kind, item, result }))).toEqual([
      { id: '2021-04-22-strategiekreis-b1', kind: 'Beschluss', item: undefined, result: 'einstimmig' },
      { id: '2021-04-22-strategiekreis-b2', kind: 'Vereinbarung', item: '2', result: undefined },
    ]);
  });

  it('gives the text without markdown syntax, paragraphs separated by a blank line', () => {
    expect(parsed.resolutions[0].text).toBe('Das Protokoll der letzten Sitzung wird genehmigt.');
    expect(parsed.resolutions[1].text).toBe('Erster Absatz.\n\nZweiter Absatz mit Link.');
  });

  it('ignores a <Resolution> shown inside a code block', () => {
    expect(parsed.resolutions.map((r) => r.id)).not.toContain('kein-beschluss');
  });

  it('records the body line of each resolution for error messages', () => {
    expect(parsed.resolutions[0].line).toBe(5);
  });

  it('flags attributes written as JS expressions', () => {
    const { resolutions } = parseProtocolBody('<Resolution id={"x-b1"} kind="Beschluss">Text</Resolution>');
    expect(resolutions[0].expressionAttributes).toEqual(['id']);
    expect(resolutions[0].id).toBe('');
  });
});

describe('excerpt', () => {
  it('keeps short text whole', () => {
    expect(excerpt('Kurz und gut.', 50)).toBe('Kurz und gut.');
  });

  it('cuts long text at a word boundary and marks the cut', () => {
    expect(excerpt('Die Gespräche werden fortgesetzt.', 20)).toBe('Die Gespräche …');
  });
});

describe('meetingIdOfProtocolFile', () => {
  it('names the meeting of a protocol file, also with Windows separators, and nothing for other files', () => {
    expect(meetingIdOfProtocolFile('/repo/content/protocols/2021-04-22-strategiekreis.mdx')).toBe('2021-04-22-strategiekreis');
    expect(meetingIdOfProtocolFile('C:\\repo\\content\\protocols\\2017-11-09-plenum.mdx')).toBe('2017-11-09-plenum');
    expect(meetingIdOfProtocolFile('/repo/src/pages/about.mdx')).toBeUndefined();
    expect(meetingIdOfProtocolFile('/repo/content/protocols/notes.txt')).toBeUndefined();
    expect(meetingIdOfProtocolFile(undefined)).toBeUndefined();
  });
});
