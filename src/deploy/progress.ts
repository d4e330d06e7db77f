/**
 * Progress of a deploy's phases: a redrawn bar on a terminal, plain lines
 * (start, every tenth, end) where output goes to a log, as in CI. The labels
 * come translated from the caller (deploy-messages.ts); `done` is the word
 * that ends a phase's last line.
 */

export interface Progress {
  phaseStart(label: string, total: number): void;
  advance(): void;
  phaseEnd(): void;
  /** A line of its own, e.g. a retry notice. */
  note(text: string): void;
}

export const silentProgress: Progress = { phaseStart() {}, advance() {}, phaseEnd() {}, note() {} };

export function progressFor(write: (text: string) => void, isTty: boolean, words: { done: string } = { done: 'done' }): Progress {
  let label = '';
  let total = 0;
  let done = 0;
  let lastTenth = 0;
  const barWidth = 30;
  const draw = () => {
    const filled = total === 0 ? barWidth : Math.round((done / total) * barWidth);
    write(`\r${label.padEnd(16)} [${'#'.repeat(filled)}${' '.repeat(barWidth - filled)}] ${done}/${total}`);
  };
  return {
    phaseStart(nextLabel, nextTotal) {
      label = nextLabel;
      total = nextTotal;
      done = 0;
      lastTenth = 0;
      if (isTty) draw();
      else write(`${label}: ${total} ...\n`);
    },
    advance() {
      done++;
      if (isTty) draw();
      else {
        const tenth = Math.floor((done / total) * 10);
        if (tenth > lastTenth && done < total && total >= 50) write(`${label}: ${done}/${total}\n`);
        lastTenth = tenth;
      }
    },
    phaseEnd() {
      if (isTty) write('\n');
      else write(`${label}: ${done}/${total} ${words.done}\n`);
    },
    note(text) {
      write(isTty ? `\r\x1b[K${text}\n` : `${text}\n`);
      if (isTty && total > 0 && done < total) draw();
    },
  };
}

const kilo = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1e6) return `${kilo.format(bytes / 1e3)} kB`;
  return `${kilo.format(bytes / 1e6)} MB`;
}
