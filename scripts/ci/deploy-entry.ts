/**
 * Entry of the deploy bundle (scripts/ci/bundle-deploy.ts): `nisshi deploy`
 * and nothing else, as one JavaScript file, so the CI job that holds the
 * deploy role needs no npm install (no dependency code, no install scripts),
 * only Node.
 */
import { main } from '../../src/cli/main.ts';

process.exitCode = await main(['deploy', ...process.argv.slice(2)]);
