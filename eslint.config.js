import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const schemaFiles = 'subgraphs/*/src/schema/**/*.ts';
const layering =
  'schema/ declares types and one-line resolvers: transactions, SQL and outbox writes belong in a domain/ service (createServices(runtime)) or a data/ repository.';


export default tseslint.config(
  { ignores: ['**/node_modules/', '**/dist/', '**/dev-dist/', '.data/', 'coverage/', 'clients/sdk/src/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `let x!: T` assigned once after the closures that read it is deliberate.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // Raw SQL rows and Pothos refs are typed loosely on purpose in a few places; new uses show up as warnings.
      '@typescript-eslint/no-explicit-any': 'warn',
      // TypeORM types its entity and migration lists with `Function`.
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // Pothos plugins add options by merging into its interfaces, whose type parameters must all be repeated.
    files: ['packages/platform/src/schema/visibility.ts'],
    rules: {
      '@typescript-eslint/no-namespace': ['error', { allowDeclarations: true }],
      '@typescript-eslint/no-unused-vars': 'off',
    },
  },
  {
    // Tests and tools read untyped JSON answers.
    files: ['**/test/**', 'packages/platform/src/testing/**', 'bench/**', 'chaos/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: [schemaFiles],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'typeorm', message: layering }] }],
      'no-restricted-syntax': [
        'error',
        { selector: 'MemberExpression[property.name=/^(dataSource|manager|transaction|query|createQueryBuilder)$/]', message: layering },
        { selector: "ImportSpecifier[imported.name='enqueueEvents']", message: layering },
        { selector: 'MemberExpression[object.type=MemberExpression][object.object.property.name=repos][property.name=/^(save|insert|update|upsert|delete|remove|record|create|append|increment|set)/]', message: layering },
      ],
    },
  },
);
