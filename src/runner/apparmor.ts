import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, realpathSync } from 'node:fs'

/** Where the profile goes; AppArmor loads every file of this directory at boot too. */
export const PROFILE_PATH = '/etc/apparmor.d/mcp-lint-bwrap'

/** The sysctl ubuntu-24.04 sets to 1: user namespaces only for profiles that grant `userns`. */
const RESTRICTION = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns'

/**
 * A profile that grants bwrap (and only bwrap, by its real path) user namespaces, leaving it
 * otherwise unconfined: the least privilege that lets it sandbox unprivileged, as the profiles
 * Ubuntu ships for bwrap (25.04's bwrap-userns-restrict) and browsers do.
 */
export function appArmorProfile(bwrapPath: string): string {
  return `# Written by mcp-lint: lets bubblewrap create user namespaces under
# kernel.apparmor_restrict_unprivileged_userns=1, so MCP servers are sandboxed without root.
abi <abi/4.0>,
include <tunables/global>

profile mcp-lint-bwrap ${bwrapPath} flags=(unconfined) {
  userns,

  include if exists <local/mcp-lint-bwrap>
}
`
}

/** Whether AppArmor is what refuses user namespaces here: loaded, and the restriction on. */
export function restrictsUserNamespaces(read: (path: string) => string | undefined): boolean {
  return (
    read('/sys/module/apparmor/parameters/enabled')?.trim() === 'Y' &&
    read(RESTRICTION)?.trim() === '1'
  )
}

/**
 * Installs and loads the profile through passwordless sudo when AppArmor's restriction is what
 * stops bwrap; returns what was changed, or undefined when nothing was (AppArmor absent, no sudo,
 * no apparmor_parser, or loading failed). Never throws: the sudo fallback comes next.
 */
export function grantUserNamespaces(log: (line: string) => void): string | undefined {
  if (!restrictsUserNamespaces(readIfPresent)) return undefined
  const bwrap = resolveBwrap()
  if (bwrap === undefined) return undefined
  const sudo = (args: readonly string[], input?: string) =>
    spawnSync('sudo', ['-n', ...args], {
      encoding: 'utf8',
      timeout: 30_000,
      ...(input === undefined ? {} : { input })
    })
  if (sudo(['true']).status !== 0) return undefined
  const written = sudo(['tee', PROFILE_PATH], appArmorProfile(bwrap))
  if (written.status !== 0) return undefined
  const loaded = sudo(['apparmor_parser', '--replace', PROFILE_PATH])
  if (loaded.status !== 0) {
    log(
      `sandbox: could not load ${PROFILE_PATH} (${(loaded.stderr || 'apparmor_parser failed').trim().split('\n')[0] ?? ''})`
    )
    return undefined
  }
  const change = `AppArmor forbids user namespaces here; granted them to ${bwrap} with the profile ${PROFILE_PATH}`
  log(`sandbox: ${change}`)
  return change
}

function resolveBwrap(): string | undefined {
  for (const candidate of ['/usr/bin/bwrap', '/bin/bwrap'])
    if (existsSync(candidate)) return realpathSync(candidate)
  return undefined
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}
