/**
 * An ESLint parser for nisshi's TypeScript: Node's own type stripping (the one
 * that lets `node script.ts` run our files) blanks the types out in place, so
 * every position stays the file's own, then espree parses what is left.
 *
 * Why not typescript-eslint: it needs TypeScript's JavaScript API, which the
 * native TypeScript 7 compiler the project uses does not ship. The rules we run
 * (regular-expression safety) read JavaScript syntax only, so no types are lost.
 */
import { stripTypeScriptTypes } from 'node:module';
import * as espree from 'espree';

export const meta = { name: 'nisshi-strip-types', version: '1.0.0' };

export function parseForESLint(code, options = {}) {
  const javascript = options.filePath?.endsWith('.ts') ? stripTypes(code) : code;
  const ast = espree.parse(javascript, {
    ecmaVersion: 'latest',
    sourceType: 'module',
    range: true,
    loc: true,
    tokens: true,
    comment: true,
  });
  return { ast };
}

function stripTypes(code) {
  // The experimental warning would be printed once per lint run; the API has been stable since Node 22.13.
  const emit = process.emitWarning;
  process.emitWarning = () => {};
  try {
    return stripTypeScriptTypes(code, { mode: 'strip' });
  } finally {
    process.emitWarning = emit;
  }
}
