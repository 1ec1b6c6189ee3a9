// @ts-check
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'src/server/db/migrations/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Fastify plugins are async functions whether or not they await.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/web/**/*.tsx', 'src/web/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The web client's features are modules: a feature imports app/, shared/, its own folder and other features'
    // index.ts only, never another feature's inside; app/ knows no feature (src/web/routes.tsx assembles them).
    files: ['src/web/features/**/*.ts', 'src/web/features/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\./)[^/]+/(?!index\\.ts$).+',
              message: "Another feature is reached only through its index.ts (import from '../<feature>/index.ts').",
            },
            {
              regex: '(^|/)features/[^/]+/(?!index\\.ts$).+',
              message: "Another feature is reached only through its index.ts (import from '../<feature>/index.ts').",
            },
            { regex: '^\\.\\./\\.\\./(routes|main)\\.tsx$', message: 'Features do not import the router; it imports them.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/web/app/**/*.ts', 'src/web/app/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)features/', message: 'app/ imports no feature: features contribute through src/web/routes.tsx.' },
            { regex: '^\\.\\./(routes|main)\\.tsx$', message: 'app/ imports no feature: features contribute through src/web/routes.tsx.' },
          ],
        },
      ],
    },
  },
  {
    // Tests read JSON responses loosely; what they assert is typed enough.
    files: ['**/*.test.ts', 'test/**', 'e2e/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  // Plain JavaScript (the config, and the worker thread's bootstrap that loads tsx) is outside the TypeScript project.
  { files: ['*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
);
