import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { grantUserNamespaces } from './apparmor.js'
import { SANDBOX_NPM } from './home.js'
import { bwrapArgs, ROOT_SANDBOX_ID, systemArgs, type Isolation } from './bwrap-args.js'
import type { LaunchRequest } from './launch.js'
import { viewCommand, withBinPath, type NpmCacheView } from './npm-cache.js'
import { baseEnv } from './server-env.js'
import { findToolchain, type Toolchain } from './toolchain.js'
import { which } from './which.js'

export type SandboxMode = 'auto' | 'bwrap' | 'none'

/** How a server process is started and stopped. */
export interface Sandbox {
  readonly kind: 'bwrap' | 'sudo-bwrap' | 'none'
  /** Who servers run as, for the log. */
  readonly description: string
  /** The command line that starts the request's server inside the sandbox. */
  command(
    request: LaunchRequest,
    npmCache: NpmCacheView
  ): { command: string; args: string[]; env: Record<string, string>; cwd: string }
}

export interface SandboxSetup {
  /**
   * Allowed to grant bwrap user namespaces with an AppArmor profile, through passwordless sudo, when
   * AppArmor forbids them (GitHub-hosted ubuntu-24.04). The Action allows it on hosted runners only:
   * it changes the machine's configuration.
   */
  readonly allowAppArmorProfile: boolean
  /** Where what was changed or chosen is said. */
  readonly log: (line: string) => void
}

/**
 * Finds a sandbox that works on this machine, once per run, and says which and why. `auto` and
 * `bwrap` try bubblewrap as the caller; when user namespaces are refused, an AppArmor profile that
 * grants them to bwrap (where allowed), then bubblewrap through passwordless sudo. `none` runs
 * servers directly and must be asked for explicitly.
 */
export function prepareSandbox(
  mode: SandboxMode,
  root: string,
  setup: SandboxSetup = { allowAppArmorProfile: false, log: () => undefined }
): { sandbox: Sandbox } | { unavailable: string } {
  if (mode === 'none') {
    const sandbox = unsandboxed()
    setup.log(`sandbox: ${sandbox.description} (as asked)`)
    return { sandbox }
  }
  if (which('bwrap') === undefined) {
    return {
      unavailable:
        'bubblewrap (bwrap) is not installed: install it (apt-get install bubblewrap) or set the sandbox to "none" explicitly'
    }
  }
  const toolchain = findToolchain()
  const caller = userIds()
  const isolation: Isolation = caller.uid === 0 ? 'root' : 'user'
  const probe = (how: Isolation) =>
    spawnSync(
      how === 'sudo' ? 'sudo' : 'bwrap',
      [...(how === 'sudo' ? ['-n', 'bwrap'] : []), ...systemArgs(how), '--', 'true'],
      { encoding: 'utf8', timeout: 10_000 }
    )
  const pick = (how: Isolation, why: string) => chosen(how, caller, root, toolchain, setup, why)
  const direct = probe(isolation)
  if (direct.status === 0) return pick(isolation, 'bubblewrap works as this user')
  const refusal = firstLine(direct.stderr, direct.error?.message ?? `exit ${String(direct.status)}`)
  if (caller.uid !== 0 && setup.allowAppArmorProfile) {
    const granted = grantUserNamespaces(setup.log)
    if (granted !== undefined && probe(isolation).status === 0) return pick(isolation, granted)
  }
  const sudo = caller.uid !== 0 && which('sudo') !== undefined ? probe('sudo') : undefined
  if (sudo?.status === 0) return pick('sudo', `bubblewrap alone was refused (${refusal})`)
  return {
    unavailable:
      `bubblewrap cannot create a sandbox here (${refusal}); on ubuntu-24.04 runners allow user namespaces ` +
      '(sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0) or give the runner passwordless sudo'
  }
}

function chosen(
  isolation: Isolation,
  caller: UserIds,
  root: string,
  toolchain: Toolchain,
  setup: SandboxSetup,
  why: string
): { sandbox: Sandbox } {
  const sandbox = bubblewrap(isolation, caller, root, toolchain)
  setup.log(`sandbox: ${sandbox.description} (${why})`)
  return { sandbox }
}

function firstLine(text: string, fallback: string): string {
  return (text.trim() === '' ? fallback : text.trim()).split('\n')[0] ?? fallback
}

function bubblewrap(
  isolation: Isolation,
  caller: UserIds,
  root: string,
  toolchain: Toolchain
): Sandbox {
  const who =
    isolation === 'root'
      ? `uid ${ROOT_SANDBOX_ID} in a user namespace`
      : `uid ${caller.uid}${isolation === 'sudo' ? ' (dropped from root with setpriv)' : ''}`
  return {
    kind: isolation === 'sudo' ? 'sudo-bwrap' : 'bwrap',
    description: `${isolation === 'sudo' ? 'sudo bwrap' : 'bwrap'}, servers run as ${who} with no capabilities`,
    command: (request, npmCache) => {
      const args = bwrapArgs(isolation, request, root, npmCache, toolchain)
      const launched = viewCommand(request, npmCache, SANDBOX_NPM)
      const server = [launched.command, ...launched.args]
      if (isolation !== 'sudo')
        return {
          command: 'bwrap',
          args: [...args, '--', ...server],
          env: {},
          cwd: root
        }
      const drop = [
        'setpriv',
        `--reuid=${caller.uid}`,
        `--regid=${caller.gid}`,
        '--clear-groups',
        '--bounding-set=-all',
        '--inh-caps=-all',
        '--no-new-privs',
        '--'
      ]
      return {
        command: 'sudo',
        args: ['-n', 'bwrap', ...args, '--', ...drop, ...server],
        env: {},
        cwd: root
      }
    }
  }
}

function unsandboxed(): Sandbox {
  return {
    kind: 'none',
    description: "none: servers run with the runner's privileges",
    command: (request, npmCache) => {
      const home = mkdtempSync(join(tmpdir(), 'mcp-lint-home-'))
      const env = withBinPath(
        {
          ...baseEnv(home, npmCache.fetched, process.env.PATH ?? '/usr/bin:/bin'),
          TMPDIR: home,
          ...request.env
        },
        npmCache,
        npmCache.fetched
      )
      const launched = viewCommand(request, npmCache, npmCache.fetched)
      return { command: launched.command, args: [...launched.args], env, cwd: request.cwd }
    }
  }
}

interface UserIds {
  readonly uid: number
  readonly gid: number
}

function userIds(): UserIds {
  return { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 }
}
