/**
 * The Content-Security-Policy in infra/nisshi-site.yaml against the site it
 * protects: takes the site the site tests built (the sample log and the site
 * fixtures, base "/" as CloudFront serves it), checks every inline script is covered by a hash,
 * then serves it the way CloudFront would (the directory-index function plus
 * the template's security headers) and opens pages in Chromium, failing on any
 * CSP violation. A page or script that changes its inline code fails here
 * rather than breaking the deployed site.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { Script, createContext } from 'node:vm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { functionPath, loadTemplate, only } from '../infra/cloudformation-yaml.ts';
import { launchBrowser } from './browser.ts';
import { serveStatic } from './static-server.ts';

const dist = inject('siteDir');

const security = only(loadTemplate(), 'AWS::CloudFront::ResponseHeadersPolicy')[1]
  .Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
const policy: string = security.ContentSecurityPolicy.ContentSecurityPolicy;
const scriptSources = policy.split(';').map((part) => part.trim().split(/\s+/)).find(([name]) => name === 'script-src')!.slice(1);

/** The response headers CloudFront adds, as the template configures them. */
const securityHeaders: Record<string, string> = {
  'Content-Security-Policy': policy,
  'Strict-Transport-Security': `max-age=${security.StrictTransportSecurity.AccessControlMaxAgeSec}; includeSubDomains`,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': security.FrameOptions.FrameOption,
  'Referrer-Policy': security.ReferrerPolicy.ReferrerPolicy,
};

const context = createContext({});
new Script(readFileSync(functionPath, 'utf8')).runInContext(context);
const directoryIndex = (uri: string): string => (context.handler as (event: unknown) => { uri: string })({
  version: '1.0', context: {}, viewer: { ip: '127.0.0.1' },
  request: { method: 'GET', uri, querystring: {}, headers: {}, cookies: {} },
}).uri;

async function htmlFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true });
  return entries.filter((entry) => entry.endsWith('.html')).map((entry) => join(directory, entry));
}

let server: Server;
let siteUrl: string;
let browser: Browser;

beforeAll(async () => {
  // S3 behind CloudFront, in small: the viewer-request rewrite, /404.html with 404 for a missing key, the headers on every response.
  ({ server, url: siteUrl } = await serveStatic(dist, { rewrite: directoryIndex, headers: securityHeaders }));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the built site under the CSP', () => {
  it('has a script-src hash for every inline script and none for a script no page has, and no inline event handlers', async () => {
    const missing: string[] = [];
    const used = new Set<string>();
    let pages = 0;
    for (const file of await htmlFiles(dist)) {
      const html = await readFile(file, 'utf8');
      for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
        // External scripts load from 'self'; JSON data blocks are never executed.
        if (/\bsrc=/.test(attributes) || /type="application\/(ld\+)?json"/.test(attributes)) continue;
        const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
        used.add(hash);
        if (!scriptSources.includes(hash)) missing.push(`${file.slice(dist.length)}: ${hash}`);
      }
      pages += 1;
      expect(html, file).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
      expect(html, file).not.toMatch(/href="javascript:/i);
    }
    expect(pages).toBeGreaterThan(20);
    // On failure: put these in script-src in infra/nisshi-site.yaml.
    expect(missing).toEqual([]);
    // A hash no page needs would allow that script anywhere: drop it from script-src.
    expect(scriptSources.filter((source) => source.startsWith("'sha256-") && !used.has(source))).toEqual([]);
  });

  const pages = [
    ['the dashboard and its charts', '/', 'canvas'],
    ['a log page, reached without its trailing slash', '/logs/2025-08-03', 'main h1'],
    ['search, loading its index and searching a Japanese query', '/search/?q=依存関係', '#search-results a.result-title'],
    ['the 404 page for a missing path', '/logs/no-such-day/', 'main h1'],
  ] as const;

  it.each(pages)('%s: no CSP violation in Chromium', async (_name, path, selector) => {
    const page = await browser.newPage();
    const violations: string[] = [];
    // securitypolicyviolation fires in the page for every blocked script, style, image, worker or fetch.
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(message.text())) violations.push(message.text());
    });
    const response = await page.goto(`${siteUrl}${encodeURI(path)}`);
    expect(response?.headers()['content-security-policy']).toBe(policy);
    await page.locator(selector).first().waitFor({ timeout: 20_000 }).catch((error: Error) => {
      // A blocked script usually shows as content that never appears: say what the page reported.
      throw new Error(`${error.message}\nCSP violations reported: ${violations.join('; ') || 'none in the page (a worker?)'}`);
    });
    await page.waitForLoadState('networkidle');
    expect(violations).toEqual([]);
    await page.close();
  }, 60_000);
});
