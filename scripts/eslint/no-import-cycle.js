/**
 * ESLint rule `local/no-import-cycle`: fails on an import cycle between our own files, type-only
 * imports included (STYLE.md §4 "Type-only cycles broken"). `import-x/no-cycle` and
 * `import/no-cycle` both skip `import type`, so they cannot keep these cycles broken.
 *
 * The graph is read with TypeScript's `preProcessFile` (static, type-only, re-exports and
 * dynamic imports); relative specifiers written `./x.js` resolve to `./x.ts`, `./x.tsx` or
 * `./x/index.ts`. Packages are not followed. Option `{ ignore: ['renderer/'] }` leaves out files
 * under those folders (relative to the working directory), both as importers and as targets.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import ts from 'typescript';

/** @type {Map<string, string[]>} */
const edges = new Map();

function resolveSpecifier(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const stem = base.replace(/\.(js|jsx|mjs)$/, '');
  const candidates = [
    `${stem}.ts`,
    `${stem}.tsx`,
    base,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ];
  return candidates.find((file) => existsSync(file) && statSync(file).isFile());
}

function importsOf(file) {
  let found = edges.get(file);
  if (found !== undefined) return found;
  const text = readFileSync(file, 'utf8');
  const { importedFiles } = ts.preProcessFile(text, true, true);
  found = importedFiles
    .map((f) => resolveSpecifier(file, f.fileName))
    .filter((f) => f !== undefined);
  edges.set(file, found);
  return found;
}

/** A path from `start` back to `target` (breadth first, so the shortest), or undefined. */
function pathBack(start, target, skip) {
  const seen = new Set([start]);
  /** @type {Array<string[]>} */
  let frontier = [[start]];
  while (frontier.length > 0) {
    const next = [];
    for (const path of frontier) {
      for (const to of importsOf(path.at(-1))) {
        if (to === target) return path;
        if (seen.has(to) || skip(to)) continue;
        seen.add(to);
        next.push([...path, to]);
      }
    }
    frontier = next;
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Forbid import cycles between project files, type-only imports included.',
    },
    schema: [
      {
        type: 'object',
        properties: { ignore: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      cycle:
        'Import cycle (type-only imports count): {{path}}. Move the shared types to a leaf types.ts.',
    },
  },
  create(context) {
    const file = context.physicalFilename;
    const ignore = (context.options[0]?.ignore ?? []).map((dir) => resolve(context.cwd, dir));
    const skip = (f) => ignore.some((dir) => f.startsWith(dir));
    if (skip(file) || !existsSync(file)) return {};
    const check = (node) => {
      if (node.source?.type !== 'Literal' || typeof node.source.value !== 'string') return;
      const target = resolveSpecifier(file, node.source.value);
      if (target === undefined || skip(target)) return;
      const back = target === file ? [] : pathBack(target, file, skip);
      if (back === undefined) return;
      const path = [file, ...back, file].map((f) => relative(context.cwd, f)).join(' → ');
      context.report({ node, messageId: 'cycle', data: { path } });
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};
