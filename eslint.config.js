import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

import { noImportCycle } from './scripts/eslint/no-import-cycle.js';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '*.config.*', 'eslint.config.js'] },
  ...tseslint.configs.strict,
  {
    // No import cycles, type-only ones included (STYLE.md §4 "Type-only cycles broken"): shared
    // types go in a leaf `types.ts`. import-x/no-cycle skips `import type`, hence a local rule.
    files: ['**/*.{ts,tsx}'],
    plugins: { local: { rules: { 'no-import-cycle': noImportCycle } } },
    rules: { 'local/no-import-cycle': 'error' },
  },
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/main/**',
                // ignore-style patterns: a file comes back only if its folder is not excluded.
                '!**/main/service',
                '**/main/service/**',
                '!**/main/service/contract*',
                '!**/main/service/define*',
                // Pure words and formats shared with the CLI and the exports (no Node).
                '!**/main/service/vocabulary*',
              ],
              allowTypeImports: true,
              message: 'The renderer talks to the service only through window.xaso (renderer/api).',
            },
            {
              // findings.ts is pure counting (one cause, one finding), shared with the CLI.
              group: ['**/diagnostics/**', '!**/diagnostics/findings*'],
              allowTypeImports: true,
              message: 'Type imports only.',
            },
            { group: ['electron', 'node:*'], message: 'The renderer has no Node or Electron.' },
          ],
        },
      ],
    },
  },
  {
    files: ['diagnostics/**/*.ts', 'main/service/**/*.ts', 'main/cli/**/*.ts', 'main/web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only main/electron/ may import electron.' }] },
      ],
    },
  },
  {
    // Probes see the machine only through their HostContext (ctx.os, ctx.fs, ctx.si), so a test
    // can swap it whole; diagnostics/context.ts is the one place that builds the real one.
    files: ['diagnostics/**/*.ts', 'main/service/scan/**/*.ts'],
    ignores: ['diagnostics/context.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only main/electron/ may import electron.' },
            ...['node:os', 'node:fs', 'node:fs/promises', 'os', 'fs', 'fs/promises'].map(
              (name) => ({
                name,
                message:
                  'Use ctx.os / ctx.fs of the HostContext (diagnostics/context.ts builds the real one).',
              }),
            ),
            {
              name: 'systeminformation',
              allowTypeImports: true,
              message: 'Use ctx.si of the HostContext (diagnostics/hardware/si.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    ignores: ['main/electron/ipc.ts', 'main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'Use the typed wrapper in main/electron/ipc.ts.',
            },
          ],
        },
      ],
    },
  },
);
