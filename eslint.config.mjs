// ESLint for the whole code tree, with typescript-eslint's type-aware rules (each project's own
// tsconfig: the service and its tests, the explorer, the playground). Formatting is Prettier's job.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import schemaLint from './schema-lint.cjs';

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'neo4j/**', '.data/**', 'test-artifacts/**', 'seed/data/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-misused-spread': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests and the benchmark read GraphQL responses as untyped JSON (the harness's `gql<T>` defaults
    // to Record<string, any>) and check their shape with expect(): a hand-written type per query would
    // repeat the schema in hundreds of places and prove nothing the assertions don't. So here, and only
    // here, the rules about flowing `any` are off. Typing these from schema.graphql with a code
    // generator would let them come back on. Every other rule (floating/misused promises, unused
    // values, misused spreads, ...) stays on for tests and bench too.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['explorer/**/*.{ts,tsx}', 'playground/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // The schema lint (schema-lint.cjs) on the printed schema; the TypeScript rules do not apply there.
  {
    files: ['schema.graphql'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  schemaLint.schemaLintConfig(['schema.graphql'], 'schema.graphql'),
);
