/**
 * A protocol's HTML as the meeting page shows it: the loader's rendered HTML
 * (`src/lib/text/protocol-loader.ts`; a file of its own, `src/lib/text/protocol-html-files.ts`)
 * with each resolution's status filled in. The status
 * ("Stand: umgesetzt (laut Protokoll vom 11. November 2021)") comes from later
 * protocols, so it cannot be part of this protocol's rendering or digest; the box
 * leaves a marker comment for it (`src/lib/text/protocol-components.ts`).
 */
import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { ArchiveIndex } from './archive-index.ts';
import { resolutionStatusMarker } from '../text/protocol-components.ts';
import { statusView } from './resolutions.ts';

const MARKER = new RegExp(`<!--${resolutionStatusMarker('([^>]*?)')}-->`, 'g');

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** The status line of a resolution box, or '' when no later protocol states one. */
function statusHtml(index: ArchiveIndex, resolutionId: string): string {
  const status = statusView(index, resolutionId);
  if (!status) return '';
  return toHtml(
    element('span', { className: ['resolution-status'] }, [
      text('Stand: '),
      element('span', { className: ['status', `status-${status.code}`] }, [text(status.label)]),
      ...(status.supersededBy ? [text(' '), element('a', { href: status.supersededBy.href }, [text(status.supersededBy.label)])] : []),
      text(' (laut Protokoll vom '),
      element('a', { href: status.statedIn.href }, [text(status.statedIn.label)]),
      text(')'),
    ]),
  ) + ' '; // a space before the page link: text extraction (search, reader modes) must not glue them
}

/**
 * Fills the status markers of a protocol's stored HTML.
 * @example fillResolutionStatus(index, '…<p class="resolution-foot"><!--resolution-status:m-b3--><a …') // => '…<p class="resolution-foot"><span class="resolution-status">Stand: …</span><a …'
 */
export function fillResolutionStatus(index: ArchiveIndex, html: string): string {
  return html.replace(MARKER, (_, id: string) => statusHtml(index, id));
}
