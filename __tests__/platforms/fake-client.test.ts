import { describe, expect, it } from '@jest/globals'
import { lintFiles } from '../../src/lint-text.js'
import type { Platform, PlatformId } from '../../src/platforms/platform.js'
import {
  fileSchema,
  serverSchema,
  string,
  stringArray,
  stringMap
} from '../../src/platforms/schema-parts.js'
import { changed, eachTool } from '../../src/platforms/tool-naming.js'
import { listedExample as listed } from '../../src/rules/examples.js'
import { rules } from '../../src/rules/index.js'
import { compileTestSchemas } from '../helpers/schema-compiler.js'

// Acme has no generated validator: mcp-lint's own clients all do.
compileTestSchemas()

/**
 * A client mcp-lint has never heard of, declared as one object the way a client module declares
 * one: every rule that judges clients (schema, secrets, naming, collisions, limits) must work on
 * it from these declarations alone, so nothing outside a client's module may branch on its id.
 */
const acme: Platform = {
  role: 'client',
  // Not a real client: the id type lists the real ones.
  id: 'acme' as PlatformId,
  displayName: 'Acme Agent',
  checked: 'this test',
  paths: ['.acme/agent.json'],
  format: 'json',
  jsonc: { comments: 'allowed', trailingCommas: 'allowed' },
  serversKeys: ['tools_servers'],
  dedicated: true,
  schema: fileSchema({
    id: 'acme',
    title: 'Acme Agent',
    serversKey: 'tools_servers',
    server: serverSchema({ command: string, args: stringArray, env: stringMap }, []),
    required: true
  }),
  unknownFields: 'confirmed',
  ignoredFields: {},
  interpolation: {
    certainty: 'confirmed',
    syntaxes: ['brace'],
    prefixes: [],
    variables: [],
    fields: 'all',
    preferred: 'brace'
  },
  launch: {
    variables: {},
    prompted: [],
    tilde: false,
    cwd: 'workspace',
    certainty: { variables: 'confirmed', cwd: 'confirmed' },
    source: 'this test',
    verified: 'acme 1.0.0'
  },
  translation: {
    transports: ['stdio'],
    urlKey: 'url',
    urlKeys: {},
    typeValues: {},
    readTypes: {},
    cwd: false,
    headers: false,
    references: 'brace',
    description: false
  },
  tools: {
    naming: {
      // `<server>.<tool>`, cut at 16 characters.
      expose: eachTool((server, tool) => {
        const full = `${server}.${tool}`
        return changed(server, tool, full.slice(0, 16), full.length > 16 && 'truncated')
      }),
      certainty: 'confirmed',
      clash: 'Acme Agent 1.0.0 keeps the first one'
    },
    limits: {
      error: { value: 4, source: 'this test', checked: '2026-12-03' },
      certainty: 'confirmed',
      consequence: 'Acme Agent 1.0.0 refuses to start'
    }
  },
  aliases: ['acme'],
  reference: 'https://example.com/acme'
}

const PATH = '.acme/agent.json'
const text = `{
  "tools_servers": {
    "alpha": { "command": "npx", "args": ["-y", "alpha-mcp@1.0.0"], "env": { "GITHUB_TOKEN": "ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789" } },
    "beta": { "command": "npx", "args": ["-y", "beta-mcp@1.0.0"], "envFile": ".env" },
    "gamma": { "command": 7 }
  }
}
`

describe('a client declared in one object', () => {
  const diagnostics = lintFiles([{ path: PATH, text, platform: acme }], rules, {
    enumeration: [
      listed(PATH, 'alpha', ['search_issues_now', 'search_issues_later']),
      listed(PATH, 'beta', ['list_issues', 'get_issue', 'close_issue'])
    ]
  })
  const found = diagnostics.map((d) => `${d.ruleId} ${d.severity} ${d.server ?? ''}: ${d.message}`)

  it('is checked by every rule that judges clients, from its declarations', () => {
    expect(found).toEqual([
      'tools-limit error : Acme Agent loads 5 tools from this file, over its limit of 4: "beta" 3, "alpha" 2. Acme Agent 1.0.0 refuses to start; drop or disable servers this project does not need (1 more server is not counted: its tools are unknown)',
      'tool-name-collision error alpha: Acme Agent exposes tool "search_issues_later" of server "alpha" and tool "search_issues_now" of server "alpha" under one name, "alpha.search_iss": Acme Agent 1.0.0 keeps the first one',
      'tool-name-invalid warning alpha: Acme Agent cuts 2 tool names of server "alpha": "search_issues_now" becomes "alpha.search_iss", "search_issues_later" becomes "alpha.search_iss"; a shorter server name keeps them whole',
      'server-secret error alpha: a GitHub personal access token in env.GITHUB_TOKEN of server "alpha": ghp_… (40 chars); write "${GITHUB_TOKEN}" in its place and set GITHUB_TOKEN in the environment, and rotate it: it stays in the git history',
      'config-unknown-field warning beta: Acme Agent does not read "envFile"; it is ignored',
      'server-tools-unknown notice gamma: the tool checks skip server "gamma": it was not enumerated, and the lockfile has no entry for it; run "mcp-lint lock" where it can start to pin its tools',
      'config-schema error gamma: "command" of server "gamma" must be a string, not an integer'
    ])
  })

  it('every finding names its platform by the declared id', () => {
    expect(new Set(diagnostics.map((d) => d.platform))).toEqual(new Set(['acme']))
  })
})
