import { spawnSync, type SpawnSyncReturns } from 'node:child_process'

/** Runs a command to completion; a parameter so the decisions below are testable without apt. */
export type Run = (command: string, args: readonly string[]) => SpawnSyncReturns<string>

const run: Run = (command, args) =>
  spawnSync(command, [...args], {
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  })

export type InstallOutcome =
  | { readonly status: 'present' }
  | { readonly status: 'installed'; readonly seconds: number }
  | { readonly status: 'skipped' | 'failed'; readonly reason: string }

/**
 * Installs bubblewrap from the distribution when the runner lacks it (GitHub's images do not ship
 * it), with apt-get as root or through passwordless sudo. Never throws: without bwrap the sandbox
 * is unavailable and the servers are reported, not run unsandboxed.
 */
export function installBubblewrap(
  log: (line: string) => void,
  exec: Run = run,
  platform: NodeJS.Platform = process.platform,
  uid: number | undefined = process.getuid?.()
): InstallOutcome {
  if (exec('bwrap', ['--version']).status === 0) return { status: 'present' }
  if (platform !== 'linux')
    return { status: 'skipped', reason: `bubblewrap runs on Linux only, not ${platform}` }
  if (exec('apt-get', ['--version']).status !== 0)
    return { status: 'skipped', reason: 'apt-get is not available to install it' }
  const asRoot = uid === 0
  if (!asRoot && exec('sudo', ['-n', 'true']).status !== 0)
    return { status: 'skipped', reason: 'installing it needs root or passwordless sudo' }
  const apt = (args: readonly string[]) =>
    asRoot ? exec('apt-get', args) : exec('sudo', ['-n', 'apt-get', ...args])
  const started = performance.now()
  log('installing bubblewrap: apt-get install -y bubblewrap')
  let installed = apt(['install', '-y', '-q', 'bubblewrap'])
  if (installed.status !== 0) {
    // A fresh image may have no package lists yet.
    log('apt-get install failed; updating the package lists and trying again')
    apt(['update', '-q'])
    installed = apt(['install', '-y', '-q', 'bubblewrap'])
  }
  const seconds = Math.round((performance.now() - started) / 100) / 10
  if (installed.status !== 0 || exec('bwrap', ['--version']).status !== 0)
    return {
      status: 'failed',
      reason: `apt-get install bubblewrap failed (${(installed.stderr || `exit ${String(installed.status)}`).trim().split('\n').at(-1) ?? ''})`
    }
  log(`installed bubblewrap in ${seconds} s`)
  return { status: 'installed', seconds }
}
