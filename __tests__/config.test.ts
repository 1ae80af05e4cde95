import { describe, expect, it } from '@jest/globals'
import { UsageError } from '../src/util/errors.js'
import { ignoreMatcher } from '../src/config/ignore-matcher.js'
import { parseLintConfig } from '../src/config/lint-config.js'
import { enumerationOptions, lint } from '../src/lint.js'
import { makeRepo } from './helpers/temp-repo.js'

const parse = (text: string) => parseLintConfig('mcp-lint.json', new TextEncoder().encode(text))

describe('mcp-lint.json', () => {
  it('applies defaults', () => {
    expect(parse('{}')).toEqual({
      file: 'mcp-lint.json',
      rules: {},
      paths: [],
      ignores: [],
      maxFileBytes: 1048576,
      enumeration: {},
      ruleSettings: { toolLimits: {}, slowStartMs: 5000 }
    })
  })

  it('reads tool limits and the slow-start threshold', () => {
    expect(
      parse(
        '{ "toolLimits": { "cursor": { "warning": 60, "error": null } }, "slowStartSeconds": 2.5 }'
      ).ruleSettings
    ).toEqual({ toolLimits: { cursor: { warning: 60, error: null } }, slowStartMs: 2500 })
  })

  it.each([
    [
      '{ "rules": { "config-shema": "off" } }',
      'mcp-lint.json:1:14: unknown rule "config-shema" in "rules" (did you mean "config-schema"?)'
    ],
    [
      '{ "rules": { "config-schema": "fatal" } }',
      'mcp-lint.json:1:31: "rules.config-schema" must be one of "error", "warning", "notice", "off"'
    ],
    ['{\n  "rule": {}\n}', 'mcp-lint.json:2:3: unknown key "rule" in the config'],
    [
      '{ "ignores": [{ "rule": "config-schema" }] }',
      'mcp-lint.json:1:15: "ignores[0]" is missing "reason"'
    ],
    [
      '{ "paths": [{ "path": "x.json", "platform": "copilot" }] }',
      'mcp-lint.json:1:45: "paths[0].platform" must be one of'
    ],
    [
      '{ "paths": [{ "path": "../outside/mcp.json", "platform": "cursor" }] }',
      'mcp-lint.json: "paths" entry "../outside/mcp.json" is outside the repository'
    ],
    ['{ "maxFileBytes": 0 }', 'mcp-lint.json:1:19: "maxFileBytes" must be >= 1'],
    [
      '{ "rules": { ',
      'mcp-lint.json:1:14: invalid JSON in the mcp-lint config: the file ends before the object opened at 1:12 is closed'
    ],
    ['[]', 'mcp-lint.json:1:1: the config must be an object'],
    ['{ "ignores": {} }', 'mcp-lint.json:1:14: "ignores" must be an array'],
    [
      '{ "toolLimits": { "cursr": { "error": 10 } } }',
      'mcp-lint.json:1:19: unknown platform "cursr" in "toolLimits" (did you mean "cursor"?)'
    ],
    [
      '{ "toolLimits": { "cursor": { "eror": 10 } } }',
      'mcp-lint.json:1:31: unknown key "eror" in "toolLimits.cursor"'
    ],
    ['{ "slowStartSeconds": 0 }', 'mcp-lint.json:1:23: "slowStartSeconds" must be > 0']
  ])('rejects %s with a message naming the key and position', (text, message) => {
    expect(() => parse(text)).toThrow(UsageError)
    expect(() => parse(text)).toThrow(message)
  })

  it('accepts comments (it is our own file)', () => {
    expect(
      parse('{\n  // quieter\n  "rules": { "config-unknown-field": "notice" },\n}').rules
    ).toEqual({ 'config-unknown-field': 'notice' })
  })

  it('matches ignores by rule, file glob and server', async () => {
    const finding = {
      ruleId: 'config-env-syntax',
      file: '.windsurf/mcp_config.json',
      server: 'github'
    }
    expect((await ignoreMatcher([{ reason: 'r', rule: 'config-env-syntax' }]))(finding)).toBe(true)
    expect((await ignoreMatcher([{ reason: 'r', files: ['.windsurf/**'] }]))(finding)).toBe(true)
    expect((await ignoreMatcher([{ reason: 'r', files: ['*.json'] }]))(finding)).toBe(false)
    expect((await ignoreMatcher([{ reason: 'r', server: 'other' }]))(finding)).toBe(false)
    expect((await ignoreMatcher([{ reason: 'r', rule: 'config-schema' }]))(finding)).toBe(false)
    // Every part an entry names must match; any entry may.
    const both = await ignoreMatcher([
      { reason: 'r', rule: 'config-schema', files: ['.windsurf/**'] },
      { reason: 'r', rule: 'config-env-syntax', files: ['*.json'] }
    ])
    expect(both(finding)).toBe(false)
    expect(both({ ...finding, ruleId: 'config-schema' })).toBe(true)
    expect(both({ ...finding, file: 'x.json' })).toBe(true)
  })
})

describe('lint with a config', () => {
  it('changes severities, turns rules off, ignores findings and reads extra paths', async () => {
    const repo = makeRepo({
      'mcp-lint.json': JSON.stringify({
        rules: { 'config-unknown-field': 'error', 'config-duplicate-key': 'off' },
        paths: [{ path: 'tools/cursor.json', platform: 'cursor' }],
        ignores: [
          { rule: 'config-env-syntax', files: ['.mcp.json'], reason: 'expanded by our wrapper' }
        ]
      }),
      '.mcp.json':
        '{ "mcpServers": { "a": { "command": "x", "cwd": ".", "env": { "K": "${env:K}", "K": "v" } } } }',
      'tools/cursor.json': '{ "servers": {} }'
    })
    const result = await lint({ root: repo.root })
    repo.remove()
    expect(result.diagnostics.map((d) => [d.file, d.ruleId, d.severity])).toEqual([
      ['.mcp.json', 'config-unknown-field', 'error'],
      ['tools/cursor.json', 'config-schema', 'error']
    ])
    expect(result.ignored).toBe(1)
  })

  it('counts ignored findings', async () => {
    const repo = makeRepo({
      '.mcp-lint.json': JSON.stringify({
        ignores: [{ rule: 'config-env-syntax', reason: 'wrapper expands it' }]
      }),
      '.mcp.json': '{ "mcpServers": { "a": { "command": "x", "env": { "K": "${env:K}" } } } }'
    })
    const result = await lint({ root: repo.root })
    repo.remove()
    expect([result.diagnostics, result.ignored]).toEqual([[], 1])
  })

  it('lets a configured platform replace the default reading of a known path', async () => {
    const repo = makeRepo({
      'mcp-lint.json': JSON.stringify({
        paths: [{ path: 'mcp_config.json', platform: 'windsurf' }]
      }),
      'mcp_config.json': '{ "mcpServers": { "a": { "command": "x" } } }'
    })
    const result = await lint({ root: repo.root })
    repo.remove()
    expect(result.files).toEqual([
      { path: 'mcp_config.json', platform: 'windsurf', servers: ['a'] }
    ])
  })

  it('fails with a usage error for an explicit config that does not exist', async () => {
    const repo = makeRepo()
    await expect(lint({ root: repo.root, configFile: 'nope.json' })).rejects.toThrow(
      'cannot read config file nope.json: ENOENT'
    )
    repo.remove()
  })
})

describe('enumeration timeouts', () => {
  const options = (config: string, timeoutSeconds?: number) =>
    enumerationOptions(parse(config), timeoutSeconds === undefined ? {} : { timeoutSeconds })

  it('keeps the step limits by default, and under a shorter whole-server time', () => {
    expect(options('{}').limits).toMatchObject({
      totalMs: 45_000,
      initializeMs: 30_000,
      listMs: 15_000
    })
    expect(options('{}', 10).limits).toMatchObject({
      totalMs: 10_000,
      initializeMs: 30_000,
      listMs: 15_000
    })
  })

  it('lifts the step limits with a longer whole-server time, unless they are set beside it', () => {
    expect(options('{}', 90).limits).toMatchObject({
      totalMs: 90_000,
      initializeMs: 90_000,
      listMs: 90_000
    })
    expect(
      options('{ "enumeration": { "initializeTimeoutSeconds": 20 } }', 90).limits
    ).toMatchObject({ totalMs: 90_000, initializeMs: 20_000, listMs: 90_000 })
  })

  it("gives a server's own settings precedence over the command line", () => {
    const result = options(
      '{ "enumeration": { "servers": { "kubernetes": { "timeoutSeconds": 120 }, "fast": { "timeoutSeconds": 5 } } } }',
      60
    )
    expect(result.limits.totalMs).toBe(60_000)
    expect(result.serverLimits?.kubernetes).toMatchObject({
      totalMs: 120_000,
      initializeMs: 120_000,
      listMs: 120_000
    })
    expect(result.serverLimits?.fast).toMatchObject({ totalMs: 5_000, initializeMs: 60_000 })
  })
})
