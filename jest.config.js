/**
 * Jest runs the TypeScript sources as ESM (ts-jest), as the Action template does, in two projects:
 * `unit` (no process, no server, no sandbox: seconds) and `integration` (real MCP servers in the
 * bubblewrap sandbox, the built bundle, git, Chromium, the real clients' recorded verdicts, the
 * packed tarball). `npm test -- --selectProjects unit` runs the first alone.
 */
const base = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  resolver: 'ts-jest-resolver',
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }]
  },
  testTimeout: 30000
}

/**
 * Tests that start processes (servers, the bundle, git, a browser), take more than seconds, or time
 * their work (`scale/`: linear growth at 10,000 to 100,000 entries, and bounds in milliseconds).
 */
const integration = [
  '<rootDir>/__tests__/action-comment.test.ts',
  '<rootDir>/__tests__/action-e2e.test.ts',
  '<rootDir>/__tests__/action.test.ts',
  '<rootDir>/__tests__/bad-input.test.ts',
  '<rootDir>/__tests__/cli.test.ts',
  '<rootDir>/__tests__/corpus.test.ts',
  '<rootDir>/__tests__/install-bubblewrap.test.ts',
  '<rootDir>/__tests__/package.test.ts',
  '<rootDir>/__tests__/secrets-output.test.ts',
  '<rootDir>/__tests__/clients/**/*.test.ts',
  '<rootDir>/__tests__/parse/read-file.test.ts',
  '<rootDir>/__tests__/runner/**/*.test.ts',
  '<rootDir>/__tests__/scale/**/*.test.ts',
  '<rootDir>/__tests__/security/**/*.test.ts',
  '<rootDir>/__tests__/source/roundtrip.test.ts'
]

/** `--selectProjects unit` and nothing else: the run starts no process and times nothing. */
const unitOnly =
  process.argv.includes('--selectProjects') &&
  process.argv[process.argv.indexOf('--selectProjects') + 1] === 'unit' &&
  !process.argv.includes('integration')

export default {
  collectCoverageFrom: ['src/**/*.ts'],
  // Unit tests alone take every core. Integration tests keep Jest's default (one worker on two
  // cores): they time servers starting in the sandbox, which another worker would slow down.
  ...(unitOnly ? { maxWorkers: '100%' } : {}),
  projects: [
    {
      ...base,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: integration.map((glob) =>
        glob.replace('<rootDir>/', '/').replace(/\./g, '\\.').replace('**/*', '.*')
      )
    },
    { ...base, displayName: 'integration', testMatch: integration }
  ]
}
