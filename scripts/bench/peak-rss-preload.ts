/**
 * Preloaded (node --import) into a measured child when /usr/bin/time is not
 * there: Node cannot read a child's peak RSS from outside, so the child
 * writes its own when it exits. Covers the process and its worker threads,
 * not processes it spawns.
 */
import { writeFileSync } from 'node:fs';

const target = process.env.NISSHI_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    // maxRSS is in kilobytes, as /usr/bin/time -v reports it.
    writeFileSync(target, `Maximum resident set size (kbytes): ${process.resourceUsage().maxRSS}\n`);
  });
}
