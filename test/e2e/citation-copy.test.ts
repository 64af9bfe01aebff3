/**
 * "Link kopieren" (issue #24): the copied permalink is the configured public URL, or, on a build
 * without one (this suite's `dist/` unless built with SITE), the address the reader is on;
 * never the build machine's localhost:4321. The script is a same-origin file, no inline code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { siteUrl } from '../../src/site-config';
import { launchBrowser } from './browser';

const baseUrl = inject('baseUrl');
const dist = inject('dist');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('the citation box of a resolution page', () => {
  it('copies a permalink that works where the reader is, with a script file of the site', async () => {
    const path = '/beschluesse/2021-11-11-strategiekreis-b1/';
    const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/ld\+json")[^>]*>\s*\S/);
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${path}`);
    await page.getByRole('button', { name: 'Link kopieren' }).click();
    await expect.poll(() => page.locator('.copy-status').textContent()).toBe('In die Zwischenablage kopiert.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const expected = `${siteUrl() ?? baseUrl}${path}`.replace(/([^:])\/\//, '$1/');
    expect(copied).toBe(expected);
    expect(await page.locator('#zitat-text').textContent()).toMatch(new RegExp(`, ${expected.replace(/[.?]/g, '\\$&')}$`));
    await context.close();
  });
});
