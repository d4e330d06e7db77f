/**
 * `nisshi deploy`: the command-line face of runDeploy. Decodes flags, the
 * environment and the settings into one DeployConfig (src/deploy/config.ts),
 * builds one client per service (credentials from the SDK's default chain
 * only), and prints the plan or the summary in the catalogue's language.
 * Ctrl-C (or SIGTERM, as CI sends when a job is cancelled) stops the run
 * between requests and releases the lock.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { auditFolder, findingLines } from './audit.ts';
import { parseCommandArgs } from './args.ts';
import { foreignText, historyText, planText, rollbackLine, summaryJson, summaryLine } from './deploy-output.ts';
import { CliError, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from './errors.ts';
import type { CliIo, Command } from './io.ts';
import { createCloudFrontClient } from '../deploy/cloudfront.ts';
import { decodeDeployConfig, DEFAULT_DELETE_GUARD, DEPLOY_DEFAULTS, type DeployConfig, type Env } from '../deploy/config.ts';
import { DeployConfigError, DeployError } from '../deploy/errors.ts';
import { progressFor, silentProgress } from '../deploy/progress.ts';
import { createS3Client, s3Site, type S3Target } from '../deploy/s3-site.ts';
import { runDeploy } from '../deploy/run-deploy.ts';
import { readHistory, runRollback } from '../deploy/run-rollback.ts';
import { deployMessages, type DeployMessages } from '../record/deploy-messages.ts';
import { messageLanguage, messages, type MessageLanguage } from '../record/messages.ts';
import type { Settings } from '../settings/settings.ts';

export type { Env } from '../deploy/config.ts';

const HELP_DEFAULTS = {
  maxDeletes: DEFAULT_DELETE_GUARD.maxDeletes,
  maxDeleteShare: DEFAULT_DELETE_GUARD.maxDeleteShare,
  lockWait: DEPLOY_DEFAULTS.lockWaitSeconds,
};

/** The help in the language NISSHI_LANG asks for (the settings are not read for `nisshi help deploy`). */
export function deployHelp(language = messageLanguage(undefined)): string {
  return deployMessages(language).helpText(HELP_DEFAULTS);
}

/**
 * The leak audit (nisshi audit) before anything is written, in the dry run too:
 * a build holding a private note or a draft is refused. Without the logs
 * folder (nothing to compare with) it says so and goes on.
 */
async function refuseLeaks(io: CliIo, settings: Settings, dist: string, language: MessageLanguage): Promise<void> {
  if (!existsSync(path.resolve(io.cwd, dist))) return; // runDeploy refuses a missing build with its own message.
  const say = messages(language);
  if (!existsSync(path.resolve(io.cwd, settings.logsDir))) {
    io.stderr(`${say.deployNoLogs(settings.logsDir)}\n`);
    return;
  }
  const { findings } = await auditFolder(io, settings, dist, settings.logsDir);
  if (findings.length === 0) return;
  const lines = findingLines(dist, findings, say).map((line) => `  ${line}`).join('\n');
  throw new CliError(`${say.deployLeaks(dist)}\n${lines}\n${say.deployLeaksFix}`, EXIT_FINDINGS);
}

export const deployCommand: Command = {
  name: 'deploy',
  get help() {
    return deployHelp();
  },
  run: (args, io, settings) =>
    runDeployCommand(args, io, process.env, Boolean(process.stderr.isTTY) && !process.env.CI, settings, process),
};

/** Where SIGINT and SIGTERM come from (the process, or nothing in tests). */
export interface SignalSource {
  once(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

/** @param settings the site's settings (default: src/site.config.ts, read on first use). */
export async function runDeployCommand(
  args: readonly string[],
  io: CliIo,
  env: Env,
  isTty = false,
  settings?: Settings,
  signals?: SignalSource,
): Promise<number> {
  try {
    return await deployFromArgs(args, io, env, isTty, settings ?? (await import('../site.config.ts')).siteSettings, signals);
  } catch (error) {
    if (error instanceof DeployConfigError) throw new CliError(error.message, EXIT_USAGE);
    if (error instanceof DeployError) throw new CliError(error.message, EXIT_FINDINGS);
    throw error;
  }
}

const FLAGS = {
  dist: { type: 'string' },
  bucket: { type: 'string' },
  prefix: { type: 'string' },
  'distribution-id': { type: 'string' },
  region: { type: 'string' },
  concurrency: { type: 'string' },
  'max-attempts': { type: 'string' },
  'max-deletes': { type: 'string' },
  'max-delete-share': { type: 'string' },
  'lock-wait': { type: 'string' },
  'break-lock': { type: 'boolean' },
  force: { type: 'boolean' },
  'prune-foreign': { type: 'boolean' },
  'allow-stale': { type: 'boolean' },
  rollback: { type: 'boolean' },
  history: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  verify: { type: 'boolean' },
  wait: { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

async function deployFromArgs(
  args: readonly string[],
  io: CliIo,
  env: Env,
  isTty: boolean,
  siteSettings: Settings,
  signals: SignalSource | undefined,
): Promise<number> {
  const { values } = parseCommandArgs('deploy', args, FLAGS, false);
  if (values.help) {
    io.stdout(deployHelp(messageLanguage(siteSettings.locale, env.NISSHI_LANG ?? '')));
    return EXIT_OK;
  }
  const config = decodeDeployConfig({ flags: values, env, settings: siteSettings, commit: () => gitHead(io.cwd) });
  const say = deployMessages(config.language);
  const target: S3Target = {
    bucket: config.bucket,
    prefix: config.prefix,
    region: config.region,
    endpoint: config.s3Endpoint,
    maxAttempts: config.maxAttempts,
  };
  const site = s3Site(createS3Client(target), target);
  const cloudFront = config.cloudFront
    ? {
        client: createCloudFrontClient({ ...config.cloudFront, maxAttempts: config.maxAttempts }),
        distributionId: config.cloudFront.distributionId,
        endpoint: config.cloudFront.endpoint,
      }
    : undefined;
  const progress = config.json ? silentProgress : progressFor(io.stderr, isTty, { done: say.progressDone });
  const where = `s3://${config.bucket}/${config.prefix}`;
  if (config.action === 'history') {
    const entries = await readHistory(site, say);
    io.stdout(config.json ? `${JSON.stringify(entries, null, 2)}\n` : historyText(entries, where, say));
    return EXIT_OK;
  }
  const lock = {
    waitMs: config.lock.waitSeconds * 1000,
    ttlMs: config.lock.ttlSeconds * 1000,
    breakStale: config.lock.breakStale,
    holder: config.lock.holder,
  };
  return whileInterruptible(signals, say, async (signal) => {
    if (config.action === 'rollback') {
      const summary = await runRollback({
        site,
        cloudFront,
        concurrency: config.concurrency,
        dryRun: config.dryRun,
        wait: config.wait,
        progress,
        signal,
        language: config.language,
        lock,
      });
      const { plan, ...counts } = summary;
      io.stdout(config.json ? `${JSON.stringify({ ...counts, durationMs: Math.round(summary.durationMs) }, null, 2)}\n` : rollbackLine(summary, where, say));
      return EXIT_OK;
    }
    await refuseLeaks(io, siteSettings, config.dist, config.language);
    const summary = await runDeploy(deployOptions(config, io, siteSettings, { site, cloudFront, progress, signal, lock }));
    if (config.json) io.stdout(`${JSON.stringify(summaryJson(summary), null, 2)}\n`);
    else {
      if (summary.dryRun) io.stdout(planText(summary, say));
      if (summary.foreign.length > 0) io.stderr(foreignText(summary.foreign, say));
      io.stdout(`${summaryLine(summary, where, say)}\n`);
    }
    return EXIT_OK;
  });
}

function deployOptions(
  config: DeployConfig,
  io: CliIo,
  siteSettings: Settings,
  parts: Pick<Parameters<typeof runDeploy>[0], 'site' | 'cloudFront' | 'progress' | 'signal' | 'lock'>,
): Parameters<typeof runDeploy>[0] {
  return {
    ...parts,
    distDir: path.resolve(io.cwd, config.dist),
    headers: { cacheRules: config.cacheRules },
    freshness: { root: io.cwd, sources: [siteSettings.logsDir, 'src', 'public', 'astro.config.mjs'] },
    allowStale: config.allowStale,
    siteUrl: siteSettings.site,
    commit: config.commit,
    pruneForeign: config.pruneForeign,
    deleteGuard: config.deleteGuard,
    concurrency: config.concurrency,
    force: config.force,
    dryRun: config.dryRun,
    verify: config.verify,
    wait: config.wait,
    language: config.language,
  };
}

/**
 * Runs the step with an abort signal raised by the first SIGINT or SIGTERM:
 * the deploy stops between requests and its lock is released on the way out.
 * (A second Ctrl-C ends the process at once, as usual.)
 */
async function whileInterruptible(
  signals: SignalSource | undefined,
  say: DeployMessages,
  step: (signal: AbortSignal | undefined) => Promise<number>,
): Promise<number> {
  if (!signals) return step(undefined);
  const controller = new AbortController();
  const stop = () => controller.abort(new DeployError(say.interrupted));
  signals.once('SIGINT', stop);
  signals.once('SIGTERM', stop);
  try {
    return await step(controller.signal);
  } catch (error) {
    if (controller.signal.aborted) throw new CliError(say.interrupted, 130);
    throw error;
  } finally {
    signals.off('SIGINT', stop);
    signals.off('SIGTERM', stop);
  }
}

function gitHead(cwd: string): string | undefined {
  const result = spawnSync('git', ['rev-parse', 'HEAD'], { cwd, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() || undefined : undefined;
}
