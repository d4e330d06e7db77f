/**
 * npm run infra:sync — copies infra/cloudfront-function/directory-index.js into
 * the FunctionCode block of infra/nisshi-site.yaml. CloudFormation takes the
 * function only inline, and the .js file is the one the tests run, so the
 * template's copy is generated rather than edited (tests/infra fails when stale).
 */
import { readFileSync, writeFileSync } from 'node:fs';

const templatePath = new URL('nisshi-site.yaml', import.meta.url);
const functionPath = new URL('cloudfront-function/directory-index.js', import.meta.url);

/** The template with its `FunctionCode: |` block scalar replaced by `code`, indented under the key. */
export function withFunctionCode(template: string, code: string): string {
  const lines = template.split('\n');
  const start = lines.findIndex((line) => /^\s*FunctionCode: \|$/.test(line));
  if (start === -1) throw new Error('no "FunctionCode: |" block in the template');
  const indent = `${lines[start]!.match(/^\s*/)![0]}  `;
  let end = start + 1;
  // The block runs on while lines are blank or indented deeper than the key.
  while (end < lines.length && (lines[end]!.trim() === '' || lines[end]!.startsWith(indent))) end += 1;
  // Blank lines at the end of the block belong to the template, not to the code.
  while (end > start + 1 && lines[end - 1]!.trim() === '') end -= 1;
  const body = code.replace(/\n$/, '').split('\n').map((line) => (line === '' ? '' : indent + line));
  return [...lines.slice(0, start + 1), ...body, ...lines.slice(end)].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const before = readFileSync(templatePath, 'utf8');
  const after = withFunctionCode(before, readFileSync(functionPath, 'utf8'));
  if (after === before) {
    console.log('infra/nisshi-site.yaml: FunctionCode already matches directory-index.js');
  } else {
    writeFileSync(templatePath, after);
    console.log('infra/nisshi-site.yaml: FunctionCode updated from directory-index.js');
  }
}
