import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import {
  ActionHarness,
  base,
  distDir,
  head1,
  pullRequestEvent,
  type ActionRun
} from '../helpers/action-run.js'
import { fakeString, fakeToken } from '../helpers/fake-tokens.js'

/**
 * Each attack a pull request's author can try, run through the built Action (and the built CLI
 * where it applies) as the runner would run it. Every test here failed before the trust boundary
 * was drawn; the README's security model quotes the counts they assert.
 */
const harness = new ActionHarness()
const { github } = harness
const cli = join(distDir, 'cli/index.js')

/** The runner's own secrets, as a job has them in its environment. */
const runnerSecrets = {
  ACTIONS_RUNTIME_TOKEN: fakeString('alnum', 48, 101),
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: fakeString('alnum', 48, 102),
  GITHUB_TOKEN: fakeToken('github-app-token', 103)
}
/** A secret the workflow author hands to one remote server. */
const docsToken = fakeString('alnum', 40, 104)
const secretValues = [...Object.values(runnerSecrets), docsToken]

/** The attacker's server: records every request; answers nothing useful. */
let attacker: Server
let attackerUrl = ''
const received: { url: string; headers: IncomingHttpHeaders }[] = []

beforeAll(async () => {
  await harness.start()
  attacker = createServer((request, response) => {
    received.push({ url: request.url ?? '', headers: request.headers })
    request.resume()
    response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve))
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/mcp`
})
afterAll(async () => {
  await harness.stop()
  await new Promise<void>((resolve) => {
    attacker.close(() => {
      resolve()
    })
  })
})

/** Requests that reached the attacker with any secret in a header. */
function leaks(): number {
  return received.filter(({ headers }) =>
    secretValues.some((secret) => JSON.stringify(headers).includes(secret))
  ).length
}

/** Whether the Action asked the contents API for this `path?ref=…`. */
function asked(pathAndRef: string): boolean {
  return github.requests.some(
    (request) => decodeURIComponent(request.path) === `/repos/octo/repo/contents/${pathAndRef}`
  )
}

const leakedToken = fakeToken('github-pat', 7)
const leaking = JSON.stringify(
  {
    mcpServers: {
      github: {
        command: 'npx',
        args: ['-y', '@modelcontextprotocol/server-github@2025.4.8'],
        env: { GITHUB_PERSONAL_ACCESS_TOKEN: leakedToken }
      }
    }
  },
  null,
  2
)

function expectFailedOnLeak(run: ActionRun): void {
  expect(run.code).toBe(1)
  expect(run.stdout).toContain('mcp-lint(server-secret)')
  expect(run.stdout).not.toContain(leakedToken)
}

describe('red team: runner secrets never reach a server the pull request chose', () => {
  const remoteConfig = (url: string) =>
    JSON.stringify({ mcpServers: { docs: { type: 'http', url } } })

  it('mcp-lint.json in the PR cannot enable remote enumeration or name runner variables', async () => {
    const dir = harness.workspace({
      '.mcp.json': remoteConfig(attackerUrl),
      'mcp-lint.json': JSON.stringify({
        enumeration: {
          remote: {
            enabled: true,
            allowPrivateHosts: true,
            headers: {
              docs: {
                Authorization: 'ACTIONS_RUNTIME_TOKEN',
                'X-Oidc': 'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
                'X-Token': 'GITHUB_TOKEN'
              }
            }
          }
        }
      })
    })
    github.pulls.set(101, { head: head1, files: [] })
    const run = await harness.run(
      dir,
      pullRequestEvent(101, head1),
      { enumerate: 'true', comment: 'false' },
      runnerSecrets
    )
    expect(received).toHaveLength(0)
    expect(run.stdout).toContain('mcp-lint(settings-changed)')
    expect(run.stdout).toContain('"enumeration.remote" is no longer read from mcp-lint.json')
  }, 60_000)

  it('a header the workflow binds goes only to the URL the base commit gives that server', async () => {
    const trustedUrl = 'https://docs.example.com/mcp'
    github.contents.set(`${base}:.mcp.json`, remoteConfig(trustedUrl))
    const dir = harness.workspace({ '.mcp.json': remoteConfig(attackerUrl) })
    github.pulls.set(102, { head: head1, files: [] })
    const run = await harness.run(
      dir,
      pullRequestEvent(102, head1),
      {
        enumerate: 'true',
        remote: 'true',
        'allow-private-hosts': 'true',
        'remote-headers': 'docs=Authorization:DOCS_TOKEN',
        comment: 'false'
      },
      { ...runnerSecrets, DOCS_TOKEN: docsToken }
    )
    expect(leaks()).toBe(0)
    expect(run.stdout).toContain(
      "its url differs from the base branch's, so the Authorization header the workflow binds to it is not sent"
    )
    github.contents.delete(`${base}:.mcp.json`)
  }, 60_000)

  it('refuses runner variables in remote-headers, before anything runs', async () => {
    const dir = harness.workspace({ '.mcp.json': remoteConfig(attackerUrl) })
    const run = await harness.run(
      dir,
      { name: 'push', payload: {} },
      {
        enumerate: 'true',
        remote: 'true',
        'allow-private-hosts': 'true',
        'remote-headers': 'docs=Authorization:ACTIONS_RUNTIME_TOKEN'
      },
      runnerSecrets
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      'ACTIONS_RUNTIME_TOKEN belongs to the runner or the Action (ACTIONS_*, GITHUB_*, RUNNER_*, INPUT_*) and is never sent to a server'
    )
    expect(leaks()).toBe(0)
  }, 60_000)

  it('checks the host after DNS: a name that resolves to loopback is not contacted', async () => {
    const port = new URL(attackerUrl).port
    const dir = harness.workspace({ '.mcp.json': remoteConfig(`https://localhost:${port}/mcp`) })
    const before = received.length
    const run = await harness.run(
      dir,
      { name: 'push', payload: {} },
      {
        enumerate: 'true',
        remote: 'true'
      }
    )
    expect(received.length).toBe(before)
    expect(run.stdout).not.toContain('internal error')
    expect(leaks()).toBe(0)
  }, 60_000)
})

describe('red team: a pull request cannot switch off its own checks', () => {
  const baseSettings = JSON.stringify({ rules: { 'config-unknown-field': 'notice' } })
  const attempts: Record<string, Record<string, string>> = {
    'server-secret off': { 'mcp-lint.json': '{ "rules": { "server-secret": "off" } }' },
    'every finding ignored': {
      'mcp-lint.json': '{ "ignores": [{ "files": ["**"], "reason": "noise" }] }'
    },
    'the secret rule lowered to a notice': {
      'mcp-lint.json': '{ "rules": { "server-secret": "notice" } }'
    },
    'the server ignored by name': {
      'mcp-lint.json': '{ "ignores": [{ "server": "github", "reason": "trusted" }] }'
    },
    'a second settings file beside the first': {
      '.mcp-lint.json': '{ "rules": { "server-secret": "off" } }'
    },
    'settings moved to a path the workflow does not name': {
      'mcp-lint.json': '{ "paths": [], "rules": { "server-secret": "off" } }',
      'tools/mcp-lint.json': '{ "rules": { "server-secret": "off" } }'
    },
    'the sandbox switched off': {
      'mcp-lint.json':
        '{ "enumeration": { "sandbox": "none" }, "rules": { "server-secret": "off" } }'
    }
  }

  it.each(Object.entries(attempts))(
    '%s: the build stays red',
    async (_, files) => {
      github.contents.set(`${base}:mcp-lint.json`, baseSettings)
      try {
        const dir = harness.workspace({ '.mcp.json': leaking, ...files })
        github.pulls.set(201, { head: head1, files: [] })
        const run = await harness.run(dir, pullRequestEvent(201, head1), {})
        expectFailedOnLeak(run)
        expect(run.stdout).toContain('mcp-lint(settings-changed)')
        const comment = github.comments.get(201)?.at(-1)?.body ?? ''
        expect(comment).not.toMatch(/no findings/)
        expect(asked(`mcp-lint.json?ref=${base}`)).toBe(true)
      } finally {
        github.contents.delete(`${base}:mcp-lint.json`)
      }
    },
    60_000
  )

  it('the same settings apply on a push, where the branch is the trusted revision', async () => {
    const dir = harness.workspace({
      '.mcp.json': leaking,
      'mcp-lint.json': '{ "rules": { "server-secret": "off" } }'
    })
    const run = await harness.run(dir, { name: 'push', payload: {} }, {})
    expect(run.code).toBe(0)
    expect(run.stdout).not.toContain('mcp-lint(server-secret)')
  }, 60_000)
})

describe('red team: the base lockfile is the only one that approves tools', () => {
  function lockedRepo(): { dir: string; lockfile: string } {
    const dir = harness.workspace({
      '.mcp.json': JSON.stringify({
        mcpServers: { mutable: { command: 'node', args: ['servers/mutable.mjs'] } }
      })
    })
    cpSync('fixtures/hostile/servers', join(dir, 'servers'), { recursive: true })
    const lock = spawnSync(process.execPath, [cli, 'lock', dir, '--sandbox', 'bwrap'], {
      encoding: 'utf8'
    })
    expect(lock.status).toBe(0)
    return { dir, lockfile: readFileSync(join(dir, '.agents/mcp/mcp-lock.json'), 'utf8') }
  }

  it('reads a base lockfile over 1 MB whole, and fails on an API error instead of using the branch copy', async () => {
    const { dir, lockfile } = lockedRepo()
    // The base pins a tool the server no longer lists, with a description that takes the file over
    // the 1 MB the contents API's JSON form returns; the branch's own lockfile approves the change.
    const parsed = JSON.parse(lockfile) as {
      servers: Record<string, { tools: Record<string, unknown> }>
    }
    const pinned = parsed.servers.mutable
    if (pinned === undefined) throw new Error('the lock run pinned no server')
    pinned.tools.retired = {
      description: 'r'.repeat(1200 * 1024),
      hash: `sha256:${'0'.repeat(64)}`,
      inputSchema: { type: 'object' }
    }
    const baseLock = JSON.stringify(parsed, null, 2)
    expect(baseLock.length).toBeGreaterThan(1024 * 1024)
    github.contents.set(`${base}:.agents/mcp/mcp-lock.json`, baseLock)
    github.pulls.set(301, { head: head1, files: [] })
    try {
      const run = await harness.run(dir, pullRequestEvent(301, head1), {
        enumerate: 'true',
        sandbox: 'bwrap',
        comment: 'false'
      })
      expect(run.code).toBe(1)
      expect(run.stdout).toMatch(/tool-surface-drift.*"retired"/)

      github.contentFailures.set(`${base}:.agents/mcp/mcp-lock.json`, 500)
      const failed = await harness.run(dir, pullRequestEvent(301, head1), {
        enumerate: 'true',
        sandbox: 'bwrap',
        comment: 'false'
      })
      expect(failed.code).toBe(1)
      expect(failed.stdout).toContain(
        '::error::mcp-lint cannot read .agents/mcp/mcp-lock.json from the base commit bbbbbbb (HTTP 500'
      )
      expect(failed.stdout).toContain("Not falling back to this branch's copy")
    } finally {
      github.contents.delete(`${base}:.agents/mcp/mcp-lock.json`)
      github.contentFailures.clear()
    }
  }, 120_000)
})

describe('red team: input the pull request controls is read within bounds', () => {
  const capped = { ...process.env, NODE_OPTIONS: '--max-old-space-size=256' }

  it.each([['/dev/zero'], ['/etc/passwd'], ['/proc/self/environ']])(
    'mcp-lint.json as a symlink to %s: refused, not read',
    async (target) => {
      const dir = harness.workspace({ '.mcp.json': '{ "mcpServers": {} }' })
      symlinkSync(target, join(dir, 'mcp-lint.json'))
      const started = performance.now()
      const local = spawnSync(process.execPath, [cli, 'check', dir], {
        encoding: 'utf8',
        env: capped
      })
      expect(performance.now() - started).toBeLessThan(10_000)
      expect(local.status).toBe(2)
      expect(local.stderr).toBe(
        'mcp-lint: mcp-lint.json: the config file is a symlink to a path outside the repository; not read\n'
      )
      github.pulls.set(401, { head: head1, files: [] })
      const pull = await harness.run(
        dir,
        pullRequestEvent(401, head1),
        {},
        {
          NODE_OPTIONS: '--max-old-space-size=256'
        }
      )
      expect(pull.code).toBe(0)
      expect(pull.stdout).toContain(
        'is a symlink to a path outside the repository; not read; the base branch'
      )
      expect(pull.stdout).not.toContain('root:x:0:0')
    },
    60_000
  )

  it('mcp-lint.json as a FIFO or a huge file: refused at once', () => {
    const dir = harness.workspace({ '.mcp.json': '{ "mcpServers": {} }' })
    spawnSync('mkfifo', [join(dir, 'mcp-lint.json')])
    const fifo = spawnSync(process.execPath, [cli, 'check', dir], {
      encoding: 'utf8',
      timeout: 10_000
    })
    expect(fifo.status).toBe(2)
    expect(fifo.stderr).toContain('is not a regular file')
    const large = harness.workspace({
      '.mcp.json': '{ "mcpServers": {} }',
      'mcp-lint.json': `{ "rules": {}, "x": "${'a'.repeat(2 * 1024 * 1024)}" }`
    })
    const big = spawnSync(process.execPath, [cli, 'check', large], { encoding: 'utf8' })
    expect(big.status).toBe(2)
    expect(big.stderr).toContain('over the 1048576-byte limit')
  })

  it('a path the workflow names outside the repository is read as a file within the cap', () => {
    const dir = harness.workspace({ '.mcp.json': '{ "mcpServers": {} }' })
    const run = spawnSync(process.execPath, [cli, 'check', dir, '--config', '/dev/zero'], {
      encoding: 'utf8',
      env: capped
    })
    expect(run.status).toBe(2)
    expect(run.stderr).toBe('mcp-lint: cannot read config file /dev/zero: not a regular file\n')
  })
})

describe('red team: output stays within bounds', () => {
  it('a report path that cannot be written fails the step at once', async () => {
    const dir = harness.workspace({ '.mcp.json': '{ "mcpServers": {} }' })
    const started = performance.now()
    const run = await harness.run(
      dir,
      { name: 'push', payload: {} },
      {
        'sarif-file': '/proc/x/y.json'
      }
    )
    expect(performance.now() - started).toBeLessThan(10_000)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '::error::mcp-lint input sarif-file: /proc/x/y.json cannot be written'
    )
    const cliRun = spawnSync(process.execPath, [cli, 'check', dir, '-o', '/proc/x/y.json'], {
      encoding: 'utf8',
      timeout: 10_000
    })
    expect(cliRun.status).toBe(2)
  }, 30_000)

  it('10,000 servers with one launch: findings, summary and comment grow linearly', async () => {
    const servers: Record<string, unknown> = {}
    for (let index = 0; index < 10_000; index++)
      servers[`s${index}`] = { command: 'node', args: ['server.mjs'] }
    const dir = harness.workspace({
      '.mcp.json': JSON.stringify({ mcpServers: servers }),
      'mcp-lint.json': '{ "maxFileBytes": 4194304 }'
    })
    github.pulls.set(601, { head: head1, files: [] })
    github.contents.set(`${base}:mcp-lint.json`, '{ "maxFileBytes": 4194304 }')
    try {
      const started = performance.now()
      const run = await harness.run(
        dir,
        pullRequestEvent(601, head1),
        { comment: 'true', 'json-file': 'report.json' },
        { NODE_OPTIONS: '--max-old-space-size=1024' }
      )
      expect(performance.now() - started).toBeLessThan(30_000)
      expect(run.stdout).not.toContain('internal error')
      const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as {
        diagnostics: unknown[]
      }
      expect(report.diagnostics.length).toBeLessThan(50)
      expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024)
      expect((github.comments.get(601)?.at(-1)?.body ?? '').length).toBeLessThan(65_536)
    } finally {
      github.contents.delete(`${base}:mcp-lint.json`)
    }
  }, 60_000)
})

describe('red team: the settings file of a pull request is compared, never applied', () => {
  it('ignores a branch mcp-lint.json under path: a subdirectory too', async () => {
    const dir = harness.workspace({
      'sub/.mcp.json': leaking,
      'sub/mcp-lint.json': '{ "rules": { "server-secret": "off" } }'
    })
    mkdirSync(join(dir, 'other'))
    writeFileSync(join(dir, 'other/.keep'), '')
    github.pulls.set(501, { head: head1, files: [] })
    const run = await harness.run(dir, pullRequestEvent(501, head1), { path: 'sub' })
    expectFailedOnLeak(run)
    expect(asked(`sub/mcp-lint.json?ref=${base}`)).toBe(true)
  }, 60_000)
})
