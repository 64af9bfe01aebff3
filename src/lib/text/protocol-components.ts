/**
 * The components a protocol body may use, as a map of small handlers: each turns one
 * MDX JSX element into HTML (hast) while the body is rendered at content-load time
 * (`src/lib/text/protocol-render.ts`). Nothing in a protocol runs: an element is data for
 * its handler, and a name missing from the map fails the build.
 *
 * Today the map has one entry, `<Resolution>` (before #14 an Astro component, run for
 * every box when protocols were compiled as MDX modules). A new component is one more
 * handler here, with its attributes listed, so the error message can name what is allowed.
 *
 * What a handler cannot know at load time is left as a marker comment and filled in
 * when the page is rendered (`src/lib/index/protocol-html.ts`): a resolution's status comes
 * from later protocols, so it must not be part of this protocol's stored HTML.
 */
import type { Element, ElementContent } from 'hast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { State } from 'mdast-util-to-hast';
import { resolutionPagePath } from '../model/paths.ts';
import { voteAttributes, voteFromAttributes, voteLabel } from '../model/votes.ts';

/** An MDX JSX element of a protocol body (flow or inline). */
export type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** One component: its attributes (all plain strings) and how it becomes HTML. */
export interface ComponentHandler {
  /** Attribute names the component reads; `required` ones must be present; a `pattern` is the value's format, `format` says it in words. */
  attributes: { name: string; required?: boolean; pattern?: RegExp; format?: string }[];
  /** How the element is written, for error messages. */
  usage: string;
  /**
   * Turns the element into hast. `attributes` holds its string attributes; `children`
   * is its content, already converted by the pipeline (mentions, masking come later).
   */
  render(attributes: Record<string, string>, children: ElementContent[], state: State, node: JsxElement): Element;
}

/** The marker a resolution box leaves for its status (`fillResolutionStatus` replaces it). */
export function resolutionStatusMarker(resolutionId: string): string {
  return `resolution-status:${resolutionId}`;
}

/** A hast element, short. */
function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

/**
 * `<Resolution id="2021-04-22-strategiekreis-b1" kind="Beschluss" item="2" result="ohne Gegenstimmen">…</Resolution>`:
 * a calm box. Its label (kind and result) is a heading carrying the resolution id as
 * anchor, so the search index (Pagefind) gives each resolution its own sub-result:
 * `<h4>` under its TOP (TOP headings are `<h3>` on the page), `<h3>` for a resolution
 * outside any TOP. A vote (`yes`, `no`, `abstain`, `unanimous`) is a line below the text
 * ("Abstimmung: 7 Ja, 0 Nein, 4 Enthaltungen"). Below it: the status marker (filled from later
 * protocols when the page renders) and a link to the resolution's own page (permalink and citation).
 */
const resolution: ComponentHandler = {
  attributes: [{ name: 'id', required: true }, { name: 'kind', required: true }, { name: 'item' }, { name: 'result' }, ...voteAttributes],
  usage: '<Resolution id="<meeting-id>-b<n>" kind="Beschluss|Vereinbarung|Wahl|Entlastung|Vertagung" item="<TOP number>" result="…" yes="7" no="0" abstain="4" unanimous="true">text</Resolution>',
  render(attributes, children) {
    const { id, kind, item, result } = attributes;
    const vote = voteFromAttributes(attributes);
    const label = element(item ? 'h4' : 'h3', { className: ['resolution-label'], id }, [
      element('span', { className: ['resolution-kind'] }, [text(kind)]),
      ...(result ? [element('span', { className: ['resolution-result'] }, [text(`\u00a0· ${result}`)])] : []),
    ]);
    const anchor = element('a', { className: ['permalink'], href: `#${id}`, dataPagefindIgnore: true }, [
      element('span', { ariaHidden: 'true' }, [text('#')]),
      element('span', { className: ['visually-hidden'] }, [text(`Anker: ${kind} ${id}`)]),
    ]);
    const foot = element('p', { className: ['resolution-foot'], dataPagefindIgnore: true }, [
      { type: 'comment', value: resolutionStatusMarker(id) } as unknown as ElementContent,
      element('a', { className: ['resolution-page-link'], href: resolutionPagePath(id) }, [
        text('Einzelseite'),
        // Not the id: a screen reader reads it aloud, and it is a file name to readers (issue #25).
        element('span', { className: ['visually-hidden'] }, [text(` ${kind === 'Vereinbarung' ? 'der Vereinbarung' : 'des Beschlusses'}`)]),
        text(' mit Zitat'),
      ]),
    ]);
    return element('div', { className: ['resolution'] }, [
      element('div', { className: ['resolution-head'] }, [label, anchor]),
      element('div', { className: ['resolution-text'] }, children),
      // The label shows the counts already when the result is written as counts ("21 Ja, 0 Nein, …").
      ...(vote && !/\d/.test(result ?? '') && voteLabel(vote) !== result ? [element('p', { className: ['resolution-vote'] }, [text(`Abstimmung: ${voteLabel(vote)}`)])] : []),
      foot,
    ]);
  },
};

/** Every component a protocol may use, by name. */
export const protocolComponents: Record<string, ComponentHandler> = { Resolution: resolution };

/** What a protocol may contain besides Markdown, for error messages. */
export function allowedConstructs(): string {
  const components = Object.values(protocolComponents).map((c) => c.usage);
  return `Markdown (GFM), comments {/* … */} and ${components.join(', ')}`;
}
