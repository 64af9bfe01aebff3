/**
 * The Content-Security-Policy of every page (issue #22): the archive's defence in depth
 * behind the URL allow-list (`src/lib/text/rehype-safe-urls.ts`). Everything a page loads
 * comes from the site itself; no inline script, no inline style, no plugin, no foreign
 * form target. The site's own scripts are same-origin files (`/_astro/…js`, Pagefind's
 * `/pagefind/…`), styles are files too (`build.inlineStylesheets: 'never'` in
 * `astro.config.mjs`), so `'self'` suffices and no hash has to follow a script's text.
 *
 * `'wasm-unsafe-eval'`: Pagefind compiles its WebAssembly search core in the browser
 * (https://pagefind.app/docs/ — it fails without it under a strict `script-src`); it allows
 * WebAssembly compilation only, not `eval`.
 *
 * Sent two ways: a `<meta http-equiv>` in every page (`src/layouts/BaseLayout.astro`), which any
 * static host serves, and `public/_headers` for hosts that read one (Netlify, Cloudflare Pages),
 * which can also forbid framing (`frame-ancestors` is ignored in a meta element).
 */

/** The directives both forms share, in order. */
const directives = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];

/**
 * The policy as the pages' `<meta http-equiv="Content-Security-Policy">` carries it.
 * @example contentSecurityPolicy // => "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; …"
 */
export const contentSecurityPolicy = directives.join('; ');

/** The policy as an HTTP header (`public/_headers`): the meta's, plus no framing by other sites. */
export const contentSecurityPolicyHeader = [...directives, "frame-ancestors 'none'"].join('; ');
