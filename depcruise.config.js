/**
 * The structure check (`npm run structure`, run by CI): no import cycle in src/, type imports
 * included, and nothing but the Action importing @actions/* or the runner the MCP SDK.
 */
export default {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment:
        'Data flows one way: a cycle means two modules are one, or a type lives in the wrong one.',
      from: { path: '^src/' },
      to: { circular: true }
    },
    {
      name: 'actions-only-in-the-action',
      severity: 'error',
      comment: 'Only the Action knows about GitHub.',
      from: { path: '^src/', pathNot: '^src/action/' },
      to: { path: 'node_modules/@actions/' }
    },
    {
      name: 'sdk-only-in-the-runner',
      severity: 'error',
      comment: 'Only the runner talks MCP to servers.',
      from: { path: '^src/', pathNot: '^src/runner/' },
      to: { path: 'node_modules/@modelcontextprotocol/sdk/' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' }
  }
}
