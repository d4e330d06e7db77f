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
const { build, deploy } = workflow.jobs;
const onMainPush = "github.event_name == 'push' && github.ref == 'refs/heads/main'";
const stepUsing = (job: any, action: string) => job.steps.find((step: any) => String(step.uses).startsWith(`${action}@`));
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

  it('tests, checks the logs and builds on every run, with Node from .nvmrc and the runner\'s Chrome', () => {
    expect(build.if).toBeUndefined();
    expect(stepUsing(build, 'actions/checkout')).toBeDefined();
    expect(stepUsing(build, 'actions/setup-node').with).toEqual({ 'node-version-file': '.nvmrc', cache: 'npm' });
    const commands = runs(build);
    const order = ['npm ci', 'npm test', 'npm run nisshi -- check', 'npm run build'].map((command) => commands.indexOf(command));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(commands.some((command) => /apt-get install .*fonts-noto-cjk/.test(command))).toBe(true);
    expect(build.env.CHROMIUM_PATH).toBe('/usr/bin/google-chrome');
    expect(build.permissions).toBeUndefined();
  });

  it('deploys only on a push to main, after the build, one at a time, never cancelled', () => {
    expect(deploy.needs).toBe('build');
    expect(deploy.if).toBe(onMainPush);
    expect(deploy.concurrency).toEqual({ group: 'deploy-site', 'cancel-in-progress': false });
    // Only this job may ask GitHub for an OIDC token.
    expect(deploy.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
    expect(Object.entries(workflow.jobs).filter(([, job]: [string, any]) => job.permissions?.['id-token'])).toHaveLength(1);
  });

  it('publishes the dist/ the build job tested', () => {
    const upload = stepUsing(build, 'actions/upload-artifact');
    expect(upload.if).toBe(onMainPush);
    expect(upload.with).toMatchObject({ name: 'site', path: 'dist/' });
    const steps: any[] = deploy.steps;
    const download = steps.findIndex((step) => String(step.uses).startsWith('actions/download-artifact@'));
    expect(steps[download].with).toEqual({ name: 'site', path: 'dist' });
    expect(runs(deploy)).not.toContain('npm run build');
    expect(download).toBeLessThan(steps.findIndex((step) => step.run === 'npm run deploy'));
  });

  it('assumes the deploy role from repository variables and passes the bucket and distribution to npm run deploy', () => {
    expect(stepUsing(deploy, 'aws-actions/configure-aws-credentials').with).toEqual({
      'role-to-assume': '${{ vars.NISSHI_DEPLOY_ROLE_ARN }}',
      'aws-region': '${{ vars.AWS_REGION }}',
    });
    const step = deploy.steps.find((candidate: any) => candidate.run === 'npm run deploy');
    expect(step.env).toEqual({
      NISSHI_S3_BUCKET: '${{ vars.NISSHI_S3_BUCKET }}',
      NISSHI_CLOUDFRONT_DISTRIBUTION_ID: '${{ vars.NISSHI_CLOUDFRONT_DISTRIBUTION_ID }}',
    });
    // No long-lived AWS keys anywhere.
    expect(text).not.toMatch(/secrets\.|aws-access-key-id|aws-secret-access-key/);
  });

  it('pins every action to its major version', () => {
    const uses: string[] = Object.values(workflow.jobs).flatMap((job: any) => job.steps.filter((step: any) => step.uses).map((step: any) => step.uses));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^[\w-]+\/[\w-]+@v\d+$/);
  });
});
