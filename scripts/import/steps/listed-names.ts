/**
 * Listed-names step: people named on their own in a list introduced by a line ending
 * in ":" ("Die neuen Kolleginnen stellen sich vor: • Eda Beispiel • Erika Muster").
 * Returns raw names; `pipeline.ts` resolves them against the registries.
 */
import type { BodyBlock } from '../model.ts';
import { plainBlock } from '../readers/text.ts';
import { refusePerson } from './gate.ts';

/** Bullet glyphs a list item may start with, also doubled ("- • Eda Kaminski"). */
const BULLET = /^(?:[-–•*·▪◦]\s*)+/;

/** A personal name as a list item: passes the gate, two to four words, no honorific (those are mentions, not a list of people). */
function isListedName(t: string): boolean {
  const words = t.split(' ').length;
  return refusePerson(t) === null && words >= 2 && words <= 4 && !/^(?:Hr\.|Herrn?|Fr\.|Frau)\s/.test(t);
}

/**
 * Names listed on their own: the items of a list introduced by a line ending in ":"
 * ("… stellen sich vor:"), in separate bullets or inline ("vor: • Eda Beispiel • Erika
 * Muster"), when every item is a personal name (`refusePerson`, two to four words).
 * One item that is no name makes it a list of things, and nothing is taken from it.
 * @example listedNames([{ kind: 'paragraph', text: 'Neu dabei: • Eda Beispiel • Erika Muster', line: 4 }]) // => [{ name: 'Eda Beispiel', line: 4 }, { name: 'Erika Muster', line: 4 }]
 */
export function listedNames(blocks: BodyBlock[]): { name: string; line: number }[] {
  const out: { name: string; line: number }[] = [];
  const take = (items: { name: string; line: number }[]) => {
    if (items.length && items.every((i) => isListedName(i.name))) out.push(...items);
  };
  for (let i = 0; i < blocks.length; i++) {
    const text = plainBlock(blocks[i]);
    const colon = text.lastIndexOf(':');
    if (colon < 0) continue;
    const after = text.slice(colon + 1).trim();
    if (after) {
      if (/^[•·▪]/.test(after)) take(after.split(/\s*[•·▪]\s*/).filter(Boolean).map((name) => ({ name: name.trim(), line: blocks[i].line })));
      continue;
    }
    const items: { name: string; line: number }[] = [];
    for (let j = i + 1; j < blocks.length; j++) {
      const b = blocks[j];
      const t = plainBlock(b);
      if (b.kind !== 'bullet' && b.kind !== 'subbullet' && !BULLET.test(t)) break;
      for (const name of t.replace(BULLET, '').split(/\s*[•·▪]\s*/)) if (name.trim()) items.push({ name: name.trim(), line: b.line });
    }
    take(items);
  }
  return out;
}
