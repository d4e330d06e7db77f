/**
 * Bundles `nisshi deploy` (with the AWS SDK) into one ES module that runs on
 * plain Node 20 or newer: the CI deploy job runs it without npm ci.
 *
 *   node scripts/ci/bundle-deploy.ts [out-file]   (default: deploy-bundle/nisshi-deploy.mjs)
 */
import path from 'node:path';
import { build } from 'esbuild';

export const DEFAULT_BUNDLE = 'deploy-bundle/nisshi-deploy.mjs';

export async function bundleDeploy(outfile = DEFAULT_BUNDLE): Promise<string> {
  await build({
    entryPoints: [path.join(import.meta.dirname, 'deploy-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    // Some CommonJS dependencies call require(); give the ES module one.
    banner: { js: "import { createRequire as __nisshiRequire } from 'node:module'; const require = __nisshiRequire(import.meta.url);" },
  });
  return outfile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(`deploy bundle: ${await bundleDeploy(process.argv[2])}`);
}
