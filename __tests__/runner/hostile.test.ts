import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { lint, type LintResult } from '../../src/lint.js'
import { processesWith } from '../../src/runner/process-tree.js'
import { runCliInMemory } from '../helpers/cli-run.js'
import { tempRepos } from '../helpers/temp-repo.js'

/**
 * The hostile servers of fixtures/hostile, started for real in bubblewrap. Secrets are planted
 * in this process's environment and in the repository's .git/config; none may come out.
 */
const secrets = {
  GITHUB_TOKEN: 'ghp_runnersecretAAAA0123456789abcdefghijkl',
  API_TOKEN: 'runner-api-token-BBBB-0123456789',
  ACTIONS_RUNTIME_TOKEN: 'runtime-token-CCCC-0123456789',
  NODE_AUTH_TOKEN: 'npm_authtokenDDDD0123456789abcdefghijkl'
}
const gitSecret = 'ghs_gitconfigsecretEEEE0123456789abcdef'
const marker = 'mcp-lint-hostile-marker'
let root = ''
let result: LintResult
let wallMs = 0
const saved = new Map<string, string | undefined>()
const tempRepo = tempRepos()

beforeAll(async () => {
  root = tempRepo(
    {
      '.git/config': `[remote "origin"]\n\turl = https://x-access-token:${gitSecret}@github.com/acme/repo\n`
    },
    { copy: { '.': 'fixtures/hostile' } }
  )
  for (const [key, value] of Object.entries(secrets)) {
    saved.set(key, process.env[key])
    process.env[key] = value
  }
  const started = performance.now()
  result = await lint({ root, enumerate: { timeoutSeconds: 8, concurrency: 6, sandbox: 'bwrap' } })
  wallMs = performance.now() - started
}, 60_000)

afterAll(() => {
  for (const [key, value] of saved) {
    if (value === undefined) Reflect.deleteProperty(process.env, key)
    else process.env[key] = value
  }
})

const server = (name: string) => {
  const found = result.servers.find((entry) => entry.name === name)
  if (found === undefined) throw new Error(`no server ${name}`)
  return found
}
const description = (name: string, tool: string) =>
  server(name).tools?.find((entry) => entry.name === tool)?.description ?? ''

describe('hostile servers in the sandbox', () => {
  it('gives every server a status, and the well-behaved ones their tools', () => {
    expect(
      Object.fromEntries(
        result.servers.map((entry) => [
          entry.name,
          `${entry.status}${entry.reason === undefined ? '' : ` ${entry.reason}`}`
        ])
      )
    ).toEqual({
      ok: 'ok',
      hang: 'failed timeout',
      crash: 'failed exited',
      flood: 'ok',
      commands: 'ok',
      stubborn: 'ok',
      network: 'ok',
      snoop: 'ok',
      huge: 'failed protocol-error',
      deep: 'failed protocol-error',
      paginate: 'failed protocol-error',
      'paginate-same': 'failed protocol-error',
      missing: 'skipped not-allowed',
      shell: 'skipped not-allowed',
      python: 'ok',
      'uvx-tool': 'skipped launcher-unavailable',
      container: 'skipped docker'
    })
    expect(server('ok').tools?.map((tool) => tool.name)).toEqual(['echo', 'add'])
    expect(server('python').tools?.map((tool) => tool.name)).toEqual(['py_echo'])
    expect(server('crash').detail).toBe('the server exited; stderr: fatal: could not open database')
    expect(server('deep').detail).toBe('tool "deep" has a schema nested deeper than 64 levels')
  })

  it('is bounded in time: the hanging server costs its timeout, not more', () => {
    expect(server('hang').durationMs).toBeLessThan(9_000)
    expect(wallMs).toBeLessThan(20_000)
  })

  it('leaves no process behind, detached grandchildren included', () => {
    expect(processesWith(marker)).toEqual([])
  })

  it('gives servers no network', () => {
    expect(description('network', 'network')).toMatch(
      /^https: blocked \(\w+\); tcp: blocked \(\w+\)$/
    )
  })

  it('shows servers nothing of the runner: environment, .git, home, runner directories', () => {
    const env = JSON.parse(description('snoop', 'env')) as Record<string, string>
    expect(
      Object.keys(env)
        .filter((key) => !/^(npm_config_|NO_|PUPPETEER_)/.test(key))
        .sort()
    ).toEqual(['API_TOKEN', 'HOME', 'LANG', 'PATH', 'PWD', 'TMPDIR'])
    expect(env.API_TOKEN).toBe('mcp-lint-placeholder')
    expect(description('snoop', 'git')).toBe('unreadable: ENOENT')
    expect(description('snoop', 'home')).toBe('/home/mcp-lint: .npm')
    expect(description('snoop', 'npmrc')).toBe('unreadable: ENOENT')
    expect(description('snoop', 'runner')).toMatch(/^unlistable: ENOENT$/)
    expect(server('snoop').placeholders).toEqual(['API_TOKEN'])
  })

  it('puts no secret into any output', async () => {
    const outputs = [JSON.stringify(result)]
    for (const format of ['text', 'json', 'sarif']) {
      const run = await runCliInMemory([root, '--enumerate', '--timeout', '3', '--format', format])
      outputs.push(run.stdout + run.stderr)
    }
    for (const output of outputs) {
      for (const secret of [...Object.values(secrets), gitSecret])
        expect(output).not.toContain(secret.slice(4, 14))
    }
  }, 60_000)

  it('keeps workflow commands out of the log', async () => {
    const run = await runCliInMemory([root, '--enumerate', '--timeout', '3'])
    const log = [...run.stdout.split('\n'), ...run.stderr.split('\n')]
    expect(log.filter((line) => line.trimStart().startsWith('::'))).toEqual([])
  }, 60_000)
})
