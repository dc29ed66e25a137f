import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// src/core is pure: it runs in Node, the page and workers alike.
const coreForbiddenImports = [
  { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/core is framework-free.' },
  { group: ['@tensorflow/*'], message: 'Only src/train imports tfjs.' },
  { group: ['esptool-js'], message: 'Only src/device imports esptool-js.' },
  { group: ['zustand', 'zustand/*', 'zundo'], message: 'State lives in src/state.' },
  { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'src/core must not touch Node APIs.' },
];
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'indexedDB', 'HTMLElement', 'fetch'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'firmware-template/**', 'public/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts', 'src/core/**/test-*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', { patterns: coreForbiddenImports }],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
);
