/**
 * Link check over a built site: every internal link, asset reference and `#anchor`
 * in every HTML page must point at a file (and an element id) that exists. Pages
 * are parsed into hast with rehype-parse, not scanned with regular expressions.
 *
 * `checkLinks` is pure (it gets the files' paths and the pages' HTML);
 * `readSite` reads them from a `dist/` folder.
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from '../model/files';

/** A built site: every file by its path relative to `dist/` (`sitzungen/x/index.html`), with the HTML of the pages. */
export interface Site {
  /** All files, relative paths with `/`. */
  files: string[];
  /** HTML of each `.html` file, by relative path. */
  pages: Map<string, string>;
}

/** One broken link or reference. */
export interface LinkProblem {
  /** The page it is on, relative to `dist/` (`sitzungen/x/index.html`). */
  page: string;
  /** What refers: `<a href>`, `<link href>`, `<img src>` … */
  element: string;
  /** The reference as written. */
  url: string;
  /** What is wrong and how to fix it. */
  problem: string;
}

/** Attributes holding one URL, by element (`*` for any element). */
const URL_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  area: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  iframe: ['src'],
  audio: ['src'],
  video: ['src', 'poster'],
  source: ['src'],
  track: ['src'],
  embed: ['src'],
  object: ['data'],
  form: ['action'],
  use: ['href', 'xLinkHref'],
};

/** Attributes holding a comma-separated list of `url [descriptor]` (`srcset`). */
const SRCSET_ATTRIBUTES = ['srcSet', 'imageSrcSet'];

/** Attributes that name one or more ids on the same page. */
const IDREF_ATTRIBUTES = ['htmlFor', 'ariaLabelledBy', 'ariaDescribedBy', 'ariaControls', 'ariaOwns', 'ariaDetails', 'ariaErrorMessage', 'ariaActiveDescendant', 'headers', 'list'];

/**
 * The URL path a page of `dist/` is served at.
 * @example pageUrlPath('sitzungen/x/index.html') // => '/sitzungen/x/'
 * @example pageUrlPath('404.html') // => '/404.html'
 */
export function pageUrlPath(file: string): string {
  return `/${file}`.replace(/(^|\/)index\.html$/, '$1');
}

/** Parses HTML into hast. */
function parse(html: string): Root {
  return unified().use(rehypeParse).parse(html);
}

/** The ids a page defines: `id` attributes and `<a name>` (old-style anchors). */
export function idsOf(tree: Root): Set<string> {
  const ids = new Set<string>();
  visit(tree, 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
    if (node.tagName === 'a' && typeof node.properties.name === 'string') ids.add(node.properties.name);
  });
  return ids;
}

/** Every URL-valued attribute of the page: `{ element: '<a href>', url }`. */
function referencesOf(tree: Root): Array<{ element: string; url: string }> {
  const references: Array<{ element: string; url: string }> = [];
  visit(tree, 'element', (node: Element) => {
    for (const attribute of URL_ATTRIBUTES[node.tagName] ?? []) {
      const value = node.properties[attribute];
      if (typeof value === 'string') references.push({ element: `<${node.tagName} ${attributeName(attribute)}>`, url: value });
    }
    for (const attribute of SRCSET_ATTRIBUTES) {
      const value = node.properties[attribute];
      const list = Array.isArray(value) ? value.join(',') : typeof value === 'string' ? value : undefined;
      if (list === undefined) continue;
      for (const candidate of list.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) references.push({ element: `<${node.tagName} ${attributeName(attribute)}>`, url });
      }
    }
  });
  return references;
}

/** hast property name to HTML attribute name: `srcSet` => `srcset`, `xLinkHref` => `xlink:href`. */
function attributeName(property: string): string {
  return property === 'xLinkHref' ? 'xlink:href' : property.toLowerCase();
}

/** Ids referred to by `for`, `aria-labelledby` and the like, with the attribute. */
function idReferencesOf(tree: Root): Array<{ element: string; id: string }> {
  const references: Array<{ element: string; id: string }> = [];
  visit(tree, 'element', (node: Element) => {
    for (const attribute of IDREF_ATTRIBUTES) {
      const value = node.properties[attribute];
      const ids = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
      const name = attribute === 'htmlFor' ? 'for' : attribute.replace(/^aria/, 'aria-').toLowerCase();
      for (const id of ids.filter(Boolean)) references.push({ element: `<${node.tagName} ${name}>`, id });
    }
  });
  return references;
}

/**
 * Finds the file a URL path is served from, or says why there is none. With
 * `trailingSlash: 'always'` a page is `/x/` (file `x/index.html`); `/x` is reported.
 */
function resolveTarget(path: string, files: Set<string>): { file?: string; problem?: string } {
  const relativePath = path.replace(/^\//, '');
  if (path.endsWith('/')) {
    const file = `${relativePath}index.html`;
    return files.has(file) ? { file } : { problem: `no page at ${path} (no dist/${file}). Fix: correct the link or build the page.` };
  }
  if (files.has(relativePath)) return { file: relativePath };
  if (files.has(`${relativePath}/index.html`)) {
    return { problem: `${path} is a page that lives at ${path}/. Fix: add the trailing slash (trailingSlash: 'always').` };
  }
  return { problem: `no file at ${path} (no dist/${relativePath}). Fix: correct the reference or add the file.` };
}

/**
 * Checks every page of a built site: each internal reference (`href`, `src`,
 * `srcset`, `<link>`, `<form action>`, also absolute URLs on `siteOrigin`) must hit a
 * file of the site, each `#fragment` an id on the target page, and each `for`/`aria-*`
 * id reference an id on the same page. External URLs (`https://…` elsewhere, `mailto:`,
 * `data:` …) are not fetched. Returns the problems, in page order; `[]` is a clean site.
 * @example checkLinks({ files: ['index.html'], pages: new Map([['index.html', '<a href="/x/">x</a>']]) })
 * // => [{ page: 'index.html', element: '<a href>', url: '/x/', problem: 'no page at /x/ (no dist/x/index.html). Fix: …' }]
 */
export function checkLinks(site: Site, siteOrigin = 'http://localhost:4321'): LinkProblem[] {
  const files = new Set(site.files);
  const trees = new Map<string, Root>();
  const tree = (page: string) => {
    if (!trees.has(page)) trees.set(page, parse(site.pages.get(page) ?? ''));
    return trees.get(page)!;
  };
  const idCache = new Map<string, Set<string>>();
  const ids = (page: string) => {
    if (!idCache.has(page)) idCache.set(page, idsOf(tree(page)));
    return idCache.get(page)!;
  };
  const origin = new URL(siteOrigin).origin;
  const problems: LinkProblem[] = [];

  for (const page of [...site.pages.keys()].sort()) {
    const base = new URL(pageUrlPath(page), origin);
    for (const { element, url } of referencesOf(tree(page))) {
      const report = (problem: string) => problems.push({ page, element, url, problem });
      const trimmed = url.trim();
      if (trimmed === '') {
        report('empty reference. Fix: give it a target or remove the attribute.');
        continue;
      }
      let target: URL;
      try {
        target = new URL(trimmed, base);
      } catch {
        report('not a valid URL. Fix: correct the reference.');
        continue;
      }
      if (target.origin !== origin) continue;
      let path: string;
      try {
        path = decodeURIComponent(target.pathname);
      } catch {
        report('malformed percent-encoding. Fix: encode the path with encodeURIComponent.');
        continue;
      }
      const resolved = resolveTarget(path, files);
      if (!resolved.file) {
        report(resolved.problem!);
        continue;
      }
      // A fragment like `#%E0` is not valid percent-encoding: report it as a broken link, never throw.
      let fragment: string;
      try {
        fragment = decodeURIComponent(target.hash.slice(1));
      } catch {
        report('malformed percent-encoding in the #fragment. Fix: encode the anchor with encodeURIComponent.');
        continue;
      }
      if (!fragment) continue;
      if (!resolved.file.endsWith('.html')) {
        report(`#${fragment} points into ${resolved.file}, which is not a page. Fix: remove the fragment.`);
      } else if (!ids(resolved.file).has(fragment)) {
        report(`no element with id="${fragment}" on ${pageUrlPath(resolved.file)}. Fix: correct the anchor or give the target that id.`);
      }
    }
    for (const { element, id } of idReferencesOf(tree(page))) {
      if (!ids(page).has(id)) {
        problems.push({ page, element, url: id, problem: `no element with id="${id}" on this page. Fix: correct the id reference.` });
      }
    }
  }
  return problems;
}

/**
 * One line per problem, for test failures and logs.
 * @example formatLinkProblem({ page: 'index.html', element: '<a href>', url: '/x/', problem: 'no page at /x/ …' })
 * // => 'dist/index.html: <a href="/x/">: no page at /x/ …'
 */
export function formatLinkProblem({ page, element, url, problem }: LinkProblem): string {
  return `dist/${page}: ${element.replace(/>$/, `="${url}">`)}: ${problem}`;
}

/**
 * Reads a built site from disk: all files below `dist`, and the HTML of the `.html` ones.
 * @example readSite('dist').pages.get('index.html') // => '<!doctype html>…'
 */
export function readSite(dist: string): Site {
  const files = filesUnder(dist);
  const pages = new Map(files.filter((file) => file.endsWith('.html')).map((file) => [file, readFileSync(join(dist, file), 'utf8')]));
  return { files, pages };
}
