/**
 * The landing page's highlighting (src/lib/search/highlight-words.ts): which page words a hit's search
 * words mark, folded as Pagefind's German index folds them (issue #25). The browser half
 * (Pagefind's highlighter with these rules) is in test/e2e/register-and-highlight.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wantsHighlight } from '../../src/lib/search/highlight';
import { foldWord, highlightStems, isHighlighted, wordPattern } from '../../src/lib/search/highlight-words';

const marks = (query: string, text: string) => (text.match(wordPattern()) ?? []).filter((word) => isHighlighted(word, highlightStems([query])));

describe('highlighting the search words', () => {
  it('marks case, umlaut, ß and ae/oe/ue spellings alike, in both directions', () => {
    expect(marks('uber', 'Über das Archiv und über Zahlen')).toEqual(['Über', 'über']);
    expect(marks('mass', 'Die Maßnahmen, das Maß, die Masse')).toEqual(['Maßnahmen', 'Maß', 'Masse']);
    expect(marks('Bürger', 'Buerger und Bürgerinnen')).toEqual(['Buerger', 'Bürgerinnen']);
    expect(marks('Buerger', 'Bürger')).toEqual(['Bürger']);
    // Not after q: "Quelle" is no "Qülle".
    expect(foldWord('Quelle')).toBe('quelle');
  });

  it('marks the inflected forms Pagefind finds, whole words, from their beginning', () => {
    // Pagefind puts "beschlusse" in the URL for the query "Beschlüsse".
    expect(marks('beschlusse', 'Beschluss, Beschlüsse, Beschlussvorlage, Vorstandsbeschluss')).toEqual(['Beschluss', 'Beschlüsse', 'Beschlussvorlage']);
    expect(marks('beschluss', 'Der Beschluss und die Beschlüsse')).toEqual(['Beschluss', 'Beschlüsse']);
    // Short words keep their ending: "mass" does not become "mas" and mark "Maske".
    expect(marks('mass', 'Maske')).toEqual([]);
  });

  it('marks every word that folds to the search word, whatever its case or accents', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zäöüß]{4,12}$/), fc.boolean(), (word, upper) => {
        const page = upper ? word.toUpperCase() : word.normalize('NFD').normalize('NFC');
        expect(isHighlighted(page, highlightStems([foldWord(word)]))).toBe(true);
      }),
    );
  });

  it('folds a folded word to itself, as the URL carries Pagefind\'s folded words', () => {
    expect(foldWord('öeeß')).toBe(foldWord(foldWord('öeeß')));
    fc.assert(fc.property(fc.stringMatching(/^[a-zäöüßqe]{1,12}$/), (word) => foldWord(foldWord(word)) === foldWord(word)));
  });

  it('asks for highlighting only with a word in the URL', () => {
    expect(wantsHighlight('?hervorheben=Pr%C3%A4vention')).toBe(true);
    expect(wantsHighlight('?hervorheben=%20')).toBe(false);
    expect(highlightStems(['  ', ''])).toEqual([]);
  });
});
