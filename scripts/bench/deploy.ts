/**
 * The `deploy` bench section: a generated dist/ of `--count` log pages (plus
 * their Pagefind fragments, listings, feed, sitemap and records) deployed to
 * s3rver on loopback (its own process), through a proxy that counts requests, with a local
 * CloudFront stand-in; then the same builds with `aws s3 sync` beside it
 * (if the aws CLI is on the PATH). Three steps each: first deploy, redeploy
 * of a rebuild with the same bytes (new mtimes), redeploy after one page changed.
 *
 *   npm run bench -- --section deploy [--count 365]
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCloudFrontClient } from '../../src/deploy/cloudfront.ts';
import { createS3Client, s3Site, type S3Target } from '../../src/deploy/s3-site.ts';
import { runDeploy } from '../../src/deploy/run-deploy.ts';
import { startFakeCloudFront } from '../../tests/deploy/helpers/fake-cloudfront.ts';
import { startFaultProxy } from '../../tests/deploy/helpers/fault-proxy.ts';
import { spawnS3rver } from '../../tests/deploy/helpers/s3rver-process.ts';
import { decimal, integer, type BenchSection } from './section.ts';

const BUCKET = 'nisshi-bench';
const DISTRIBUTION_ID = 'E2NISSHIBENCH';

export const deploySection: BenchSection = {
  name: 'deploy',
  async run({ count }) {
    const work = await mkdtemp(path.join(os.tmpdir(), 'nisshi-bench-deploy-'));
    const dist = path.join(work, 'dist');
    const files = await writeGeneratedDist(dist, count);
    // In a process of its own, so the server's work does not share the deploy's event loop (see s3rver-process.ts).
    const server = await spawnS3rver(path.join(work, 's3'), BUCKET);
    // The fault proxy with no faults set: it forwards to s3rver and counts the requests, as S3 would bill them.
    const proxy = await startFaultProxy(server.endpoint);
    const cloudFront = await startFakeCloudFront(DISTRIBUTION_ID, BUCKET);
    Object.assign(process.env, {
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: path.join(work, 'no-config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(work, 'no-credentials'),
    });
    console.log(`== deploy: ${integer.format(count)} generated log pages, ${integer.format(files.count)} files, ${decimal.format(files.bytes / 1e6)} MB, to s3rver on loopback`);
    console.log(`  ${'step'.padEnd(44)}${'time'.padStart(9)}${'requests'.padStart(10)}${'uploaded'.padStart(10)}${'invalidated'.padStart(13)}${'scanned'.padStart(9)}`);
    try {
      const target: S3Target = { bucket: BUCKET, prefix: 'nisshi/', region: 'us-east-1', endpoint: proxy.endpoint, maxAttempts: 5 };
      const nisshiStep = async (label: string) => {
        const requestsBefore = proxy.requests;
        const invalidationsBefore = cloudFront.invalidations.length;
        const summary = await runDeploy({
          distDir: dist,
          site: s3Site(createS3Client(target), target),
          cloudFront: {
            client: createCloudFrontClient({ distributionId: DISTRIBUTION_ID, endpoint: cloudFront.endpoint, maxAttempts: 3 }),
            distributionId: DISTRIBUTION_ID,
            endpoint: cloudFront.endpoint,
          },
        });
        const invalidated = cloudFront.invalidations.slice(invalidationsBefore).flat();
        row(`nisshi deploy: ${label}`, summary.durationMs, proxy.requests - requestsBefore, summary.uploaded, `${invalidated.length} paths`, summary.scan.scanned);
      };
      const awsStep = async (label: string) => {
        const requestsBefore = proxy.requests;
        const start = performance.now();
        // Not spawnSync: the counting proxy answers from this process's event loop.
        const result = await promisify(execFile)(
          'aws',
          ['s3', 'sync', dist, `s3://${BUCKET}/aws/`, '--delete', '--endpoint-url', proxy.endpoint, '--region', 'us-east-1', '--no-progress'],
          { encoding: 'utf8', env: { ...process.env, AWS_DEFAULT_REGION: 'us-east-1' }, maxBuffer: 64 * 1024 * 1024 },
        );
        const ms = performance.now() - start;
        const uploaded = result.stdout.split('\n').filter((line) => line.startsWith('upload:')).length;
        row(`aws s3 sync --delete: ${label}`, ms, proxy.requests - requestsBefore, uploaded, 'n/a');
      };
      const hasAws = spawnSync('aws', ['--version'], { encoding: 'utf8' }).status === 0;
      const steps: [string, () => Promise<void>][] = [
        ['first deploy', async () => {}],
        ['rebuild, same bytes', () => touchAll(dist, files.paths)],
        ['one page changed', () => changeOnePage(dist, files.paths)],
      ];
      for (const [label, prepare] of steps) {
        await prepare();
        await nisshiStep(label);
        if (hasAws) await awsStep(label);
      }
      if (!hasAws) console.log('  (aws CLI not found: no aws s3 sync figures)');
      console.log(
        '  requests: HTTP requests that reached the S3 proxy, retries included (a deploy\'s lock is 2-3 of them); ' +
          'invalidated: CloudFront paths sent; scanned: files the secret scan read (the others it had passed before)',
      );
    } finally {
      await proxy.close();
      await cloudFront.close();
      await server.close();
      await rm(work, { recursive: true, force: true });
    }
  },
};

function row(label: string, ms: number, requests: number, uploaded: number, invalidated: string, scanned?: number): void {
  console.log(
    `  ${label.padEnd(44)}${`${(ms / 1000).toFixed(2)} s`.padStart(9)}${integer.format(requests).padStart(10)}` +
      `${integer.format(uploaded).padStart(10)}${invalidated.padStart(13)}${(scanned === undefined ? 'n/a' : integer.format(scanned)).padStart(9)}`,
  );
}

/** A dist/ shaped like the real build's: one page per log, Pagefind's hashed chunks, shared assets, listings and feeds. */
async function writeGeneratedDist(dist: string, count: number): Promise<{ paths: string[]; count: number; bytes: number }> {
  const paths: string[] = [];
  let bytes = 0;
  const put = async (sitePath: string, content: string) => {
    await mkdir(path.dirname(path.join(dist, sitePath)), { recursive: true });
    await writeFile(path.join(dist, sitePath), content);
    paths.push(sitePath);
    bytes += Buffer.byteLength(content);
  };
  const hash = (text: string) => createHash('sha1').update(text).digest('hex').slice(0, 8);
  const js = `console.log(${JSON.stringify('nisshi'.repeat(2000))});\n`;
  const css = `body{margin:0}${'.x{color:red}'.repeat(2000)}\n`;
  const jsPath = `_astro/app.${hash(js)}.js`;
  const cssPath = `_astro/app.${hash(css)}.css`;
  await put(jsPath, js);
  await put(cssPath, css);
  const page = (title: string, body: string) =>
    `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>${title}</title>` +
    `<link rel="stylesheet" href="/${cssPath}"><script type="module" src="/${jsPath}"></script></head><body>${body}</body></html>\n`;
  const start = Date.UTC(2016, 0, 1);
  const dates = Array.from({ length: count }, (_, day) => new Date(start + day * 86_400_000).toISOString().slice(0, 10));
  for (const date of dates) {
    const body = `<h1>${date} 学習ログ</h1>${'<p>今日はTypeScriptとAWSの復習をした。</p>'.repeat(60)}`;
    await put(`logs/${date}/index.html`, page(date, body));
    await put(`pagefind/fragment/ja_${hash(date + body)}.pf_fragment`, `frag ${date} ${hash(body)}`);
  }
  for (let chunk = 0; chunk < Math.ceil(count / 100); chunk++) await put(`pagefind/index/ja_${hash(`index${chunk}`)}.pf_index`, `index ${chunk}`);
  await put('pagefind/pagefind.ja_0123456789.pf_meta', 'meta');
  await put('pagefind/pagefind-entry.json', '{"version":"1.6.0"}');
  await put('pagefind/pagefind.js', 'export {};\n');
  await put('index.html', page('日誌', dates.slice(-30).map((date) => `<a href="/logs/${date}/">${date}</a>`).join('')));
  await put('logs/index.html', page('一覧', dates.map((date) => `<a href="/logs/${date}/">${date}</a>`).join('')));
  await put('404.html', page('404', '<p>404</p>'));
  await put('rss.xml', `<?xml version="1.0"?><rss version="2.0"><channel>${dates.slice(-20).map((date) => `<item><title>${date}</title></item>`).join('')}</channel></rss>\n`);
  await put('sitemap-0.xml', `<?xml version="1.0"?><urlset>${dates.map((date) => `<url><loc>https://example.com/logs/${date}/</loc></url>`).join('')}</urlset>\n`);
  await put('sitemap-index.xml', '<?xml version="1.0"?><sitemapindex><sitemap><loc>https://example.com/sitemap-0.xml</loc></sitemap></sitemapindex>\n');
  // One file of records a year, as the site writes them (src/site/record-files.ts).
  for (const year of new Set(dates.map((date) => date.slice(0, 4)))) {
    const ofYear = dates.filter((date) => date.startsWith(year));
    await put(`data/logs/${year}.json`, `${JSON.stringify(ofYear.map((date) => ({ slug: date, date, draft: false })))}\n`);
  }
  return { paths, count: paths.length, bytes };
}

/** A rebuild writes every file anew: same bytes, newer mtimes (what `aws s3 sync` goes by). */
async function touchAll(dist: string, paths: readonly string[]): Promise<void> {
  const now = new Date();
  for (const sitePath of paths) await utimes(path.join(dist, sitePath), now, now);
  await pastTheSecond();
}

/** S3's LastModified has whole seconds: let the next upload land in a later second than the files' mtimes. */
function pastTheSecond(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1_100));
}

async function changeOnePage(dist: string, paths: readonly string[]): Promise<void> {
  const onePage = paths.filter((sitePath) => sitePath.startsWith('logs/2')).at(-1) as string;
  await writeFile(path.join(dist, onePage), '<!doctype html><html lang="ja"><body><h1>書き直した</h1></body></html>\n');
  await pastTheSecond();
}
