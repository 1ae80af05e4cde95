import { afterAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { run, type ActionIO } from '../src/action/main.js'
import { makeRepo } from './helpers/temp-repo.js'

const repo = makeRepo({
  '.mcp.json':
    '{\n  "mcpServers": {\n    "a": { "url": "https://x/mcp" },\n    "b": { "command": "x", "cwd": "." }\n  }\n}\n'
})
afterAll(repo.remove)

function fakeIO(inputs: Record<string, string>) {
  const calls: unknown[][] = []
  const io: ActionIO = {
    getInput: (name) => inputs[name] ?? '',
    setOutput: (name, value) => calls.push(['output', name, value]),
    annotate: (level, message, properties) => calls.push([level, message, properties]),
    info: (message) => calls.push(['info', message]),
    warning: (message) => calls.push(['warning', message]),
    setFailed: (message) => calls.push(['failed', message]),
    baseLockfile: () => Promise.resolve(undefined)
  }
  return { io, calls }
}

describe('Action', () => {
  it('annotates findings, sets outputs and fails on errors', async () => {
    const { io, calls } = fakeIO({ path: repo.root, enumerate: 'false' })
    await run(io)
    expect(calls).toEqual([
      [
        'error',
        'server "a": a server with "url" needs "type" ("http" or "sse"): Claude Code 2.1.202+ rejects it without',
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
      ['info', '1 error, 1 warning, 0 notices in 1 config file with 2 servers'],
      ['output', 'errors', 1],
      ['output', 'warnings', 1],
      ['output', 'notices', 0],
      ['output', 'servers', 2],
      ['failed', 'mcp-lint found 1 finding(s) at or above "error"']
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
    const saved = process.env.GITHUB_WORKSPACE
    process.env.GITHUB_WORKSPACE = process.cwd()
    try {
      await run(io)
    } finally {
      if (saved === undefined) delete process.env.GITHUB_WORKSPACE
      else process.env.GITHUB_WORKSPACE = saved
    }
    const files = calls
      .filter((call) => call[0] === 'error')
      .map((call) => (call[2] as { file: string }).file)
    expect(new Set(files)).toEqual(
      new Set(['fixtures/platforms/cursor/ng-errors/.cursor/mcp.json'])
    )
  })

  it('enumerates in the sandbox and compares with the base branch lockfile, not the one the PR brings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-lint-action-enum-'))
    try {
      cpSync('fixtures/hostile/servers', join(dir, 'servers'), { recursive: true })
      writeFileSync(
        join(dir, '.mcp.json'),
        JSON.stringify({
          mcpServers: { mutable: { command: 'node', args: ['servers/mutable.mjs'] } }
        })
      )
      // The PR's own lockfile would approve anything; the base branch pins nothing for "mutable".
      mkdirSync(join(dir, '.agents/mcp'), { recursive: true })
      writeFileSync(
        join(dir, '.agents/mcp/mcp-lock.json'),
        JSON.stringify({ lockfileVersion: 1, servers: {} })
      )
      const asked: string[] = []
      const { io, calls } = fakeIO({ path: dir, sandbox: 'bwrap', timeout: '20' })
      const withBase: ActionIO = {
        ...io,
        baseLockfile: (path) => {
          asked.push(path)
          return Promise.resolve(
            JSON.stringify({
              lockfileVersion: 1,
              servers: { mutable: { launch: { command: 'node', args: [] }, tools: {} } }
            })
          )
        }
      }
      await run(withBase)
      expect(asked).toHaveLength(1)
      const errors = calls.filter((call) => call[0] === 'error').map((call) => call[1])
      expect(errors).toEqual([
        'server "mutable" has a new tool "lookup" that the lockfile does not pin: review it, then run "mcp-lint lock"'
      ])
      expect(
        calls.some(
          (call) => call[0] === 'info' && String(call[1]).startsWith('mcp-lint: mutable: 1 tool(s)')
        )
      ).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  it('fails cleanly on a bad input', async () => {
    const { io, calls } = fakeIO({ path: repo.root, 'fail-on': 'sometimes' })
    await run(io)
    expect(calls).toEqual([
      ['failed', 'mcp-lint input fail-on must be one of error, warning, notice, never']
    ])
  })

  it('runs from dist/ as the runner does, writing workflow commands and outputs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcp-lint-action-'))
    try {
      const output = join(dir, 'output.txt')
      writeFileSync(output, '')
      // A copy outside the project: the bundle must not need node_modules.
      cpSync('dist/action', join(dir, 'action'), { recursive: true })
      const result = spawnSync(process.execPath, [join(dir, 'action/index.js')], {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH ?? '',
          INPUT_PATH: repo.root,
          INPUT_ENUMERATE: 'false',
          'INPUT_FAIL-ON': 'warning',
          GITHUB_OUTPUT: output
        }
      })
      expect(result.status).toBe(1)
      expect(result.stdout).toContain(
        '::error title=mcp-lint(config-schema),file=.mcp.json,line=3,endLine=3,col=5,endColumn=8::server "a"'
      )
      expect(result.stdout).toContain('::error::mcp-lint found 2 finding(s) at or above "warning"')
      expect(readFileSync(output, 'utf8')).toMatch(/^errors<<ghadelimiter_[\w-]+\n1\n/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('action.yml', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    runs: { using: string; main: string }
    inputs: Record<string, { description: string; default?: string }>
    outputs: Record<string, { description: string }>
  }
  const source = readFileSync('src/action/main.ts', 'utf8')

  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action/index.js' })
  })

  it('declares, with a description, every input read and every output set', () => {
    const read = [...source.matchAll(/getInput\('([\w-]+)'\)/g)].map((match) => match[1])
    const set = [...source.matchAll(/setOutput\('([\w-]+)'/g)].map((match) => match[1])
    expect(Object.keys(action.inputs).sort()).toEqual([...new Set(read)].sort())
    expect(Object.keys(action.outputs).sort()).toEqual([...new Set(set)].sort())
    for (const entry of [...Object.values(action.inputs), ...Object.values(action.outputs)]) {
      expect(entry.description.length).toBeGreaterThan(10)
    }
  })
})
