/**
 * s3rver in a process of its own, for listings of more than 1,000 keys:
 * s3rver makes its continuation tokens with DES, which Node 17+ (OpenSSL 3)
 * only offers with --openssl-legacy-provider, so a truncated listing fails
 * with a 500 in an ordinary Node process. A separate process also keeps the
 * server's work off the event loop of the client being measured.
 *
 *   node --openssl-legacy-provider s3rver-process.ts <directory> <bucket>
 * prints {"port":N} once listening, and stops when its stdin closes.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import S3rver from 's3rver';
import { startConditionalLayer } from './conditional-layer.ts';
import { copyKeepsTheSourceEtag } from './s3-server.ts';

export interface S3rverProcess {
  endpoint: string;
  close(): Promise<void>;
}

export async function spawnS3rver(directory: string, bucket: string): Promise<S3rverProcess> {
  const child = spawn(process.execPath, ['--openssl-legacy-provider', fileURLToPath(import.meta.url), directory, bucket], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`s3rver process exited with ${code} before listening`)));
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
  });
  return {
    endpoint: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [directory, bucket] = process.argv.slice(2) as [string, string];
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  copyKeepsTheSourceEtag(server);
  const { port } = await server.run();
  const layer = await startConditionalLayer(`http://127.0.0.1:${port}`);
  process.stdout.write(`${JSON.stringify({ port: Number(new URL(layer.endpoint).port) })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => void layer.close().then(() => server.close()).then(() => process.exit(0)));
}
