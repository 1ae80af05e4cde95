import { describe, expect, it } from '@jest/globals'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { commandHelp, globalHelp } from '../src/cli/help.js'
import { colorWanted } from '../src/cli/io.js'
import { userCacheDir } from '../src/cli/lint-options.js'
import { COMMANDS, OPTIONS } from '../src/cli/options.js'
import { createProgress } from '../src/cli/progress.js'
import { rules } from '../src/rules/index.js'
import { VERSION } from '../src/version.js'
import { runCli } from './helpers/cli-run.js'
import { fakeToken } from './helpers/fake-tokens.js'
import { tempRepos } from './helpers/temp-repo.js'

const ESC = '\u001b'

const repo = tempRepos()
const mixed = repo({
  // One error (a url without a type), one warning (an unpinned package), one notice (a typo).
  '.mcp.json':
    '{ "mcpServers": { "a": { "url": "https://x/mcp" }, "b": { "command": "npx", "args": ["pkg"] } } }\n',
  '.cursor/mcp.json': '{ "mcpServers": { "c": { "command": "x", "arg": [] } } }\n'
})

describe('help', () => {
  it.each(COMMANDS)('"%s --help" shows that command and only its options', async (command) => {
    const result = await runCli([command, '--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(commandHelp(command))
    expect(result.stdout).toMatch(new RegExp(`^Usage: mcp-lint \\[?${command}`))
    for (const [name, spec] of Object.entries(OPTIONS)) {
      const listed = new RegExp(`^  (-[a-z], |    )--${name}( |$)`, 'm').test(result.stdout)
      expect([name, listed]).toEqual([name, (spec.commands as readonly string[]).includes(command)])
    }
    expect(await runCli(['help', command])).toEqual(result)
  })

  it('"--help" and "help" list every command and every option', async () => {
    const result = await runCli(['--help'])
    expect(result).toEqual(await runCli(['help']))
    expect(result.stdout).toBe(globalHelp())
    for (const command of COMMANDS) expect(result.stdout).toContain(`\n  ${command}  `)
    for (const name of Object.keys(OPTIONS)) expect(result.stdout).toContain(`--${name}`)
    expect(result.stdout.split('\n').every((line) => line.length <= 100)).toBe(true)
  })

  it('suggests the command or option meant', async () => {
    expect(await runCli(['snyc'])).toMatchObject({
      code: 2,
      stderr: 'mcp-lint: unknown command "snyc" (did you mean "sync"?); see mcp-lint --help\n'
    })
    expect(await runCli(['check', '--quite'])).toMatchObject({
      code: 2,
      stderr: 'mcp-lint: unknown option --quite (did you mean --quiet?); see mcp-lint --help\n'
    })
    expect((await runCli(['lock', '--fix'])).stderr).toBe(
      'mcp-lint: --fix does not apply to "lock"; it is an option of "check" (see mcp-lint lock --help)\n'
    )
  })

  it('prints the version of package.json', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    expect(await runCli(['-v'])).toMatchObject({ code: 0, stdout: `${pkg.version}\n` })
    expect(VERSION).toBe(pkg.version)
  })
})

describe('rules', () => {
  it('lists every rule as JSON with --format json', async () => {
    const result = await runCli(['rules', '--format', 'json'])
    const listed = JSON.parse(result.stdout) as {
      id: string
      severity: string
      description: string
      url: string
    }[]
    expect(listed.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id))
    expect(listed[0]).toEqual({
      id: rules[0]?.id,
      severity: rules[0]?.severity,
      description: rules[0]?.docs.description,
      url: `https://github.com/mcp-lint/mcp-lint/blob/main/docs/rules/${rules[0]?.id ?? ''}.md`
    })
  })
})

describe('what check reports and how it exits', () => {
  it('--quiet reports errors only, and the exit code still counts the rest', async () => {
    const all = await runCli([mixed])
    expect(all.stdout).toMatch(/ warning .* notice /s)
    const quiet = await runCli([mixed, '--quiet'])
    expect(quiet.stdout.split('\n').filter((line) => / (warning|notice) /.test(line))).toEqual([])
    expect(quiet.stdout).toContain('1 error, 0 warnings, 0 notices in 2 config files')
    expect(quiet.code).toBe(1)
    const onlyWarning = repo({
      '.mcp.json': '{ "mcpServers": { "b": { "command": "npx", "args": ["pkg"] } } }'
    })
    expect(await runCli([onlyWarning, '-q'])).toMatchObject({
      code: 0,
      stdout: '0 errors, 0 warnings, 0 notices in 1 config file with 1 server\n'
    })
    expect((await runCli([onlyWarning, '-q', '--fail-on', 'warning'])).code).toBe(1)
    expect((await runCli([onlyWarning, '-q', '--max-warnings', '0'])).code).toBe(1)
  })

  it('--max-warnings N fails on more than N warnings', async () => {
    const args = [mixed, '--fail-on', 'never']
    expect((await runCli([...args, '--max-warnings', '1'])).code).toBe(0)
    expect(await runCli([...args, '--max-warnings', '0'])).toMatchObject({
      code: 1,
      stderr: '1 warning, more than --max-warnings 0\n'
    })
  })

  it('says plainly that a directory holds no MCP config, and fails on it with --error-on-empty', async () => {
    const empty = repo({ 'README.md': '# nothing here\n' })
    const result = await runCli([empty])
    expect(result.code).toBe(0)
    expect(result.stderr).toBe(
      `warning: no MCP config found in ${empty}: nothing was checked (--error-on-empty makes this fail)\n`
    )
    expect(await runCli([empty, '--error-on-empty'])).toMatchObject({
      code: 1,
      stderr: `warning: no MCP config found in ${empty}: nothing was checked\n`
    })
  })

  it('--platforms checks only those platforms, --source reads the central source elsewhere', async () => {
    const result = await runCli([mixed, '--platforms', 'cursor', '-f', 'json'])
    const report = JSON.parse(result.stdout) as { files: { path: string }[] }
    expect(report.files.map((file) => file.path)).toEqual(['.cursor/mcp.json'])
    const sourced = repo({
      'config/servers.json': '{ "servers": { "a": { "command": "x", "args": ["1"] } } }',
      '.mcp.json': '{ "mcpServers": { "a": { "command": "x", "args": ["2"] } } }'
    })
    const drift = await runCli([sourced, '--source', 'config/servers.json'])
    expect(drift.stdout).toContain('[source-drift]')
    expect((await runCli([sourced])).stdout).not.toContain('[source-drift]')
  })
})

describe('colour', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ TERM: 'dumb' }, true, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false]
  ])('env %j on a terminal: %s → %s', (env, terminal, wanted) => {
    expect(colorWanted(env, terminal)).toBe(wanted)
  })

  it('paints the severity, position and rule id, and nothing of the repository text', async () => {
    const painted = await runCli([mixed], { color: true })
    const plain = await runCli([mixed])
    expect(painted.stdout).toContain(`${ESC}[31merror${ESC}[39m`)
    expect(painted.stdout).toContain(`${ESC}[33mwarning${ESC}[39m`)
    expect(painted.stdout.replace(new RegExp(`${ESC}\\[\\d+m`, 'g'), '')).toBe(plain.stdout)
    expect(plain.stdout).not.toContain(ESC)
  })

  it('never paints a report written to a file', async () => {
    const out = join(mixed, 'report.txt')
    await runCli([mixed, '-o', out], { color: true })
    expect(readFileSync(out, 'utf8')).not.toContain(ESC)
  })
})

describe('progress', () => {
  it('writes plain lines when standard error is not a terminal', () => {
    let stderr = ''
    const progress = createProgress({ ...io((text) => (stderr += text)) })
    progress.update('fetching pkg@1.0.0 for a')
    progress.update('starting a')
    progress.done()
    expect(stderr).toBe('mcp-lint: fetching pkg@1.0.0 for a\nmcp-lint: starting a\n')
  })

  it('rewrites one status line on a terminal, as wide as it, and clears it at the end', () => {
    let stderr = ''
    const progress = createProgress({
      ...io((text) => (stderr += text)),
      stderrIsTerminal: true,
      columns: 40
    })
    progress.update('fetching pkg@1.0.0 for a')
    // Cut by code points: an emoji is never split in half.
    progress.update(`starting ${'😀'.repeat(60)}`)
    progress.done()
    const frames = stderr.split('\r\u001b[2K')
    expect(frames).toEqual([
      '',
      'mcp-lint: fetching pkg@1.0.0 for a',
      expect.stringMatching(/^mcp-lint: starting (😀)+…$/u),
      ''
    ])
    expect(Array.from(frames[2] ?? '')).toHaveLength(39)
  })
})

describe('cache directory', () => {
  it.each([
    [{ MCP_LINT_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x', HOME: '/h' }, '/c'],
    [{ XDG_CACHE_HOME: '/x', HOME: '/h' }, '/x/mcp-lint/npm'],
    [{ XDG_CACHE_HOME: 'relative', HOME: '/h' }, '/h/.cache/mcp-lint/npm'],
    [{ HOME: '/h' }, '/h/.cache/mcp-lint/npm'],
    [{}, undefined]
  ])('%j → %s', (env, dir) => {
    expect(userCacheDir(env)).toBe(dir)
  })
})

describe('files instead of a directory (pre-commit, lint-staged)', () => {
  it('lints the repository in the current directory and reports only the files given', async () => {
    const cwd = process.cwd()
    process.chdir(mixed)
    try {
      const only = await runCli(['check', '.cursor/mcp.json'])
      expect(only.stdout.split('\n')[0]).toMatch(/^\.cursor\/mcp\.json:1:\d+: notice /)
      expect(only.stdout).not.toContain('.mcp.json:')
      expect(only.stdout).toContain('0 errors, 0 warnings, 1 notice in 1 config file with 1 server')
      expect(only.code).toBe(0)
      const absolute = await runCli([join(mixed, '.mcp.json')])
      expect(absolute.code).toBe(1)
      writeFileSync('notes.txt', 'hello\n')
      expect((await runCli(['.cursor/mcp.json', 'notes.txt'])).stderr).toBe(
        'note: notes.txt is not an MCP config mcp-lint reads here\n'
      )
      // A path through a symlink to the current directory (a shell's $PWD) is inside it.
      symlinkSync(mixed, join(dirname(mixed), `${basename(mixed)}-link`))
      const linked = join(dirname(mixed), `${basename(mixed)}-link`, '.cursor/mcp.json')
      expect((await runCli([linked])).code).toBe(0)
      rmSync(join(dirname(mixed), `${basename(mixed)}-link`))
      expect((await runCli(['.mcp.json', '/etc/hostname'])).stderr).toBe(
        'mcp-lint: /etc/hostname is a file outside the current directory: give a directory to check, or files of the repository in the current directory\n'
      )
    } finally {
      process.chdir(cwd)
    }
  })
})

describe('init', () => {
  it('writes the workflow and a starter config, and keeps files that exist', async () => {
    const root = repo({ '.mcp.json': '{ "mcpServers": {} }' })
    const first = await runCli(['init', root])
    expect(first).toMatchObject({ code: 0, stderr: '' })
    expect(first.stdout).toBe(
      [
        'created .github/workflows/mcp-lint.yml: the check on pull requests, and a weekly drift check',
        'created mcp-lint.json: rules, ignores and limits go here (its $schema documents each key)',
        'next: commit these files; "mcp-lint check" runs the same checks here',
        ''
      ].join('\n')
    )
    const workflow = parseYaml(
      readFileSync(join(root, '.github/workflows/mcp-lint.yml'), 'utf8')
    ) as Workflow
    checkWorkflow(workflow)
    const config = JSON.parse(readFileSync(join(root, 'mcp-lint.json'), 'utf8')) as Record<
      string,
      unknown
    >
    expect(config.$schema).toBe(
      `https://raw.githubusercontent.com/mcp-lint/mcp-lint/v${VERSION}/schemas/mcp-lint.schema.json`
    )
    // The starter config is one mcp-lint accepts.
    expect((await runCli([root])).code).toBe(0)
    writeFileSync(join(root, 'mcp-lint.json'), '{ "rules": {} }\n')
    const again = await runCli(['init', root])
    expect(again.stdout).toContain(
      'kept .github/workflows/mcp-lint.yml: it exists\nkept mcp-lint.json: it exists\n'
    )
    expect(readFileSync(join(root, 'mcp-lint.json'), 'utf8')).toBe('{ "rules": {} }\n')
  })

  it('writes the workflow at the top of the git repository, with the subdirectory as the path', async () => {
    const top = repo({ 'tools/mcp/.mcp.json': '{ "mcpServers": {} }' })
    mkdirSync(join(top, '.git'))
    const result = await runCli(['init', join(top, 'tools/mcp'), '--platforms', 'claude,cursor'])
    expect(result.stdout).toContain(
      'created ../../.github/workflows/mcp-lint.yml: the check on pull requests, and a weekly drift check\n'
    )
    const workflow = parseYaml(
      readFileSync(join(top, '.github/workflows/mcp-lint.yml'), 'utf8')
    ) as Workflow
    checkWorkflow(workflow)
    expect(workflow.jobs.check?.steps[1]?.with).toEqual({
      path: 'tools/mcp',
      platforms: 'claude-code, cursor'
    })
    expect(existsSync(join(top, 'tools/mcp/mcp-lint.json'))).toBe(true)
    expect((await runCli(['init', top, '--enumerate'])).stderr).toBe(
      'mcp-lint: --enumerate is for init --baseline: it records the tools findings too\n'
    )
  })

  it('passes --source on to the workflow', async () => {
    const root = repo({})
    await runCli(['init', root, '--source', 'config/mcp servers.json'])
    const workflow = parseYaml(
      readFileSync(join(root, '.github/workflows/mcp-lint.yml'), 'utf8')
    ) as Workflow
    checkWorkflow(workflow)
    expect(workflow.jobs.check?.steps[1]?.with).toEqual({ source: 'config/mcp servers.json' })
  })
})

describe('writing inside the repository only', () => {
  it('init and sync never write through a symlink a branch could have planted', async () => {
    const outside = repo({})
    const root = repo({ '.agents/mcp/mcp-servers.json': '{ "mcpServers": {} }' })
    mkdirSync(join(root, '.github/workflows'), { recursive: true })
    symlinkSync(join(outside, 'victim.yml'), join(root, '.github/workflows/mcp-lint.yml'))
    symlinkSync(join(outside, 'victim.json'), join(root, '.mcp.json'))
    const init = await runCli(['init', root])
    expect(init).toMatchObject({
      code: 2,
      stderr:
        'mcp-lint: .github/workflows/mcp-lint.yml is a symlink; mcp-lint writes only inside the repository and never through a symlink\n'
    })
    symlinkSync(outside, join(root, '.agents/mcp/escape'))
    writeFileSync(
      join(root, '.agents/mcp/mcp-servers.json'),
      '{ "targets": ["claude-code"], "mcpServers": { "a": { "command": "x" } } }'
    )
    expect((await runCli(['sync', root])).code).toBe(2)
    expect(readdirSync(outside)).toEqual([])
  })
})

describe('baseline', () => {
  const secret = fakeToken('github-pat', 5)
  const files = {
    '.mcp.json': '{\n  "mcpServers": {\n    "a": { "command": "npx", "args": ["pkg"] }\n  }\n}\n',
    '.cursor/mcp.json': `{ "mcpServers": { "c": { "command": "x", "env": { "GITHUB_TOKEN": "${secret}" } } } }\n`
  }

  it('records the findings of today so only new ones fail, by identity rather than line', async () => {
    const root = repo(files)
    expect((await runCli([root, '--fail-on', 'warning'])).code).toBe(1)
    const init = await runCli(['init', root, '--baseline'])
    expect(init.code).toBe(0)
    expect(init.stdout).toContain(
      'wrote .agents/mcp/mcp-lint-baseline.json: 1 finding recorded as known; only new ones fail from now on\n'
    )
    // A leaked secret is never accepted.
    expect(init.stderr).toBe(
      'warning: 1 leaked secret was not recorded (.cursor/mcp.json:1): rotate each one and replace it with a reference; "mcp-lint check --fix" writes the reference\n'
    )
    const baseline = readFileSync(join(root, '.agents/mcp/mcp-lint-baseline.json'), 'utf8')
    expect(baseline).not.toContain(secret)
    expect(JSON.parse(baseline)).toMatchObject({
      baselineVersion: 1,
      findings: [
        {
          rule: 'server-unpinned',
          file: '.mcp.json',
          server: 'a',
          fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown
        }
      ]
    })
    writeFileSync(join(root, '.cursor/mcp.json'), '{ "mcpServers": {} }\n')
    // Lines move: the finding is still known.
    writeFileSync(join(root, '.mcp.json'), `\n\n${files['.mcp.json']}`)
    const known = await runCli([root, '--fail-on', 'warning'])
    expect(known).toMatchObject({ code: 0 })
    expect(known.stdout).toBe(
      '0 errors, 0 warnings, 0 notices in 2 config files with 1 server (1 known finding in .agents/mcp/mcp-lint-baseline.json not counted)\n'
    )
    const json = JSON.parse((await runCli([root, '-f', 'json'])).stdout) as {
      baseline: { path: string; known: { ruleId: string; line: number }[] }
    }
    expect(json.baseline).toMatchObject({
      path: '.agents/mcp/mcp-lint-baseline.json',
      known: [{ ruleId: 'server-unpinned', line: 5 }]
    })
    // Another file with the same server changes the known finding's message, not its identity.
    mkdirSync(join(root, '.vscode'))
    writeFileSync(
      join(root, '.vscode/mcp.json'),
      '{ "servers": { "a": { "command": "npx", "args": ["pkg"] } } }\n'
    )
    const twice = JSON.parse((await runCli([root, '-f', 'json'])).stdout) as {
      diagnostics: { ruleId: string; file: string }[]
      baseline: { known: { ruleId: string; file: string; message: string }[] }
    }
    expect(twice.baseline.known).toMatchObject([{ ruleId: 'server-unpinned', file: '.mcp.json' }])
    expect(twice.diagnostics).toEqual([])
    rmSync(join(root, '.vscode'), { recursive: true })
    // A new finding of the same rule fails.
    writeFileSync(
      join(root, '.mcp.json'),
      '{ "mcpServers": { "a": { "command": "npx", "args": ["pkg"] }, "b": { "command": "npx", "args": ["other"] } } }\n'
    )
    const fresh = await runCli([root, '--fail-on', 'warning'])
    expect(fresh.code).toBe(1)
    expect(fresh.stdout).toContain('warning the npm package "other" has no version')
    expect(fresh.stdout).not.toContain('"pkg" has no version')
  })

  it('is a usage error when it is not a baseline', async () => {
    const root = repo({ ...files, '.agents/mcp/mcp-lint-baseline.json': '{ "findings": 3 }' })
    expect(await runCli([root])).toMatchObject({
      code: 2,
      stderr:
        'mcp-lint: .agents/mcp/mcp-lint-baseline.json: not an mcp-lint baseline (baselineVersion 1 with "findings", each with rule, file, fingerprint and message): run "mcp-lint init --baseline" to rewrite it\n'
    })
  })

  it('is read again from scratch by init --baseline, which reports every finding', async () => {
    const root = repo(files)
    await runCli(['init', root, '--baseline'])
    writeFileSync(
      join(root, '.mcp.json'),
      '{ "mcpServers": { "b": { "command": "npx", "args": ["other"] } } }\n'
    )
    await runCli(['init', root, '--baseline'])
    const baseline = JSON.parse(
      readFileSync(join(root, '.agents/mcp/mcp-lint-baseline.json'), 'utf8')
    ) as { findings: { server: string }[] }
    expect(baseline.findings.map((finding) => finding.server)).toEqual(['b'])
    expect(existsSync(join(root, 'mcp-lint.json'))).toBe(true)
  })
})

interface Workflow {
  on: Record<string, unknown>
  permissions: unknown
  jobs: Record<
    string,
    {
      permissions: Record<string, string>
      steps: { uses: string; with?: Record<string, unknown> }[]
    }
  >
}

/** The workflow init writes: the pinned Action, no default permissions, PR and schedule. */
function checkWorkflow(workflow: Workflow): void {
  expect(Object.keys(workflow.on)).toEqual(['pull_request', 'schedule', 'workflow_dispatch'])
  expect(workflow.permissions).toEqual({})
  const action = readFileSync('action.yml', 'utf8')
  for (const job of Object.values(workflow.jobs)) {
    expect(job.steps[0]?.uses).toMatch(/^actions\/checkout@[0-9a-f]{40}$/)
    expect(job.steps[1]?.uses).toBe(`mcp-lint/mcp-lint@v${VERSION}`)
    expect(job.permissions.contents).toBe('read')
    // Every input the workflow passes is one the Action declares.
    for (const input of Object.keys(job.steps[1]?.with ?? {}))
      expect(action).toContain(`\n  ${input}:\n`)
  }
  expect(workflow.jobs.check?.permissions).toEqual({ contents: 'read', 'pull-requests': 'write' })
  expect(workflow.jobs.drift?.permissions).toEqual({ contents: 'read', issues: 'write' })
  expect(workflow.jobs.drift?.steps[1]?.with).toMatchObject({ mode: 'drift' })
}

function io(stderr: (text: string) => void) {
  return {
    stdout: () => undefined,
    stderr,
    writeFile: () => Promise.resolve(),
    reportTargetProblem: () => Promise.resolve(undefined)
  }
}
