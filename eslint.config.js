import js from '@eslint/js'
import jest from 'eslint-plugin-jest'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

const sdkOnlyInRunner = {
  group: ['@modelcontextprotocol/sdk', '@modelcontextprotocol/sdk/*'],
  message: 'Only src/runner/ talks to the MCP SDK.'
}
const actionsOnlyInAction = {
  group: ['@actions/*'],
  message: 'Only src/action/ imports @actions/*.'
}

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'coverage/',
      'node_modules/',
      '.scratch/',
      'fixtures/',
      'src/parse/generated/**/*.js'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js'] },
        tsconfigRootDir: import.meta.dirname
      }
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'no-restricted-imports': ['error', { patterns: [sdkOnlyInRunner, actionsOnlyInAction] }]
    }
  },
  {
    files: ['src/rules/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            sdkOnlyInRunner,
            actionsOnlyInAction,
            { group: ['node:*', 'fs', 'child_process'], message: 'Rules never do I/O.' },
            {
              group: ['../runner/*', '../action/*', '../cli/*', '../reporters/*'],
              message: 'Rules only see the model.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['src/runner/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [actionsOnlyInAction] }] }
  },
  {
    files: ['src/action/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sdkOnlyInRunner] }] }
  },
  {
    files: ['__tests__/**/*.test.ts'],
    ...jest.configs['flat/recommended'],
    rules: {
      ...jest.configs['flat/recommended'].rules,
      // Helpers named expect… assert (expectNoSecret, expectOne).
      'jest/expect-expect': ['warn', { assertFunctionNames: ['expect', 'expect*', 'fc.assert'] }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests that need root or the simulated hosted runner: `it` or `it.skip` by the machine.
      'jest/no-standalone-expect': [
        'error',
        { additionalTestBlockFunctions: ['itAsRoot', 'itAsRunner'] }
      ]
    }
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { process: 'readonly', console: 'readonly' }
    }
  },
  prettier
)
