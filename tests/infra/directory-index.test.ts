/**
 * The CloudFront Function, run as CloudFront runs it: a plain script (no
 * modules, no Node globals) whose top-level handler(event) gets a viewer-request
 * event and returns the request to forward.
 */
import { readFileSync } from 'node:fs';
import { Script, createContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { functionPath } from './cloudformation-yaml.ts';

const code = readFileSync(functionPath, 'utf8');

interface CloudFrontRequest {
  method: string;
  uri: string;
  querystring: Record<string, { value: string; multiValue?: { value: string }[] }>;
  headers: Record<string, { value: string }>;
  cookies: Record<string, { value: string }>;
}

// An empty context: the function may use nothing that CloudFront does not provide (no require, process, URL).
const context = createContext({});
new Script(code, { filename: 'directory-index.js' }).runInContext(context);
const handler = context.handler as (event: unknown) => CloudFrontRequest;

function viewerRequest(uri: string, querystring: CloudFrontRequest['querystring'] = {}) {
  return {
    version: '1.0',
    context: {
      distributionDomainName: 'd111111abcdef8.cloudfront.net',
      distributionId: 'EDFDVBD6EXAMPLE',
      eventType: 'viewer-request',
      requestId: '4TyzHTaYWb1GX1qTfsHhEqV6HUDd_BzoBZnwfnvQc_1oF26ClkoUSEQ==',
    },
    viewer: { ip: '198.51.100.11' },
    request: {
      method: 'GET',
      uri,
      querystring,
      headers: { host: { value: 'd111111abcdef8.cloudfront.net' }, accept: { value: 'text/html' } },
      cookies: {},
    },
  };
}

describe('directory-index.js as a cloudfront-js-2.0 function', () => {
  it('is a script with a top-level handler(event), no module syntax, within the 10 KB limit', () => {
    expect(code).toMatch(/^function handler\(event\) \{$/m);
    expect(code).not.toMatch(/^\s*(export|import)\b/m);
    expect(typeof handler).toBe('function');
    expect(Buffer.byteLength(code)).toBeLessThan(10 * 1024);
  });
});

describe('directory-index.js rewrites', () => {
  const cases: [string, string][] = [
    ['/', '/index.html'],
    ['/logs/2025-08-03/', '/logs/2025-08-03/index.html'],
    ['/logs/2025-08-03', '/logs/2025-08-03/index.html'],
    ['/logs', '/logs/index.html'],
    ['/tags/%E5%AD%A6%E7%BF%92/', '/tags/%E5%AD%A6%E7%BF%92/index.html'],
    ['/tags/%E5%AD%A6%E7%BF%92', '/tags/%E5%AD%A6%E7%BF%92/index.html'],
    ['/_astro/app.abc.js', '/_astro/app.abc.js'],
    ['/rss.xml', '/rss.xml'],
    ['/search-index/parts.json', '/search-index/parts.json'],
    ['/search-index/2025/00112233aabbccdd.json', '/search-index/2025/00112233aabbccdd.json'],
    ['/404.html', '/404.html'],
    ['/data/logs.json', '/data/logs.json'],
    // A dot in a folder name does not make the last segment a file.
    ['/tags/node.js/', '/tags/node.js/index.html'],
    ['/v1.2/notes', '/v1.2/notes/index.html'],
  ];

  it.each(cases)('%s → %s', (uri, expected) => {
    const event = viewerRequest(uri);
    const request = handler(event);
    expect(request.uri).toBe(expected);
    // Everything but the URI reaches the origin as the viewer sent it.
    const { uri: _uri, ...rest } = request;
    const { uri: _sent, ...sent } = viewerRequest(uri).request;
    expect(rest).toEqual(sent);
  });

  it('keeps the query string of /search/?q=… (the search page reads it)', () => {
    const querystring = { q: { value: '%E4%BE%9D%E5%AD%98%E9%96%A2%E4%BF%82' } };
    const request = handler(viewerRequest('/search/', querystring));
    expect(request.uri).toBe('/search/index.html');
    expect(request.querystring).toEqual({ q: { value: '%E4%BE%9D%E5%AD%98%E9%96%A2%E4%BF%82' } });
    const bare = handler(viewerRequest('/search', { q: { value: 'kanji' } }));
    expect(bare).toMatchObject({ uri: '/search/index.html', querystring: { q: { value: 'kanji' } } });
  });

  it('leaves the URI percent-encoded for S3 to decode into the key', () => {
    expect(handler(viewerRequest('/logs/%E6%97%A5%E8%AA%8C')).uri).toBe('/logs/%E6%97%A5%E8%AA%8C/index.html');
  });
});
