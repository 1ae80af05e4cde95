import { defineRule } from './rule.js'

export default defineRule({
  id: 'config-unreadable',
  phase: 'file',
  severity: 'error',
  docs: {
    description: 'Require every config file to be a readable UTF-8 text file inside the repository',
    rationale:
      'mcp-lint reads only regular files inside the repository, up to a size cap (1 MiB by default, `maxFileBytes`). ' +
      'A symlink that leaves the repository could make a linter print a file it should never read ' +
      '(`/proc/self/environ`, a runner secret), and a FIFO or device could hang it. ' +
      'A file that is binary, UTF-16 or not valid UTF-8 is not what MCP clients read either. ' +
      'Each such file is reported and skipped, and the other files are still checked.',
    examples: {
      invalid: [{ path: '.mcp.json', text: '\u0000\u0001binary' }],
      valid: [{ path: '.mcp.json', text: '{ "mcpServers": {} }\n' }]
    }
  },
  messages: {
    unreadable: (d: { detail: string }) => `the file ${d.detail}`
  },
  check({ file, report }) {
    if (file.readProblem !== undefined)
      report('unreadable', file.readProblem.location, { detail: file.readProblem.detail })
  }
})
