import { describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { main, processIO, type CliIO } from '../src/cli/main.js'
import { VERSION } from '../src/version.js'
import { runCliInMemory } from './helpers/cli-run.js'
import { tempRepos } from './helpers/temp-repo.js'

const tempRepo = tempRepos()
const clean = tempRepo({
  '.mcp.json': '{ "mcpServers": { "a": { "command": "npx", "args": ["-y", "pkg@1.0.0"] } } }\n'
})
const broken = tempRepo({
  '.mcp.json': '{\n  "mcpServers": {\n    "a": { "url": "https://x/mcp" }\n  }\n}\n',
  '.cursor/mcp.json': '{ "mcpServers": { "b": { "command": "x", "arg": [] } } }\n'
})
const onlyWarnings = tempRepo({
  '.vscode/mcp.json': '{ "servers": { "a": { "command": "x", "disabled": true } } }'
})

describe('mcp-lint CLI', () => {
  it('exits 0 on a clean repository and prints a summary', async () => {
    const result = await runCliInMemory(['check', clean])
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toBe('0 errors, 0 warnings, 0 notices in 1 config file with 1 server\n')
  })

  it('accepts the directory without the check command', async () => {
    expect((await runCliInMemory([clean])).code).toBe(0)
  })

  it('prints sorted findings and exits 1 on errors', async () => {
    const result = await runCliInMemory([broken])
    expect(result.code).toBe(1)
    expect(result.stdout.split('\n')).toEqual([
      '.cursor/mcp.json:1:42: notice Cursor does not read "arg"; it is ignored (did you mean "args"?) [config-unknown-field]',
      '.mcp.json:3:5: error server "a": a server with "url" needs "type" ("http", "sse" or "ws"): Claude Code 2.1.332 skips it without [config-schema]',
      '1 error, 0 warnings, 1 notice in 2 config files with 2 servers',
      ''
    ])
  })

  it.each([
    ['error', 0],
    ['warning', 1],
    ['notice', 1],
    ['never', 0]
  ])('--fail-on %s with only a warning exits %i', async (level, code) => {
    expect((await runCliInMemory([onlyWarnings, '--fail-on', level])).code).toBe(code)
  })

  it('writes the versioned JSON report', async () => {
    const result = await runCliInMemory([broken, '--format', 'json'])
    const report = JSON.parse(result.stdout) as Record<string, unknown>
    expect(report).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'mcp-lint', version: VERSION },
      files: [
        { path: '.cursor/mcp.json', platform: 'cursor', servers: ['b'] },
        { path: '.mcp.json', platform: 'claude-code', servers: ['a'] }
      ],
      summary: { errors: 1, warnings: 0, notices: 1 }
    })
    expect(report.diagnostics).toContainEqual({
      ruleId: 'config-schema',
      messageId: 'hint',
      severity: 'error',
      message: expect.stringContaining('needs "type"') as unknown,
      file: '.mcp.json',
      line: 3,
      column: 5,
      endLine: 3,
      endColumn: 8,
      platform: 'claude-code',
      server: 'a'
    })
    expect(report.servers).toContainEqual({
      name: 'a',
      file: '.mcp.json',
      platform: 'claude-code',
      transport: 'http',
      status: 'skipped',
      reason: 'enumeration-off'
    })
  })

  it('writes SARIF to --output and says where', async () => {
    const result = await runCliInMemory([broken, '-f', 'sarif', '-o', 'out.sarif'])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe(
      '1 error, 0 warnings, 1 notice in 2 config files with 2 servers; report written to out.sarif\n'
    )
    const sarif = JSON.parse(result.written.get('out.sarif') ?? '{}') as {
      version: string
      runs: { results: unknown[] }[]
    }
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0]?.results).toHaveLength(2)
  })

  it.each([
    [['--format', 'xml', '.'], '--format must be one of text, json, sarif, not "xml"'],
    [['--bogus'], 'unknown option --bogus; see mcp-lint --help'],
    [['--fromat', 'json'], 'unknown option --fromat (did you mean --format?)'],
    [['chek'], 'unknown command "chek" (did you mean "check"?)'],
    [['a', 'b'], 'a: no such file or directory'],
    [['/no/such/dir'], '/no/such/dir: no such file or directory'],
    [['sync', 'a', 'b'], '"sync" takes one directory, got 2'],
    [['rules', 'extra'], '"rules" takes no arguments'],
    [['rules', '--format', 'sarif'], '--format must be one of text, json, not "sarif"'],
    [['sync', '--enumerate'], '--enumerate does not apply to "sync"; it is an option of "check"'],
    [['--max-warnings=-1', '.'], '--max-warnings must be a whole number, 0 or more, not "-1"'],
    [
      ['--platforms', 'cursr', '.'],
      '--platforms: unknown platform "cursr" (did you mean "cursor"?)'
    ],
    [['help', 'bogus'], 'no help for "bogus": the commands are check, sync, lock, rules, init']
  ])('exits 2 on bad usage %j', async (argv, message) => {
    const result = await runCliInMemory(argv)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(message)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('exits 2 naming the key of a bad config', async () => {
    const root = tempRepo({ 'mcp-lint.json': '{\n  "rules": { "config-shema": "off" }\n}' })
    const result = await runCliInMemory([root])
    expect(result).toMatchObject({
      code: 2,
      stderr:
        'mcp-lint: mcp-lint.json:2:14: unknown rule "config-shema" in "rules" (did you mean "config-schema"?)\n'
    })
  })

  it('exits 2 on sandbox options without --enumerate, rather than ignoring them', async () => {
    const root = tempRepo({ '.mcp.json': '{ "mcpServers": {} }' })
    for (const option of [
      ['--remote'],
      ['--timeout', '5'],
      ['--sandbox', 'none'],
      ['--no-cache']
    ]) {
      const result = await runCliInMemory([root, ...option])
      expect(result).toMatchObject({
        code: 2,
        stderr: `mcp-lint: ${option[0] ?? ''} needs --enumerate\n`
      })
    }
  })

  it('exits 3, never 0, on an internal error', async () => {
    let stderr = ''
    const failing: CliIO = {
      stdout: () => {
        throw new Error('stdout closed')
      },
      stderr: (text) => {
        stderr += text
      },
      writeFile: () => Promise.resolve(),
      reportTargetProblem: () => Promise.resolve(undefined)
    }
    expect(await main([clean], failing)).toBe(3)
    expect(stderr).toBe(
      'mcp-lint: internal error: stdout closed\nThis is a bug in mcp-lint; please report it.\n'
    )
  })

  it('exits 2 when the report cannot be written', async () => {
    const io: CliIO = {
      stdout: () => undefined,
      stderr: () => undefined,
      writeFile: () =>
        Promise.reject(Object.assign(new Error('no such directory'), { code: 'ENOENT' })),
      reportTargetProblem: () => Promise.resolve(undefined)
    }
    expect(await main([clean, '-o', '/missing/dir/report.txt'], io)).toBe(2)
  })

  describe('--output refuses a target it cannot write, at once and before linting', () => {
    const dir = tempRepo()
    it.each([
      ['/proc/x/y.json', 'the directory /proc/x does not exist (mcp-lint creates none)'],
      [
        join(dir, 'a/b/r.json'),
        `the directory ${join(dir, 'a/b')} does not exist (mcp-lint creates none)`
      ],
      [dir, 'it is a directory'],
      ['/proc/y.json', 'it cannot be created there (ENOENT)']
    ])('%s', async (target, reason) => {
      let stderr = ''
      const io: CliIO = {
        stdout: () => undefined,
        stderr: (text) => {
          stderr += text
        },
        writeFile: () => Promise.reject(new Error('never written')),
        reportTargetProblem: processIO.reportTargetProblem
      }
      const started = performance.now()
      // A directory that does not exist: linting first would have said so instead.
      expect(await main(['/no/such/dir', '-o', target], io)).toBe(2)
      expect(performance.now() - started).toBeLessThan(2000)
      expect(stderr).toBe(
        `mcp-lint: cannot write the report to ${target}: ${reason}; nothing was checked\n`
      )
      expect(existsSync(join(dir, 'a'))).toBe(false)
    })

    it('leaves no file behind from the check', async () => {
      const target = join(dir, 'report.json')
      const io: CliIO = { ...processIO, stdout: () => undefined, stderr: () => undefined }
      expect(await main(['/no/such/dir', '-o', target], io)).toBe(2)
      expect(existsSync(target)).toBe(false)
    })
  })

  it('prints the rules, the version and the help', async () => {
    expect((await runCliInMemory(['rules'])).stdout).toContain('config-env-syntax')
    expect((await runCliInMemory(['--version'])).stdout).toBe(`${VERSION}\n`)
    expect((await runCliInMemory(['--help'])).stdout).toContain('Exit codes: 0')
  })
})

describe('the committed bundle', () => {
  it('runs with plain node, outside the project and without node_modules', () => {
    const dir = tempRepo({}, { copy: { cli: 'dist/cli', repo: broken } })
    const run = spawnSync(
      process.execPath,
      [join(dir, 'cli/index.js'), 'check', join(dir, 'repo'), '--format', 'json'],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' }
      }
    )
    expect(run.status).toBe(1)
    expect((JSON.parse(run.stdout) as { summary: unknown }).summary).toEqual({
      errors: 1,
      warnings: 0,
      notices: 1
    })
  })

  it('has the version of package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(VERSION).toBe(pkg.version)
    expect(
      execFileSync(process.execPath, ['dist/cli/index.js', '--version'], { encoding: 'utf8' })
    ).toBe(`${pkg.version}\n`)
  })

  it('exits 2 when DIR is a file outside the current directory', () => {
    const dir = tempRepo({ x: '' })
    const run = spawnSync(process.execPath, ['dist/cli/index.js', 'check', join(dir, 'x')], {
      encoding: 'utf8'
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toBe(
      `mcp-lint: ${join(dir, 'x')} is a file outside the current directory: give a directory to check, or files of the repository in the current directory\n`
    )
  })
})
