import { spawnSync } from 'node:child_process'
import { existsSync, lstatSync, mkdtempSync, realpathSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import type { LaunchRequest } from './launch.js'

export type SandboxMode = 'auto' | 'bwrap' | 'none'

/** How a server process is started and stopped. */
export interface Sandbox {
  readonly kind: 'bwrap' | 'sudo-bwrap' | 'none'
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

export function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, command)
    try {
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // Not in this directory.
    }
  }
  return undefined
}

/** The system part of the sandbox: /usr (and merged-/usr links), certificates, users; nothing of the runner. */
function systemArgs(): string[] {
  const args = [
    '--unshare-all',
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
  args.push(
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--tmpfs',
    '/tmp',
    '--tmpfs',
    '/home',
    '--dir',
    SANDBOX_HOME
  )
  return args
}

function bwrapArgs(
  request: LaunchRequest,
  root: string,
  npmCache: string,
  toolchain: Toolchain
): string[] {
  const path = [...new Set([...toolchain.path, '/usr/local/bin', '/usr/bin', '/bin'])].join(':')
  const env = { ...baseEnv(SANDBOX_HOME, `${SANDBOX_HOME}/.npm`, path), ...request.env }
  const args = [...systemArgs(), '--bind', npmCache, `${SANDBOX_HOME}/.npm`]
  for (const dir of toolchain.binds) args.push('--ro-bind', dir, dir)
  // The repository, read-only, at its own path (configs name files in it), with .git hidden.
  args.push('--ro-bind', root, root)
  const git = join(root, '.git')
  if (existsSync(git))
    args.push(...(statSync(git).isDirectory() ? ['--tmpfs', git] : ['--ro-bind', '/dev/null', git]))
  args.push('--chdir', request.cwd)
  for (const [key, value] of Object.entries(env)) args.push('--setenv', key, value)
  return args
}

/**
 * Finds a sandbox that works on this machine. `auto` and `bwrap` try bubblewrap, then bubblewrap
 * through passwordless sudo (GitHub's ubuntu-24.04 runners forbid unprivileged user namespaces);
 * `none` runs servers directly and must be asked for explicitly.
 */
export function prepareSandbox(
  mode: SandboxMode,
  root: string
): { sandbox: Sandbox } | { unavailable: string } {
  if (mode === 'none') return { sandbox: unsandboxed() }
  if (which('bwrap') === undefined) {
    return {
      unavailable:
        'bubblewrap (bwrap) is not installed: install it (apt-get install bubblewrap) or set the sandbox to "none" explicitly'
    }
  }
  const toolchain = findToolchain()
  const probe = [...systemArgs(), '--', 'true']
  const direct = spawnSync('bwrap', probe, { encoding: 'utf8', timeout: 10_000 })
  if (direct.status === 0) return { sandbox: bubblewrap('bwrap', root, toolchain) }
  const sudo =
    which('sudo') !== undefined
      ? spawnSync('sudo', ['-n', 'bwrap', ...probe], { encoding: 'utf8', timeout: 10_000 })
      : undefined
  if (sudo?.status === 0) return { sandbox: bubblewrap('sudo-bwrap', root, toolchain) }
  const said =
    direct.stderr.trim() === ''
      ? (direct.error?.message ?? `exit ${String(direct.status)}`)
      : direct.stderr
  const reason = said.trim().split('\n')[0] ?? ''
  return {
    unavailable:
      `bubblewrap cannot create a sandbox here (${reason}); on ubuntu-24.04 runners allow user namespaces ` +
      '(sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0) or give the runner passwordless sudo'
  }
}

function bubblewrap(kind: 'bwrap' | 'sudo-bwrap', root: string, toolchain: Toolchain): Sandbox {
  const user = kind === 'sudo-bwrap' ? userIds() : undefined
  return {
    kind,
    command: (request, npmCache) => {
      const args = bwrapArgs(request, root, npmCache, toolchain)
      // Under sudo, bwrap runs as root: the server drops back to the runner's user inside.
      const inner =
        user === undefined
          ? [request.command, ...request.args]
          : [
              'setpriv',
              `--reuid=${user.uid}`,
              `--regid=${user.gid}`,
              '--init-groups',
              '--',
              request.command,
              ...request.args
            ]
      return kind === 'bwrap'
        ? { command: 'bwrap', args: [...args, '--', ...inner], env: {}, cwd: root }
        : { command: 'sudo', args: ['-n', 'bwrap', ...args, '--', ...inner], env: {}, cwd: root }
    }
  }
}

function unsandboxed(): Sandbox {
  return {
    kind: 'none',
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

function userIds(): { uid: number; gid: number } {
  return { uid: process.getuid?.() ?? 0, gid: process.getgid?.() ?? 0 }
}
