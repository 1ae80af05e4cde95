import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parse as parseYaml } from 'yaml'
import { dialects } from '../src/platforms/index.js'
import { VERSION } from '../src/version.js'
import { scratchDir } from './helpers/temp-repo.js'

/**
 * The package as users get it: `npm pack` of this checkout (the committed dist/, which CI checks is
 * current), installed into an empty project with no registry, and run through npx.
 */
const work = scratchDir()
const project = join(work, 'project')
let tarball = ''

beforeAll(() => {
  const packed = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], {
    encoding: 'utf8'
  })
  tarball = join(work, packed.trim().split('\n').pop() ?? '')
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), '{ "name": "empty-project", "private": true }\n')
  // --offline: the package needs nothing from the registry.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', tarball], {
    cwd: project,
    stdio: 'pipe'
  })
}, 120_000)

function npx(args: readonly string[], cwd = project) {
  const result = spawnSync('npx', ['--no-install', 'mcp-lint', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', npm_config_offline: 'true' }
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('the npm package', () => {
  it('holds what runs and nothing else, and installs with no dependency', () => {
    const listed = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((path) => path.replace(/^package\//, ''))
    expect(
      listed.filter((path) => !/^(dist\/cli\/|schemas\/[\w.-]+\.schema\.json$)/.test(path)).sort()
    ).toEqual(['LICENSE', 'README.md', 'package.json'])
    expect(listed).toContain('dist/cli/index.js')
    expect(listed).toContain('schemas/mcp-lint.schema.json')
    expect(
      readdirSync(join(project, 'node_modules')).filter(
        (name) => name !== '.bin' && !name.startsWith('.')
      )
    ).toEqual(['mcp-lint'])
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>
    expect(manifest.private).toBeUndefined()
    expect(manifest.dependencies).toBeUndefined()
    expect(manifest.publishConfig).toEqual({ access: 'public', provenance: true })
  })

  it('prints its version', () => {
    expect(npx(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
  })

  it('checks a directory', () => {
    const dir = join(work, 'repo')
    mkdirSync(join(dir, '.cursor'), { recursive: true })
    writeFileSync(
      join(dir, '.cursor/mcp.json'),
      '{\n  "mcpServers": {\n    "a": { "url": "https://example.com/mcp", "arg": [] }\n  }\n}\n'
    )
    const result = npx(['check', dir])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      '.cursor/mcp.json:3:46: notice Cursor does not read "arg"; it is ignored (did you mean "args"?) [config-unknown-field]\n' +
        '0 errors, 0 warnings, 1 notice in 1 config file with 1 server\n'
    )
    expect(npx(['check', dir, '--fail-on', 'notice']).code).toBe(1)
  })

  it('writes a workflow that uses the Action of its own version', () => {
    const dir = join(work, 'fresh')
    mkdirSync(dir)
    const result = npx(['init', dir])
    expect(result.code).toBe(0)
    const workflow = parseYaml(
      readFileSync(join(dir, '.github/workflows/mcp-lint.yml'), 'utf8')
    ) as { jobs: Record<string, { steps: { uses: string }[] }> }
    expect(Object.values(workflow.jobs).map((job) => job.steps[1]?.uses)).toEqual([
      `mcp-lint/mcp-lint@v${VERSION}`,
      `mcp-lint/mcp-lint@v${VERSION}`
    ])
    expect(JSON.parse(readFileSync(join(dir, 'mcp-lint.json'), 'utf8'))).toHaveProperty('$schema')
  })
})

describe('the pre-commit hook', () => {
  interface Hook {
    id: string
    entry: string
    language: string
    files: string
    pass_filenames: boolean
  }
  const hooks = parseYaml(readFileSync('.pre-commit-hooks.yaml', 'utf8')) as Hook[]
  const hook = hooks.find((candidate) => candidate.id === 'mcp-lint')

  it('matches every path mcp-lint reads, and nothing else', () => {
    expect(hook).toMatchObject({ entry: 'mcp-lint check', language: 'node', pass_filenames: true })
    const files = new RegExp(hook?.files ?? '$^')
    for (const dialect of dialects)
      for (const path of dialect.paths) expect([path, files.test(path)]).toEqual([path, true])
    for (const path of [
      'mcp-lint.json',
      '.agents/mcp/mcp-servers.json',
      '.agents/mcp/servers/github.json',
      '.agents/mcp/mcp-lock.json',
      '.continue/mcpServers/team/db.yaml'
    ])
      expect([path, files.test(path)]).toEqual([path, true])
    for (const path of ['package.json', 'src/.mcp.json', '.mcp.json.bak', 'docs/.cursor/mcp.json'])
      expect([path, files.test(path)]).toEqual([path, false])
  })

  it('runs its entry on the staged files and reports only theirs', () => {
    const repo = join(work, 'hooked')
    mkdirSync(join(repo, '.cursor'), { recursive: true })
    mkdirSync(join(repo, 'src'))
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
        cwd: repo,
        encoding: 'utf8'
      })
    git('init', '-q')
    writeFileSync(
      join(repo, '.mcp.json'),
      '{ "mcpServers": { "a": { "url": "https://x/mcp" } } }\n'
    )
    writeFileSync(join(repo, '.cursor/mcp.json'), '{ "mcpServers": { "b": { "command": "x" } } }\n')
    writeFileSync(join(repo, 'src/app.ts'), 'export {}\n')
    // As pre-commit runs a hook: the staged files its `files` matches, as arguments, at the root.
    const runHook = () => {
      const staged = git('diff', '--cached', '--name-only').trim().split('\n').filter(Boolean)
      const files = staged.filter((path) => new RegExp(hook?.files ?? '$^').test(path))
      const [command = '', ...args] = (hook?.entry ?? '').split(' ')
      expect(command).toBe('mcp-lint')
      const result = spawnSync('node', [resolve('dist/cli/index.js'), ...args, ...files], {
        cwd: repo,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' }
      })
      return { files, code: result.status, stdout: result.stdout }
    }
    git('add', '.cursor/mcp.json', 'src/app.ts')
    expect(runHook()).toEqual({
      files: ['.cursor/mcp.json'],
      code: 0,
      stdout: '0 errors, 0 warnings, 0 notices in 1 config file with 1 server\n'
    })
    git('add', '.mcp.json')
    const failing = runHook()
    expect(failing.files).toEqual(['.cursor/mcp.json', '.mcp.json'])
    expect(failing.code).toBe(1)
    expect(failing.stdout).toContain(
      '.mcp.json:1:19: error server "a": a server with "url" needs "type"'
    )
  })
})
