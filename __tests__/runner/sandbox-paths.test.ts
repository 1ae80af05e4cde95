import { beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { lint } from '../../src/lint.js'
import { distDir } from '../helpers/action-run.js'
import { runAsRunner, runnerOwned, runnerUser, type RunnerUser } from '../helpers/runner-user.js'
import { tempRepos } from '../helpers/temp-repo.js'

/**
 * The three ways bubblewrap runs, each with a server that tries to get out and reports who it is:
 * as root (container jobs), as an unprivileged user whose user namespaces work, and as the
 * simulated hosted runner, whose bwrap refuses user namespaces, so mcp-lint goes through sudo.
 */
interface EscapeReport {
  uid: number
  gid: number
  capEff: string
  capBnd: string
  noNewPrivs: string
  remountUsr: string
  writeUsr: string
  writeRepository: string
  newUserNamespace: string
  writeHome: string
  writeTmp: string
}

const marker = '/usr/mcp-lint-escape-marker'
const config = JSON.stringify({
  mcpServers: {
    escape: { command: 'node', args: ['servers/escape.mjs'] },
    ok: { command: 'node', args: ['servers/ok.mjs'] }
  }
})

const tempRepo = tempRepos()
/** The servers the configs launch, beside them. */
const servers = { copy: { servers: 'fixtures/hostile/servers' } }
const repository = () => tempRepo({ '.mcp.json': config }, servers)

function reportOf(
  servers: readonly { name: string; tools?: readonly { name: string; description?: string }[] }[]
): EscapeReport {
  const description = servers.find((server) => server.name === 'escape')?.tools?.[0]?.description
  if (description === undefined) throw new Error('the escape server listed no report')
  return JSON.parse(description) as EscapeReport
}

/** What every sandbox must hold, whoever starts it. */
function expectContained(report: EscapeReport, uid: number, dir: string): void {
  expect(report).toMatchObject({
    uid,
    capEff: '0000000000000000',
    capBnd: '0000000000000000',
    noNewPrivs: '1',
    remountUsr: 'failed',
    writeUsr: 'failed',
    writeRepository: 'failed',
    writeHome: 'succeeded',
    writeTmp: 'succeeded'
  })
  expect(existsSync(marker)).toBe(false)
  expect(existsSync(join(dir, 'mcp-lint-escape-marker'))).toBe(false)
}

const itAsRoot = process.getuid?.() === 0 ? it : it.skip
const itAsRunner = runnerUser() === undefined ? it.skip : it

describe('the sandbox as root (container jobs, self-hosted runners)', () => {
  itAsRoot(
    'runs servers as uid 65534 with no capabilities, and they leave nothing on the host',
    async () => {
      const dir = repository()
      const lines: string[] = []
      const result = await lint({
        root: dir,
        enumerate: { sandbox: 'bwrap', timeoutSeconds: 20, onProgress: (line) => lines.push(line) }
      })
      expect(result.servers.map((server) => `${server.name} ${server.status}`)).toEqual([
        'escape ok',
        'ok ok'
      ])
      expectContained(reportOf(result.servers), 65534, dir)
      expect(reportOf(result.servers).newUserNamespace).toBe('failed')
      expect(lines).toContain(
        'sandbox: bwrap, servers run as uid 65534 in a user namespace with no capabilities (bubblewrap works as this user)'
      )
    },
    60_000
  )
})

describe('npm caches', () => {
  itAsRoot(
    'are one per launch: what one server plants, another never sees',
    async () => {
      const dir = tempRepo(
        {
          '.mcp.json': JSON.stringify({
            mcpServers: {
              a: { command: 'node', args: ['servers/plant.mjs', 'plant'] },
              b: { command: 'node', args: ['servers/plant.mjs', 'look'] }
            }
          })
        },
        servers
      )
      const result = await lint({ root: dir, enumerate: { sandbox: 'bwrap', concurrency: 1 } })
      expect(
        result.servers.map((server) => `${server.name} ${server.tools?.[0]?.description ?? ''}`)
      ).toEqual(['a planted file visible', 'b clean cache'])
    },
    60_000
  )
})

describe('the sandbox as the runner user', () => {
  let user: RunnerUser | undefined
  let cli = ''
  beforeAll(() => {
    user = runnerUser()
    if (user !== undefined) cli = join(runnerOwned(user, join(distDir, 'cli')), 'index.js')
  })

  const check = async (shim: boolean) => {
    if (user === undefined) throw new Error('no runner user')
    const dir = runnerOwned(user, repository())
    const temp = runnerOwned(user)
    const run = await runAsRunner(
      user,
      process.execPath,
      [
        cli,
        'check',
        dir,
        '--enumerate',
        '--format',
        'json',
        '--timeout',
        '20',
        '--fail-on',
        'never'
      ],
      { cwd: dir, env: { TMPDIR: temp }, shim }
    )
    const report = JSON.parse(run.stdout) as {
      enumeration: { sandbox: string }
      servers: { name: string; status: string; tools?: { name: string; description?: string }[] }[]
    }
    return { dir, run, report }
  }

  itAsRunner(
    'where bwrap refuses user namespaces (hosted ubuntu-24.04): sudo bwrap, servers as the runner with no capabilities',
    async () => {
      const { dir, run, report } = await check(true)
      expect(run.code).toBe(0)
      expect(report.enumeration.sandbox).toBe('sudo-bwrap')
      expect(report.servers.map((server) => `${server.name} ${server.status}`)).toEqual([
        'escape ok',
        'ok ok'
      ])
      expectContained(reportOf(report.servers), user?.uid ?? -1, dir)
      expect(run.stderr).toContain(
        `sandbox: sudo bwrap, servers run as uid ${user?.uid ?? -1} (dropped from root with setpriv) with no capabilities (bubblewrap alone was refused (bwrap: setting up uid map: Permission denied))`
      )
      rmSync(dir, { recursive: true, force: true })
    },
    60_000
  )

  itAsRunner(
    'where user namespaces work: bwrap as the runner itself',
    async () => {
      const { dir, run, report } = await check(false)
      expect(run.code).toBe(0)
      expect(report.enumeration.sandbox).toBe('bwrap')
      expectContained(reportOf(report.servers), user?.uid ?? -1, dir)
      rmSync(dir, { recursive: true, force: true })
    },
    60_000
  )
})
