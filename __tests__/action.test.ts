import { afterAll, describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import type { GitHubApi } from '../src/action/github-api.js'
import { INPUT_NAMES, readInputs } from '../src/action/inputs.js'
import { OUTPUT_NAMES, run, type ActionIO, type RunContext } from '../src/action/main.js'
import { makeRepo, writeFileAt } from './helpers/temp-repo.js'
import { buildBaseline, formatBaseline } from '../src/baseline/baseline.js'
import { lint } from '../src/lint.js'

const repo = makeRepo({
  '.mcp.json':
    '{\n  "mcpServers": {\n    "a": { "url": "https://x/mcp" },\n    "b": { "command": "x", "cwd": "." }\n  }\n}\n'
})
afterAll(repo.remove)

const push: RunContext = {
  eventName: 'push',
  payload: {},
  repository: 'octo/repo',
  workflow: 'CI',
  sha: 'a'.repeat(40),
  runUrl: undefined,
  workspace: process.cwd()
}

/** An ActionIO that records calls; the REST client is the caller's (none by default). */
function fakeIO(
  inputs: Record<string, string>,
  context: RunContext = push,
  api?: Partial<GitHubApi>
) {
  const calls: unknown[][] = []
  const io: ActionIO = {
    getInput: (name) => inputs[name] ?? '',
    setOutput: (name, value) => calls.push(['output', name, value]),
    annotate: (level, message, properties) => calls.push([level, message, properties]),
    info: (message) => calls.push(['info', message]),
    warning: (message) => calls.push(['warning', message]),
    setFailed: (message) => calls.push(['failed', message]),
    writeSummary: (markdown) => {
      calls.push(['summary', markdown.split('\n')[0]])
      return Promise.resolve()
    },
    writeFile: (path) => {
      calls.push(['file', path])
      return Promise.resolve()
    },
    context,
    api: () => api as GitHubApi | undefined
  }
  return { io, calls }
}

describe('Action', () => {
  it('warns that a path holds no MCP config, and fails on it with error-on-empty', async () => {
    const empty = makeRepo({ 'README.md': '# no config\n' })
    try {
      const quiet = fakeIO({ path: empty.root, enumerate: 'false' })
      await run(quiet.io)
      expect(quiet.calls.filter((call) => call[0] === 'warning' || call[0] === 'failed')).toEqual([
        [
          'warning',
          `no MCP config found in ${empty.root}: nothing was checked (error-on-empty: true makes this fail)`
        ]
      ])
      const strict = fakeIO({ path: empty.root, enumerate: 'false', 'error-on-empty': 'true' })
      await run(strict.io)
      expect(strict.calls.filter((call) => call[0] === 'warning' || call[0] === 'failed')).toEqual([
        ['warning', `no MCP config found in ${empty.root}: nothing was checked`],
        ['failed', `no MCP config found in ${empty.root} (error-on-empty: true)`]
      ])
    } finally {
      empty.remove()
    }
  })

  it('annotates findings, writes the summary, sets every output and fails on errors', async () => {
    const { io, calls } = fakeIO({ path: repo.root, enumerate: 'false' })
    await run(io)
    expect(calls).toEqual([
      [
        'error',
        'server "a": a server with "url" needs "type" ("http", "sse" or "ws"): Claude Code 2.1.332 skips it without',
        {
          title: 'mcp-lint(config-schema)',
          file: '.mcp.json',
          startLine: 3,
          endLine: 3,
          startColumn: 5,
          endColumn: 8
        }
      ],
      [
        'warning',
        expect.stringMatching(/^Claude Code ignores "cwd"/),
        {
          title: 'mcp-lint(config-unknown-field)',
          file: '.mcp.json',
          startLine: 4,
          endLine: 4,
          startColumn: 28,
          endColumn: 33
        }
      ],
      ['summary', '## mcp-lint'],
      ['output', 'errors', 1],
      ['output', 'warnings', 1],
      ['output', 'notices', 0],
      ['output', 'servers', 2],
      ['output', 'tools', 0],
      ['output', 'drift', 'false'],
      ['output', 'sarif-file', ''],
      ['output', 'json-file', ''],
      ['output', 'comment-url', ''],
      ['info', '1 error, 1 warning, 0 notices in 1 config file with 2 servers'],
      ['failed', 'mcp-lint found 1 finding at or above "error"']
    ])
  })

  it('does not fail with fail-on: never, and can skip annotations', async () => {
    const { io, calls } = fakeIO({
      path: repo.root,
      'fail-on': 'never',
      annotations: 'false',
      enumerate: 'false'
    })
    await run(io)
    expect(calls.filter((call) => call[0] === 'failed' || call[0] === 'error')).toEqual([])
  })

  it('names files relative to the workspace when path is a subdirectory', async () => {
    const { io, calls } = fakeIO({
      path: 'fixtures/platforms/cursor/ng-errors',
      enumerate: 'false'
    })
    await run(io)
    const files = calls
      .filter((call) => call[0] === 'error')
      .map((call) => (call[2] as { file: string }).file)
    expect(new Set(files)).toEqual(
      new Set(['fixtures/platforms/cursor/ng-errors/.cursor/mcp.json'])
    )
  })

  it('checks only the platforms asked for, and reads a central source kept elsewhere', async () => {
    const dir = makeRepo({
      'mcp/servers.json':
        '{ "mcpServers": { "docs": { "type": "http", "url": "https://d.example.com/mcp" } } }',
      '.mcp.json': '{ "mcpServers": {} }',
      '.cursor/mcp.json': '{ "mcpServers": { "x": { "url": 1 } } }'
    })
    try {
      const { io, calls } = fakeIO({
        path: dir.root,
        enumerate: 'false',
        platforms: 'claude',
        source: 'mcp/servers.json'
      })
      await run(io)
      const findings = calls.filter((call) => call[0] === 'error' || call[0] === 'warning')
      expect(findings.map((call) => (call[2] as { file: string }).file)).toEqual(['.mcp.json'])
      expect(String(findings[0]?.[1])).toMatch(
        /server "docs" from the central source is missing here/
      )
    } finally {
      dir.remove()
    }
  })

  it("applies the base commit's baseline, never the one the pull request brings", async () => {
    const dir = makeRepo({
      '.mcp.json':
        '{ "mcpServers": { "a": { "url": "https://x/mcp" }, "b": { "url": "https://y/mcp" } } }'
    })
    try {
      // The branch accepts both of its errors; the base accepts only the one about "a".
      const both = await lint({ root: dir.root })
      expect(both.diagnostics.map((d) => d.server)).toEqual(['a', 'b'])
      const full = JSON.parse(formatBaseline(buildBaseline(both.diagnostics))) as {
        findings: { server: string }[]
      }
      writeFileAt(dir.root, '.agents/mcp/mcp-lint-baseline.json', JSON.stringify(full))
      // Locally, the branch's baseline applies: nothing is left.
      expect((await lint({ root: dir.root })).diagnostics).toEqual([])
      const base = { ...full, findings: full.findings.filter((entry) => entry.server === 'a') }
      const pull: RunContext = {
        ...push,
        eventName: 'pull_request',
        payload: {
          pull_request: { number: 3, head: { sha: 'c'.repeat(40) }, base: { sha: 'b'.repeat(40) } }
        }
      }
      const { io, calls } = fakeIO(
        { path: dir.root, enumerate: 'false', 'github-token': 't', comment: 'false' },
        pull,
        {
          readFile: (path) =>
            Promise.resolve(path.endsWith('mcp-lint-baseline.json') ? JSON.stringify(base) : null),
          changedLines: () => Promise.resolve(new Map())
        }
      )
      await run(io)
      const errors = calls.filter((call) => call[0] === 'error').map((call) => String(call[1]))
      expect(errors).toEqual([
        expect.stringMatching(/^server "b": a server with "url" needs "type"/)
      ])
      expect(calls).toContainEqual(['failed', 'mcp-lint found 1 finding at or above "error"'])
    } finally {
      dir.remove()
    }
  })

  it('enumerates in the sandbox and compares with the base branch lockfile, not the one the PR brings', async () => {
    const dir = makeRepo(
      {
        '.mcp.json': JSON.stringify({
          mcpServers: { mutable: { command: 'node', args: ['servers/mutable.mjs'] } }
        }),
        // The PR's own lockfile would approve anything; the base branch pins nothing for "mutable".
        '.agents/mcp/mcp-lock.json': JSON.stringify({ lockfileVersion: 1, servers: {} })
      },
      { copy: { servers: 'fixtures/hostile/servers' } }
    )
    try {
      const asked: string[] = []
      const pull: RunContext = {
        ...push,
        eventName: 'pull_request',
        payload: {
          pull_request: { number: 3, head: { sha: 'c'.repeat(40) }, base: { sha: 'b'.repeat(40) } }
        }
      }
      const { io, calls } = fakeIO(
        { path: dir.root, sandbox: 'bwrap', timeout: '20', 'github-token': 't', comment: 'false' },
        pull,
        {
          readFile: (path, ref) => {
            asked.push(`${ref.slice(0, 1)}:${path}`)
            return Promise.resolve(
              path.endsWith('mcp-lock.json')
                ? JSON.stringify({
                    lockfileVersion: 1,
                    servers: { mutable: { launch: { command: 'node', args: [] }, tools: {} } }
                  })
                : null
            )
          },
          changedLines: () => Promise.resolve(new Map())
        }
      )
      await run(io)
      expect(asked).toEqual([
        'b:mcp-lint.json',
        'b:.mcp-lint.json',
        'b:.agents/mcp/mcp-lock.json',
        'b:.agents/mcp/mcp-lint-baseline.json'
      ])
      const errors = calls.filter((call) => call[0] === 'error').map((call) => call[1])
      expect(errors).toEqual([
        'server "mutable" has a new tool "lookup" that the lockfile does not pin: review it, then run "mcp-lint lock"'
      ])
      expect(calls).toContainEqual(['output', 'tools', 1])
      expect(calls).toContainEqual(['output', 'drift', 'true'])
    } finally {
      dir.remove()
    }
  }, 60_000)

  it('fails cleanly on a bad input', async () => {
    const { io, calls } = fakeIO({ path: repo.root, 'fail-on': 'sometimes' })
    await run(io)
    expect(calls).toEqual([
      [
        'failed',
        'mcp-lint input fail-on must be one of error, warning, notice, never, not "sometimes"'
      ]
    ])
  })

  it.each([
    [{ mode: 'watch' }, 'input mode must be one of check, drift, report, not "watch"'],
    [{ comment: 'yes' }, 'input comment must be one of true, false, on-failure, not "yes"'],
    [
      { platforms: 'cursor, vim' },
      'input platforms: unknown platform "vim" (did you mean "vibe"?)'
    ],
    [{ timeout: '-1' }, 'input timeout must be a positive number, not "-1"'],
    [{ mode: 'report' }, 'mode report needs json-file: the report the pull_request run uploaded']
  ])('rejects %j', async (inputs, message) => {
    const { io, calls } = fakeIO({ path: repo.root, ...inputs })
    await run(io)
    expect(calls).toEqual([['failed', `mcp-lint ${message}`]])
  })
})

describe('action.yml', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    runs: { using: string; main: string }
    inputs: Record<string, { description: string; default?: string }>
    outputs: Record<string, { description: string }>
  }

  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action/index.js' })
  })

  it('declares, with a description, every input read and every output set', () => {
    const read = new Set<string>()
    readInputs((name) => {
      read.add(name)
      return ''
    })
    expect(Object.keys(action.inputs).sort()).toEqual([...read].sort())
    expect([...read].sort()).toEqual([...INPUT_NAMES])
    expect(Object.keys(action.outputs).sort()).toEqual([...OUTPUT_NAMES])
    for (const entry of [...Object.values(action.inputs), ...Object.values(action.outputs)])
      expect(entry.description.length).toBeGreaterThan(10)
  })
})
