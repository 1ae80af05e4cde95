import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, mkdtempSync, realpathSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { grantUserNamespaces } from './apparmor.js'
import type { LaunchRequest } from './launch.js'
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
    npmCache: string
  ): { command: string; args: string[]; env: Record<string, string>; cwd: string }
}

const SANDBOX_HOME = '/home/mcp-lint'

/** Variables every server gets; nothing else from the runner's environment reaches it. */
function baseEnv(home: string, npmCache: string, path: string): Record<string, string> {
  return {
    HOME: home,
    PATH: path,
    LANG: 'C.UTF-8',
    TMPDIR: '/tmp',
    NO_COLOR: '1',
    NO_UPDATE_NOTIFIER: '1',
    npm_config_cache: npmCache,
    npm_config_offline: 'true',
    npm_config_yes: 'true',
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    PUPPETEER_SKIP_DOWNLOAD: 'true'
  }
}

/** Where node and npx live when that is not under /usr (GitHub's toolcache, nvm): mounted read-only. */
interface Toolchain {
  readonly binds: readonly string[]
  readonly path: readonly string[]
}

function findToolchain(): Toolchain {
  const binds = new Set<string>()
  const path = new Set<string>()
  const underUsr = (dir: string) => dir === '/usr' || dir.startsWith('/usr/')
  for (const tool of ['node', 'npx']) {
    const found = which(tool)
    if (found === undefined) continue
    const bin = dirname(found)
    const prefix = dirname(dirname(realpathSync(found)))
    if (!underUsr(prefix) && prefix !== '/') binds.add(prefix)
    if (!underUsr(bin) && bin !== '/bin') binds.add(bin)
    path.add(bin)
  }
  return { binds: [...binds].sort(), path: [...path] }
}

/**
 * Who the server is inside the sandbox, by who starts bubblewrap:
 * - `user`: an unprivileged caller; bubblewrap's user namespace maps the caller's own uid.
 * - `root`: the caller is root (container jobs, self-hosted runners); a user namespace maps it to
 *   uid 65534 and every capability is dropped, so the server cannot remount or write the host.
 * - `sudo`: bubblewrap runs as root through passwordless sudo because user namespaces are refused
 *   (GitHub's ubuntu-24.04 images); no user namespace, and the server drops to the caller's uid
 *   with setpriv, clearing every capability, so it owns what it writes as the caller does.
 */
type Isolation = 'user' | 'root' | 'sudo'

/** The unprivileged uid a root caller's servers run as (nobody). */
const ROOT_SANDBOX_ID = 65534

let disableUserns: boolean | undefined

/**
 * `--disable-userns` (bubblewrap 0.8.0 and later), so a server cannot make a user namespace of its
 * own and reach the kernel code that needs one; left out where bubblewrap is older.
 */
function nestedUserNamespaces(): string[] {
  disableUserns ??= spawnSync('bwrap', ['--help'], { encoding: 'utf8' }).stdout.includes(
    '--disable-userns'
  )
  return disableUserns ? ['--disable-userns'] : []
}

/** The system part of the sandbox: /usr (and merged-/usr links), certificates, users; nothing of the runner. */
function systemArgs(isolation: Isolation): string[] {
  const namespaces =
    isolation === 'sudo'
      ? // Root outside: a user namespace would map only uid 0 and the drop to the caller fail.
        ['--unshare-ipc', '--unshare-pid', '--unshare-net', '--unshare-uts', '--unshare-cgroup-try']
      : isolation === 'root'
        ? [
            '--unshare-all',
            '--unshare-user',
            ...nestedUserNamespaces(),
            '--uid',
            String(ROOT_SANDBOX_ID),
            '--gid',
            String(ROOT_SANDBOX_ID),
            '--cap-drop',
            'ALL'
          ]
        : ['--unshare-all', '--unshare-user', ...nestedUserNamespaces()]
  const args = [
    ...namespaces,
    '--die-with-parent',
    '--new-session',
    '--clearenv',
    '--ro-bind',
    '/usr',
    '/usr'
  ]
  for (const dir of ['bin', 'lib', 'lib64', 'lib32', 'sbin']) {
    const path = `/${dir}`
    if (!existsSync(path)) continue
    if (lstatSync(path).isSymbolicLink()) args.push('--symlink', `usr/${dir}`, path)
    else args.push('--ro-bind', path, path)
  }
  // Bubblewrap running as root makes missing parents 0700, which the server's uid could not cross.
  args.push('--perms', '0755', '--dir', '/etc')
  for (const path of [
    '/etc/ssl',
    '/etc/ca-certificates',
    '/etc/alternatives',
    '/etc/passwd',
    '/etc/group',
    '/etc/nsswitch.conf'
  ]) {
    args.push('--ro-bind-try', path, path)
  }
  // Under sudo the directories bubblewrap makes are root's: the server's uid must write them.
  args.push(
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--perms',
    '1777',
    '--tmpfs',
    '/tmp',
    '--tmpfs',
    '/home',
    '--perms',
    '0777',
    '--dir',
    SANDBOX_HOME
  )
  return args
}

function bwrapArgs(
  isolation: Isolation,
  request: LaunchRequest,
  root: string,
  npmCache: string,
  toolchain: Toolchain
): string[] {
  const path = [...new Set([...toolchain.path, '/usr/local/bin', '/usr/bin', '/bin'])].join(':')
  const env = { ...baseEnv(SANDBOX_HOME, `${SANDBOX_HOME}/.npm`, path), ...request.env }
  const args = [...systemArgs(isolation), '--bind', npmCache, `${SANDBOX_HOME}/.npm`]
  const made = new Set(['/etc', '/usr', '/tmp', '/home', '/proc', '/dev', SANDBOX_HOME])
  for (const dir of toolchain.binds) args.push(...parentDirs(dir, made), '--ro-bind', dir, dir)
  // The repository, read-only, at its own path (configs name files in it), with .git hidden.
  args.push(...parentDirs(root, made), '--ro-bind', root, root)
  const git = join(root, '.git')
  if (existsSync(git))
    args.push(...(statSync(git).isDirectory() ? ['--tmpfs', git] : ['--ro-bind', '/dev/null', git]))
  args.push('--chdir', request.cwd)
  for (const [key, value] of Object.entries(env)) args.push('--setenv', key, value)
  return args
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
 * `--dir` for each ancestor of a bind's destination not made yet, world-traversable: bubblewrap
 * running as root (the sudo path) would make them 0700, and the server's uid could not reach the
 * repository under them (`/home/runner/work/…` on hosted runners).
 */
function parentDirs(path: string, made: Set<string>): string[] {
  const args: string[] = []
  const parts = path.split('/').filter((part) => part !== '')
  for (let index = 1; index < parts.length; index++) {
    const dir = `/${parts.slice(0, index).join('/')}`
    if (made.has(dir)) continue
    made.add(dir)
    args.push('--perms', '0755', '--dir', dir)
  }
  return args
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
      if (isolation !== 'sudo')
        return {
          command: 'bwrap',
          args: [...args, '--', request.command, ...request.args],
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
        args: ['-n', 'bwrap', ...args, '--', ...drop, request.command, ...request.args],
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
      const env = {
        ...baseEnv(home, npmCache, process.env.PATH ?? '/usr/bin:/bin'),
        TMPDIR: home,
        ...request.env
      }
      return { command: request.command, args: [...request.args], env, cwd: request.cwd }
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
