import { execFileSync, spawn } from 'node:child_process'
import { chownSync, cpSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Where scripts/simulate-hosted-runner.sh puts the bwrap that refuses non-root users. */
export const SHIM_BIN = process.env.SIMULATED_RUNNER_BIN ?? '/opt/mcp-lint-runner-sim/bin'

export interface RunnerUser {
  readonly uid: number
  readonly gid: number
  readonly home: string
}

/**
 * The simulated hosted runner's `runner` user, when this machine has it (CI provisions it with
 * scripts/simulate-hosted-runner.sh; MCP_LINT_REQUIRE_RUNNER_SIM=1 makes its absence a failure).
 */
export function runnerUser(): RunnerUser | undefined {
  const ready =
    process.getuid?.() === 0 &&
    existsSync(join(SHIM_BIN, 'bwrap')) &&
    existsSync('/etc/sudoers.d/runner')
  let user: RunnerUser | undefined
  if (ready) {
    try {
      const id = (flag: string) =>
        Number(execFileSync('id', [flag, 'runner'], { encoding: 'utf8' }))
      user = { uid: id('-u'), gid: id('-g'), home: '/home/runner' }
    } catch {
      user = undefined
    }
  }
  if (user === undefined && process.env.MCP_LINT_REQUIRE_RUNNER_SIM === '1')
    throw new Error(
      'the simulated hosted runner is missing: run scripts/simulate-hosted-runner.sh as root'
    )
  return user
}

/** A directory the runner user owns, under the system temporary directory, with a copy of `from`. */
export function runnerOwned(user: RunnerUser, from?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-lint-runner-'))
  if (from !== undefined) cpSync(from, dir, { recursive: true })
  chownTree(dir, user)
  return dir
}

export function chownTree(path: string, user: RunnerUser): void {
  chownSync(path, user.uid, user.gid)
  if (statSync(path).isDirectory())
    for (const name of readdirSync(path)) chownTree(join(path, name), user)
}

const NETWORK_VARIABLES = [
  'NODE_EXTRA_CA_CERTS',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy'
]

export interface UserRun {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

/** Runs a command as the runner user, with only the environment given (and PATH, HOME). */
export async function runAsRunner(
  user: RunnerUser,
  command: string,
  args: readonly string[],
  options: { cwd: string; env: Record<string, string>; shim: boolean }
): Promise<UserRun> {
  const path = [...(options.shim ? [SHIM_BIN] : []), process.env.PATH ?? '/usr/bin:/bin'].join(':')
  // How this machine reaches the npm registry (a proxy, its CA) is the runner's environment too:
  // npm finds the global npmrc next to the node binary, which a Node from a tarball does not have.
  const network = Object.fromEntries(
    NETWORK_VARIABLES.flatMap((name) => {
      const value = process.env[name]
      return value === undefined ? [] : [[name, value]]
    })
  )
  const child = spawn(command, [...args], {
    cwd: options.cwd,
    uid: user.uid,
    gid: user.gid,
    env: { ...network, PATH: path, HOME: user.home, LANG: 'C.UTF-8', ...options.env }
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  return { code, stdout, stderr }
}
