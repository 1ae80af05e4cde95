import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { SANDBOX_HOME, SANDBOX_NPM } from './home.js'
import type { LaunchRequest } from './launch.js'
import { withBinPath, type NpmCacheView } from './npm-cache.js'
import { baseEnv } from './server-env.js'
import type { Toolchain } from './toolchain.js'

/**
 * Who the server is inside the sandbox, by who starts bubblewrap:
 * - `user`: an unprivileged caller; bubblewrap's user namespace maps the caller's own uid.
 * - `root`: the caller is root (container jobs, self-hosted runners); a user namespace maps it to
 *   uid 65534 and every capability is dropped, so the server cannot remount or write the host.
 * - `sudo`: bubblewrap runs as root through passwordless sudo because user namespaces are refused
 *   (GitHub's ubuntu-24.04 images); no user namespace, and the server drops to the caller's uid
 *   with setpriv, clearing every capability, so it owns what it writes as the caller does.
 */
export type Isolation = 'user' | 'root' | 'sudo'

/** The unprivileged uid a root caller's servers run as (nobody). */
export const ROOT_SANDBOX_ID = 65534

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
export function systemArgs(isolation: Isolation): string[] {
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

export function bwrapArgs(
  isolation: Isolation,
  request: LaunchRequest,
  root: string,
  npmCache: NpmCacheView,
  toolchain: Toolchain
): string[] {
  const path = [...new Set([...toolchain.path, '/usr/local/bin', '/usr/bin', '/bin'])].join(':')
  const env = withBinPath(
    { ...baseEnv(SANDBOX_HOME, SANDBOX_NPM, path), ...request.env },
    npmCache,
    SANDBOX_NPM
  )
  const args = systemArgs(isolation)
  const made = new Set(['/etc', '/usr', '/tmp', '/home', '/proc', '/dev', SANDBOX_HOME])
  if (npmCache.writable !== undefined) {
    args.push('--bind', npmCache.writable, SANDBOX_NPM)
    made.add(SANDBOX_NPM)
  }
  for (const [source, part] of npmCache.readOnly) {
    const target = `${SANDBOX_NPM}/${part}`
    args.push(...parentDirs(target, made), '--ro-bind', source, target)
  }
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
