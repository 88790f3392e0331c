import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'module', 'require', '__dirname', 'structuredClone', 'URL'].map((name) => [
    name,
    'readonly',
  ]),
);

const barrelImports = ['@cdktf/provider-aws', '@cdktf/provider-aws/lib'].map((name) => ({
  name,
  message:
    'The barrel import takes seconds: import one resource, e.g. @cdktf/provider-aws/lib/kms-key.',
}));

export default tseslint.config(
  { ignores: ['dist/', 'generated/', 'cdktf.out/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'max-len': [
        'error',
        { code: 100, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true },
      ],
      'no-restricted-imports': ['error', { paths: barrelImports }],
    },
  },
  {
    // Tests read synthesized JSON of any shape.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Plain Node scripts: the build, the benchmark and its probes.
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: nodeGlobals },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
