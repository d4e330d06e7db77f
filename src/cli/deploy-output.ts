/**
 * What `nisshi deploy` prints: the plan of a dry run, the one-line summary,
 * the objects left alone, a rollback's line and the history.
 */
import { formatBytes } from '../deploy/progress.ts';
import type { DeploySummary } from '../deploy/run-deploy.ts';
import type { HistoryEntry, RollbackSummary } from '../deploy/run-rollback.ts';

export function summaryJson(summary: DeploySummary) {
  const { plan, ...counts } = summary;
  return {
    ...counts,
    durationMs: Math.round(summary.durationMs),
    ...(summary.dryRun
      ? {
          uploads: plan.uploads.map((upload) => ({ path: upload.file.path, reason: upload.reason, phase: upload.phase })),
          deletes: plan.deletes,
        }
      : {}),
  };
}

export function planText(summary: DeploySummary): string {
  const lines = summary.plan.uploads.map(
    (upload) => `upload  ${upload.phase.padEnd(7)} ${upload.file.path} (${upload.reason})`,
  );
  for (const deleted of summary.plan.deletes) lines.push(`delete  ${deleted}`);
  for (const foreign of summary.foreign) lines.push(`keep    not ours ${foreign}`);
  for (const invalidated of summary.pathsInvalidated) lines.push(`invalidate ${invalidated}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function summaryLine(summary: DeploySummary, where: string): string {
  const { plan } = summary;
  const uploads = summary.dryRun ? plan.uploads.length : summary.uploaded;
  const deletes = summary.dryRun ? plan.deletes.length : summary.deleted;
  const bytes = summary.dryRun ? plan.uploads.reduce((sum, upload) => sum + upload.file.size, 0) : summary.bytesUploaded;
  const invalidated = summary.cloudFront
    ? `${summary.pathsInvalidated.length} path(s) ${summary.dryRun ? 'to invalidate' : 'invalidated'}` +
      `${summary.pendingCarried > 0 ? ` (${summary.pendingCarried} left pending by an earlier run)` : ''}` +
      `${summary.invalidationId ? ` (${summary.invalidationId})` : ''}`
    : 'no CloudFront distribution configured';
  return (
    `${summary.dryRun ? 'dry run, would deploy' : 'deployed'} ${where}: ${uploads} uploaded (${formatBytes(bytes)}), ` +
    `${deletes} deleted, ${summary.unchanged} unchanged; ${invalidated}; ${(summary.durationMs / 1000).toFixed(1)} s`
  );
}

/** Objects nisshi did not write, listed once per deploy: the first few by name. */
export function foreignText(foreign: readonly string[]): string {
  const shown = foreign.slice(0, 10).map((sitePath) => `  ${sitePath}\n`).join('');
  const more = foreign.length > 10 ? `  … and ${foreign.length - 10} more\n` : '';
  return `not ours: ${foreign.length} object(s) in the bucket that nisshi did not write, left alone (--prune-foreign deletes them)\n${shown}${more}`;
}

export function rollbackLine(summary: RollbackSummary, where: string): string {
  const lines = summary.dryRun
    ? [
        ...summary.plan.restores.map((restore) => `restore ${restore.phase.padEnd(7)} ${restore.path}`),
        ...summary.plan.deletes.map((deleted) => `delete  ${deleted}`),
        ...summary.pathsInvalidated.map((invalidated) => `invalidate ${invalidated}`),
      ]
    : [];
  const restored = summary.dryRun ? summary.plan.restores.length : summary.restored;
  const deleted = summary.dryRun ? summary.plan.deletes.length : summary.deleted;
  lines.push(
    `${summary.dryRun ? 'dry run, would roll back' : 'rolled back'} ${where} from deploy ${summary.from} to ${summary.to}: ` +
      `${restored} restored, ${deleted} deleted, ${summary.unchanged} unchanged; ` +
      `${summary.pathsInvalidated.length} path(s) ${summary.dryRun ? 'to invalidate' : 'invalidated'}` +
      `${summary.invalidationId ? ` (${summary.invalidationId})` : ''}; ${(summary.durationMs / 1000).toFixed(1)} s`,
  );
  return `${lines.join('\n')}\n`;
}

export function historyText(entries: readonly HistoryEntry[], where: string): string {
  if (entries.length === 0) return `no deploys recorded in ${where}\n`;
  const lines = entries.map((entry) => {
    const what =
      entry.kind === 'rollback'
        ? `rollback to ${entry.restored}: ${entry.uploaded} restored, ${entry.deleted} deleted`
        : `deploy ${entry.commit ? entry.commit.slice(0, 12) : '(commit unknown)'}: ${entry.uploaded} uploaded, ${entry.deleted} deleted, ${entry.objectCount ?? '?'} objects`;
    return `${entry.live ? '*' : ' '} ${entry.time}  ${entry.id}  ${what}`;
  });
  return `last ${entries.length} deploy(s) of ${where}, newest first (* = live state):\n${lines.join('\n')}\n`;
}
