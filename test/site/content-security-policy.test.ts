/**
 * Issue #22: one Content-Security-Policy (src/lib/publish/content-security-policy.ts), sent as a
 * meta element by every page and as a header by `public/_headers`; strict enough that content
 * cannot run script or load from elsewhere. The browser side (Pagefind works under it, no
 * violation on any page kind): test/e2e/content-security-policy.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyHeader } from '../../src/lib/publish/content-security-policy';

const repo = join(import.meta.dirname, '../..');

/** A policy as directive name => sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...sources]) => [name, sources]));
}

describe('Content-Security-Policy', () => {
  const policy = directives(contentSecurityPolicy);

  it('allows scripts, styles and everything else from the site only, no inline code, no eval', () => {
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|'unsafe-eval'|https?:|data:|\*/);
  });

  it('leaves frame-ancestors out of the meta element (browsers ignore it there) and puts it in the header', () => {
    expect(policy.has('frame-ancestors')).toBe(false);
    expect(directives(contentSecurityPolicyHeader).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('is the policy public/_headers sends for every path', () => {
    const headers = readFileSync(join(repo, 'public/_headers'), 'utf8');
    expect(headers).toMatch(/^\/\*$/m);
    expect(headers).toContain(`  Content-Security-Policy: ${contentSecurityPolicyHeader}\n`);
  });

  it('is in the layout every page uses, and no component writes inline script', () => {
    expect(readFileSync(join(repo, 'src/layouts/BaseLayout.astro'), 'utf8')).toContain('<meta http-equiv="Content-Security-Policy" content={contentSecurityPolicy} />');
    const components = ['src/components/Citation.astro', 'src/pages/suche/index.astro'].map((file) => readFileSync(join(repo, file), 'utf8'));
    for (const source of components) expect(source).not.toMatch(/<script is:inline>|\son[a-z]+=/);
  });
});
