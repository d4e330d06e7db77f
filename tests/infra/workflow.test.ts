/** .github/workflows/deploy.yml: valid for GitHub (action-validator's schema) and shaped as the deploy needs. */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const workflowPath = new URL('../../.github/workflows/deploy.yml', import.meta.url);
const text = readFileSync(workflowPath, 'utf8');
const workflow = yaml.load(text) as Record<string, any>;
const { build, test, deploy } = workflow.jobs;
const onMainPush = "github.event_name == 'push' && github.ref == 'refs/heads/main'";
const stepUsing = (job: any, action: string) => job.steps.find((step: any) => String(step.uses).startsWith(`${action}@`));
const allSteps = (): any[] => Object.values(workflow.jobs).flatMap((job: any) => job.steps);
const runs = (job: any): string[] => job.steps.filter((step: any) => step.run).map((step: any) => step.run);

/** Runs the action-validator CLI (Rust compiled to WebAssembly, no download) on a file: its exit code and output. */
async function validate(path: string): Promise<{ code: number; output: string }> {
  const cli = new URL('../../node_modules/@action-validator/cli/cli.mjs', import.meta.url).pathname;
  try {
    const { stdout, stderr } = await run(process.execPath, [cli, path]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
}

describe('the deploy workflow', () => {
  it('passes @action-validator/cli', async () => {
    const result = await validate(workflowPath.pathname);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('is checked for real: the validator refuses a misspelt key', async () => {
    const broken = join(await mkdtemp(join(tmpdir(), 'nisshi-workflow-')), 'deploy.yml');
    await writeFile(broken, text.replace('    runs-on: ubuntu-latest\n', '    runs_on: ubuntu-latest\n'));
    const result = await validate(broken);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/runs_on/);
  });

  it('runs on pushes to main and on pull requests, reading the repository only', () => {
    expect(workflow.on).toEqual({ push: { branches: ['main'] }, pull_request: null });
    expect(workflow.permissions).toEqual({ contents: 'read' });
  });

  it('pins every third-party action by full commit SHA, with its version in a comment', () => {
    const lines = text.split('\n').filter((line) => /^\s*-?\s*uses:/.test(line));
    expect(lines.length).toBe(allSteps().filter((step) => step.uses).length);
    for (const line of lines) expect(line).toMatch(/uses: [\w-]+\/[\w-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
    // The same action is pinned to the same commit everywhere.
    const pins = new Map<string, Set<string>>();
    for (const step of allSteps().filter((candidate) => candidate.uses)) {
      const [action, sha] = String(step.uses).split('@') as [string, string];
      pins.set(action, (pins.get(action) ?? new Set()).add(sha));
    }
    for (const shas of pins.values()) expect(shas.size).toBe(1);
  });

  it('decides the path from the changed files before installing anything', () => {
    const steps: any[] = build.steps;
    const changes = steps.findIndex((step) => step.id === 'changes');
    expect(steps[changes].run).toContain('node scripts/ci/changed-paths.ts "$BASE" "$HEAD" >> "$GITHUB_OUTPUT"');
    expect(steps[changes].env.BASE).toContain('github.event.pull_request.base.sha');
    expect(steps[changes].env.BASE).toContain('github.event.before');
    expect(changes).toBeLessThan(steps.findIndex((step) => String(step.run).startsWith('npm ci')));
    expect(build.outputs.path).toBe('${{ steps.changes.outputs.path }}');
  });

  it('builds on every run without install scripts, with Astro\'s content cache keyed on the lock file and src/', () => {
    expect(build.if).toBeUndefined();
    expect(build.permissions).toBeUndefined();
    expect(stepUsing(build, 'actions/setup-node').with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
    const steps: any[] = build.steps;
    const install = steps.find((step) => String(step.run).startsWith('npm ci --omit=dev --ignore-scripts --no-audit --no-fund'));
    // The dependencies as the lock file has them: nothing patched after the install (tests/structure/no-patches.test.ts).
    expect(install.run).toBe('npm ci --omit=dev --ignore-scripts --no-audit --no-fund');
    // node_modules from the cache when the lock file is unchanged (a log push), npm ci otherwise.
    const modules = steps.find((step) => step.id === 'modules');
    expect(modules.with.path).toBe('node_modules\n!node_modules/.astro\n');
    expect(modules.with.key).toContain("hashFiles('.nvmrc', 'package-lock.json')");
    expect(install.if).toBe("steps.modules.outputs.cache-hit != 'true'");
    expect(steps.indexOf(modules)).toBeLessThan(steps.indexOf(install));
    const cache = steps.find((step) => step.with?.path === 'node_modules/.astro');
    expect(cache.with.key).toContain("hashFiles('package-lock.json')");
    expect(cache.with.key).toContain("hashFiles('src/**')");
    expect(cache.with.key.startsWith(cache.with['restore-keys'])).toBe(true);
    expect(steps.indexOf(cache)).toBeLessThan(steps.findIndex((step) => step.run === 'npm run build'));
  });

  it('runs nisshi check once: inside npm run build, never as a step of its own', async () => {
    const commands = allSteps().filter((step) => step.run).map((step) => String(step.run));
    expect(commands.filter((command) => command === 'npm run build')).toHaveLength(1);
    expect(commands.some((command) => /\bcheck\b/.test(command) && !command.includes('cfn-lint'))).toBe(false);
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(String(scripts.build).match(/\bcheck\b/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it('tests with the browser, fonts and cfn-lint on the full path only', () => {
    expect(test.if).toBe("needs.build.outputs.path == 'full'");
    expect(test.env.CHROMIUM_PATH).toBe('/usr/bin/google-chrome');
    const commands = runs(test);
    expect(commands).toContain('npm ci');
    expect(commands).toContain('npm test');
    expect(commands.some((command) => /apt-get install .*fonts-noto-cjk/.test(command))).toBe(true);
    expect(commands).toContain('pipx run cfn-lint infra/nisshi-site.yaml');
    expect(runs(build).some((command) => /npm test|apt-get|cfn-lint/.test(command))).toBe(false);
  });

  it('deploys only on a push to main, after the build and the tests when they ran, one at a time, never cancelled', () => {
    expect(deploy.needs).toEqual(['build', 'test']);
    expect(deploy.if).toContain("github.event_name == 'push' && github.ref == 'refs/heads/main'");
    expect(deploy.if).toContain("needs.build.result == 'success'");
    expect(deploy.if).toContain("(needs.test.result == 'success' || needs.test.result == 'skipped')");
    expect(deploy.concurrency).toEqual({ group: 'deploy-site', 'cancel-in-progress': false });
    // Only this job may ask GitHub for an OIDC token.
    expect(deploy.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
    expect(Object.entries(workflow.jobs).filter(([, job]: [string, any]) => job.permissions?.['id-token'])).toHaveLength(1);
  });

  it('gives the job holding id-token: write no npm, no checkout and no dependency code: only the bundled deploy', () => {
    expect(runs(deploy).some((command) => /\bnpm\b|\bnpx\b|pipx/.test(command))).toBe(false);
    expect(stepUsing(deploy, 'actions/checkout')).toBeUndefined();
    expect(stepUsing(deploy, 'actions/setup-node')).toBeUndefined();
    expect(runs(deploy)).toEqual(['node dist-deploy/nisshi-deploy.mjs --dist dist']);
    const bundle = build.steps.find((step: any) => step.run === 'node scripts/ci/bundle-deploy.ts dist-deploy/nisshi-deploy.mjs');
    expect(bundle.if).toContain("steps.bundle.outputs.cache-hit != 'true'");
    const cached = build.steps.find((step: any) => step.id === 'bundle');
    expect(cached.with).toMatchObject({ path: 'dist-deploy' });
    expect(cached.with.key).toContain("hashFiles('src/**', 'scripts/ci/**')");
  });

  it('publishes the dist/ the build job built, with the deploy bundle', () => {
    const upload = stepUsing(build, 'actions/upload-artifact');
    expect(upload.if).toBe(onMainPush);
    expect(upload.with).toMatchObject({ name: 'site', path: 'dist/\ndist-deploy/\n', 'if-no-files-found': 'error' });
    const steps: any[] = deploy.steps;
    const download = steps.findIndex((step) => String(step.uses).startsWith('actions/download-artifact@'));
    expect(steps[download].with).toEqual({ name: 'site' });
    expect(download).toBeLessThan(steps.findIndex((step) => String(step.run).startsWith('node dist-deploy/')));
  });

  it('assumes the deploy role from repository variables and passes the bucket and distribution', () => {
    expect(stepUsing(deploy, 'aws-actions/configure-aws-credentials').with).toEqual({
      'role-to-assume': '${{ vars.NISSHI_DEPLOY_ROLE_ARN }}',
      'aws-region': '${{ vars.AWS_REGION }}',
    });
    const step = deploy.steps.find((candidate: any) => String(candidate.run).startsWith('node dist-deploy/'));
    expect(step.env).toEqual({
      NISSHI_S3_BUCKET: '${{ vars.NISSHI_S3_BUCKET }}',
      NISSHI_CLOUDFRONT_DISTRIBUTION_ID: '${{ vars.NISSHI_CLOUDFRONT_DISTRIBUTION_ID }}',
    });
    // No long-lived AWS keys anywhere.
    expect(text).not.toMatch(/secrets\.|aws-access-key-id|aws-secret-access-key/);
  });
});
