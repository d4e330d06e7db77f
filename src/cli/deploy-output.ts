/**
 * What `nisshi deploy` prints: the plan of a dry run, the one-line summary,
 * the objects left alone, a rollback's lines and the history, in the
 * catalogue's language (src/record/deploy-messages.ts).
 */
import { formatBytes } from '../deploy/progress.ts';
import type { DeploySummary } from '../deploy/run-deploy.ts';
import type { HistoryEntry, RollbackSummary } from '../deploy/run-rollback.ts';
import type { DeployMessages } from '../record/deploy-messages.ts';

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

export function planText(summary: DeploySummary, say: DeployMessages): string {
  const lines = summary.plan.uploads.map((upload) => say.planUpload(upload.phase, upload.file.path, upload.reason));
  for (const deleted of summary.plan.deletes) lines.push(say.planDelete(deleted));
  for (const foreign of summary.foreign) lines.push(say.planKeep(foreign));
  for (const invalidated of summary.pathsInvalidated) lines.push(say.planInvalidate(invalidated));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function summaryLine(summary: DeploySummary, where: string, say: DeployMessages): string {
  const { plan } = summary;
  return say.summary({
    dryRun: summary.dryRun,
    where,
    uploads: summary.dryRun ? plan.uploads.length : summary.uploaded,
    bytes: formatBytes(summary.dryRun ? plan.uploads.reduce((sum, upload) => sum + upload.file.size, 0) : summary.bytesUploaded),
    deletes: summary.dryRun ? plan.deletes.length : summary.deleted,
    unchanged: summary.unchanged,
    cloudFront: summary.cloudFront,
    invalidated: summary.pathsInvalidated.length,
    pendingCarried: summary.pendingCarried,
    invalidationId: summary.invalidationId,
    scanned: summary.scan.scanned,
    skipped: summary.scan.skipped,
    resumed: summary.resumed,
    seconds: (summary.durationMs / 1000).toFixed(1),
  });
}

/** Objects nisshi did not write, listed once per deploy: the first few by name. */
export function foreignText(foreign: readonly string[], say: DeployMessages): string {
  return say.foreign(foreign.length, foreign.slice(0, 10), Math.max(0, foreign.length - 10));
}

export function rollbackLine(summary: RollbackSummary, where: string, say: DeployMessages): string {
  const lines = summary.dryRun
    ? [
        ...summary.plan.restores.map((restore) => say.planRestore(restore.phase, restore.path)),
        ...summary.plan.deletes.map((deleted) => say.planDelete(deleted)),
        ...summary.pathsInvalidated.map((invalidated) => say.planInvalidate(invalidated)),
      ]
    : [];
  lines.push(
    say.rollback({
      dryRun: summary.dryRun,
      where,
      from: summary.from,
      to: summary.to,
      restored: summary.dryRun ? summary.plan.restores.length : summary.restored,
      deleted: summary.dryRun ? summary.plan.deletes.length : summary.deleted,
      unchanged: summary.unchanged,
      invalidated: summary.pathsInvalidated.length,
      invalidationId: summary.invalidationId,
      seconds: (summary.durationMs / 1000).toFixed(1),
    }),
  );
  return `${lines.join('\n')}\n`;
}

export function historyText(entries: readonly HistoryEntry[], where: string, say: DeployMessages): string {
  if (entries.length === 0) return `${say.historyEmpty(where)}\n`;
  const lines = entries.map((entry) => `${entry.live ? '*' : ' '} ${entry.time}  ${entry.id}  ${say.historyEntry(entry)}`);
  return `${say.historyTitle(entries.length, where)}\n${lines.join('\n')}\n`;
}
