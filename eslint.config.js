// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The project's folders that build on domain/ (which db/ and domain/ itself never import). */
const ABOVE_DOMAIN = ['**/api/*', '**/activities/*', '**/workflows/*', '**/worker/*', '**/dev/*', '**/contracts/*'];

const IO_PACKAGES = [
  'postgres',
  'postgres-shift',
  'stripe',
  'nodemailer',
  'hono',
  'hono/*',
  '@hono/*',
  'node:*',
  'fs',
  'path',
  'crypto',
  'child_process',
  'net',
  'http',
];

/** Builds the import restrictions of one folder; type-only imports may be allowed for some groups. */
const restrict = (patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'admin/dist/', 'dist/', '.data/', '.tools/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // STYLE.md §9: each process parses its own environment at start-up; nothing else reads it
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration from the parsed config object (STYLE.md §9).',
        },
      ],
    },
  },
  {
    files: [
      'api/main.ts',
      'worker/main.ts',
      'dev/start.ts',
      'db/migrate-cli.ts',
      'db/import-schools-cli.ts',
      'dev/processes.ts',
      'dev/tools.ts',
      'test/global-setup.ts',
      'bench/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // workflows are deterministic: no I/O, no zod, no environment; activities only as types
    files: ['workflows/**/*.ts'],
    ignores: ['workflows/**/*.test.ts'],
    rules: {
      ...restrict([
        {
          group: ['**/activities/*', '**/activities'],
          allowTypeImports: true,
          message: 'Workflows import activities as types only (proxyActivities).',
        },
        {
          group: [...IO_PACKAGES, 'zod', '@temporalio/client', '@temporalio/worker', '@temporalio/activity'],
          message: 'Workflows are deterministic: no I/O, no zod.',
        },
        {
          group: ['**/db/*', '**/api/*', '**/worker/*', '**/dev/*', '**/contracts/*'],
          message: 'Workflows depend only on domain/ and their own lib/.',
        },
      ]),
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Use workflow time from the SDK, not Date.now().',
        },
        {
          selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']",
          message: 'Workflows must be deterministic.',
        },
      ],
    },
  },
  {
    // the API drives workflows through their messages and never runs activities itself
    files: ['api/**/*.ts'],
    ignores: ['api/**/*.test.ts'],
    rules: restrict([
      {
        group: ['**/activities/*', '**/activities'],
        message: 'The API never imports activities: it drives workflows through Temporal.',
      },
      {
        group: ['**/workflows/*', '!**/workflows/*.messages.ts'],
        message: 'The API imports only workflow messages (*.messages.ts).',
      },
      {
        group: ['**/worker/*', '**/dev/*', '@temporalio/worker', '@temporalio/workflow'],
        message: 'The API does not import the worker or the local stack.',
      },
    ]),
  },
  {
    files: ['activities/**/*.ts'],
    ignores: ['activities/**/*.test.ts'],
    rules: restrict([
      {
        group: ['**/api/*', '**/workflows/*', '**/worker/*', '**/dev/*', '@temporalio/workflow'],
        message: 'Activities depend only on db/ and domain/ (nothing imports worker/).',
      },
    ]),
  },
  {
    files: ['db/**/*.ts'],
    ignores: ['db/**/*.test.ts'],
    rules: restrict([
      {
        group: [...ABOVE_DOMAIN, '@temporalio/*'],
        message: 'db/ depends only on domain/.',
      },
    ]),
  },
  {
    // pure business rules
    files: ['domain/**/*.ts'],
    ignores: ['domain/**/*.test.ts'],
    rules: restrict([
      { group: [...IO_PACKAGES, 'zod', '@temporalio/*'], message: 'domain/ is pure: no I/O, no zod, no Temporal.' },
      {
        group: ['**/db/*', ...ABOVE_DOMAIN],
        message: 'domain/ imports nothing of the project but domain/.',
      },
    ]),
  },
  {
    // the requests shared by the API and the admin, as zod schemas
    files: ['contracts/**/*.ts'],
    ignores: ['contracts/**/*.test.ts'],
    rules: restrict([
      {
        group: ['**/db/*', '**/api/*', '**/activities/*', '**/workflows/*', '**/worker/*', '**/dev/*', '**/admin/*'],
        message: 'contracts/ imports nothing of the project but domain/.',
      },
    ]),
  },
  {
    files: ['admin/**/*.{ts,tsx}'],
    ignores: ['admin/e2e/**'],
    rules: restrict([
      {
        group: ['**/api/*', '**/activities/*', '**/workflows/*', '**/worker/*', '**/db/*', '**/dev/*'],
        message: 'The admin SPA talks to the API over HTTP; it may import domain/ only.',
      },
      {
        group: ['**/contracts/*'],
        allowTypeImports: true,
        message: 'The admin imports contracts/ as types only (no zod in the admin).',
      },
    ]),
  },
);
