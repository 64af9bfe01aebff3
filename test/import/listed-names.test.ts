/** The listed-names step (`scripts/import/steps/listed-names.ts`): people named on their own in a list. */
import { describe, expect, it } from 'vitest';
import { listedNames } from '../../scripts/import/steps/listed-names.ts';
import type { BodyBlock } from '../../scripts/import/model.ts';

const b = (kind: BodyBlock['kind'], text: string, line: number): BodyBlock => ({ kind, text, line });

describe('listed names', () => {
  it('takes the names of a list after a line ending in ":", inline or in bullets', () => {
    expect(listedNames([b('paragraph', 'Neu dabei: • Eda Beispiel • Erika Muster', 4)])).toEqual([{ name: 'Eda Beispiel', line: 4 }, { name: 'Erika Muster', line: 4 }]);
    expect(listedNames([b('paragraph', 'Die neuen Kolleginnen stellen sich vor:', 5), b('bullet', 'Eda Kaminski', 6), b('bullet', '- • Ruth Vollmer', 7)]).map((n) => n.name)).toEqual(['Eda Kaminski', 'Ruth Vollmer']);
  });

  it('takes nothing from a list with one item that is no name', () => {
    expect(listedNames([b('paragraph', 'Themen:', 5), b('bullet', 'Eda Kaminski', 6), b('bullet', 'Haushalt 2024', 7)])).toEqual([]);
  });
});
