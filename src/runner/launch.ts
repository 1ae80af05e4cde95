import { isAbsolute, relative, resolve } from 'node:path'
import type { HeaderBinding } from '../config/remote-headers.js'
import type { AnyConfigFile, ServerEntry } from '../model/workspace.js'
import type { CanonicalServer } from '../canonical/canonical.js'
import { normalizeEntry } from '../canonical/normalize.js'
import { parseCanonical } from '../canonical/references.js'
import { packageName, packageOf } from '../model/launcher.js'
import { quote } from '../util/quote.js'
import { SANDBOX_HOME } from './home.js'
import { expandLaunchText, type LaunchField, type LaunchText } from './launch-text.js'
import { which } from './which.js'

/** Launchers mcp-lint runs, by command name. Anything else is skipped: it is not known to be a server launcher. */
export type LaunchKind = 'npx' | 'node' | 'python' | 'uvx' | 'pipx' | 'docker' | 'repo-binary'

const launchers: Readonly<Record<string, LaunchKind>> = {
  npx: 'npx',
  node: 'node',
  nodejs: 'node',
  python: 'python',
  python3: 'python',
  uvx: 'uvx',
  uv: 'uvx',
  pipx: 'pipx',
  docker: 'docker',
  podman: 'docker'
}

export interface LaunchRequest {
  /** Identical launches (the same server in several files) run once. */
  readonly key: string
  readonly kind: LaunchKind
  readonly command: string
  readonly args: readonly string[]
  /**
   * The launch as the lockfile and the report record it: path variables as the config writes them,
   * so the record does not depend on where the repository is checked out.
   */
  readonly recorded: { readonly command: string; readonly args: readonly string[] }
  /** The server's own environment, references replaced by placeholders. */
  readonly env: Readonly<Record<string, string>>
  /** Absolute, inside the repository. */
  readonly cwd: string
  /** Variables the configuration references, given a placeholder instead of a value. */
  readonly placeholders: readonly string[]
  /** For npx: the package spec to prefetch (`pkg@1.2.3`) and its name. */
  readonly packageSpec?: string
  readonly packageName?: string
}

export type SkipReason = 'remote' | 'disabled' | 'not-allowed' | 'docker' | 'launcher-unavailable'

/** A remote server to connect to: literal headers from the config plus ones from named variables. */
export interface RemoteRequest {
  readonly key: string
  readonly url: string
  readonly transport: 'http' | 'sse'
  readonly headers: Readonly<Record<string, string>>
}

export interface RemoteSettings {
  readonly enabled: boolean
  /** Headers the workflow or command line binds to servers, from variables it names. */
  readonly bindings: readonly HeaderBinding[]
  /**
   * Per server name, the URLs the trusted revision (a pull request's base) gives it: a bound header
   * goes only to one of these. Undefined when the checkout itself is trusted (push, schedule, CLI).
   */
  readonly trustedUrls?: ReadonlyMap<string, ReadonlySet<string>>
  /** For tests against a local server: http:// and private addresses allowed. */
  readonly allowPrivateHosts: boolean
}

export const noRemote: RemoteSettings = { enabled: false, bindings: [], allowPrivateHosts: false }

export type LaunchDecision =
  | { readonly launch: LaunchRequest }
  | { readonly remote: RemoteRequest }
  | { readonly skip: SkipReason; readonly detail: string }

/**
 * Decides whether and how to launch one server entry of a config file. `home` is the HOME the
 * server will get, which `${userHome}` and VS Code's `~` expand to.
 */
export function planLaunch(
  root: string,
  file: AnyConfigFile,
  entry: ServerEntry,
  remote: RemoteSettings = noRemote,
  home: string = SANDBOX_HOME
): LaunchDecision {
  const server = normalizeEntry(file.platform, entry)
  if (server.disabled?.value === true)
    return { skip: 'disabled', detail: `the server is disabled in ${file.path}` }
  if (server.transport !== 'stdio') return planRemote(server, entry.name.value, remote)
  const placeholders = new Set<string>()
  const expand = (text: string, field: LaunchField): LaunchText => {
    const expanded = expandLaunchText(text, field, file.platform, { workspace: root, home })
    for (const name of expanded.placeholders) placeholders.add(name)
    return expanded
  }
  const command = expand(server.command?.value ?? '', 'command')
  const args = server.args.map((arg) => expand(arg.value, 'args'))
  const values = args.map((arg) => arg.value)
  const env = Object.fromEntries(
    [...server.env].map(([key, value]) => [key, expand(value.value, 'env').value])
  )
  const cwd = resolveCwd(
    root,
    server.cwd === undefined ? undefined : expand(server.cwd.value, 'cwd').value
  )
  const kind = classify(root, cwd, command.value)
  if (kind === undefined) {
    return {
      skip: 'not-allowed',
      detail: `"${command.written}" is not an allowed launcher (npx, node, python, or a program inside the repository)`
    }
  }
  if (kind === 'docker') {
    return {
      skip: 'docker',
      detail: 'docker and podman launches are not enumerated: the sandbox has no container engine'
    }
  }
  if (kind === 'uvx' || kind === 'pipx') {
    // Python packages would need the same fetch-then-offline treatment as npm; until then they
    // are reported, not run without their packages.
    const tool = kind === 'uvx' ? 'uvx' : 'pipx'
    const installed = which(command.value.split('/').at(-1) ?? tool) !== undefined
    return {
      skip: 'launcher-unavailable',
      detail: installed
        ? `${tool} launches are not enumerated yet: mcp-lint cannot fetch Python packages ahead of the offline sandbox`
        : `${tool} is not installed on this machine`
    }
  }
  const script =
    kind === 'node' || kind === 'python'
      ? args.find((arg) => !arg.value.startsWith('-'))
      : undefined
  if (script !== undefined && isAbsolute(script.value) && !isInside(root, script.value)) {
    return {
      skip: 'not-allowed',
      detail: `the script ${script.written} is outside the repository, so the sandbox cannot see it`
    }
  }
  const request = {
    key: JSON.stringify([command.value, values, Object.entries(env).sort(), cwd]),
    kind,
    command: command.value,
    args: values,
    recorded: { command: command.written, args: args.map((arg) => arg.written) },
    env,
    cwd,
    placeholders: [...placeholders].sort()
  }
  const spec = kind === 'npx' ? packageOf(command.value, values)?.spec : undefined
  return {
    launch:
      spec === undefined
        ? request
        : { ...request, packageSpec: spec, packageName: packageName(spec) }
  }
}

/** The URL a remote server entry connects to, as planRemote would use it; undefined for stdio. */
export function remoteUrlOf(file: AnyConfigFile, entry: ServerEntry): string | undefined {
  const server = normalizeEntry(file.platform, entry)
  if (server.transport === 'stdio' || server.url === undefined) return undefined
  return hasReference(server.url.value) ? undefined : plainText(server.url.value)
}

function hasReference(text: string): boolean {
  return parseCanonical(text).some((segment) => segment.name !== undefined)
}

function plainText(text: string): string {
  return parseCanonical(text)
    .map((segment) => segment.text)
    .join('')
}

function planRemote(
  server: CanonicalServer,
  name: string,
  settings: RemoteSettings
): LaunchDecision {
  const transport = server.transport === 'sse' ? 'sse' : 'http'
  if (!settings.enabled)
    return {
      skip: 'remote',
      detail: `remote (${transport}) servers are enumerated only when enabled`
    }
  const url = server.url?.value ?? ''
  if (hasReference(url)) {
    return {
      skip: 'not-allowed',
      detail:
        'the url references an environment variable, which mcp-lint never fills from the runner'
    }
  }
  const plainUrl = plainText(url)
  const bound = settings.bindings.filter((binding) => binding.server === name)
  const untrusted = bound.length > 0 ? untrustedUrl(name, plainUrl, settings, bound) : undefined
  if (untrusted !== undefined) return { skip: 'not-allowed', detail: untrusted }
  // Literal headers are sent as configured; the others only from variables the workflow binds.
  const headers: Record<string, string> = {}
  for (const [key, value] of server.headers) {
    if (!parseCanonical(value.value).some((segment) => segment.name !== undefined))
      headers[key] = parseCanonical(value.value)
        .map((segment) => segment.text)
        .join('')
  }
  for (const { header, variable } of bound) {
    const value = process.env[variable]
    if (value !== undefined) headers[header] = value
  }
  return {
    remote: {
      key: JSON.stringify([plainUrl, transport, Object.keys(headers).sort()]),
      url: plainUrl,
      transport,
      headers
    }
  }
}

/**
 * Why a header bound to this server must not go to this URL: on a pull request, only the URL the
 * base branch gives the server is trusted, so a PR cannot redirect a secret to a host it chose.
 */
function untrustedUrl(
  name: string,
  url: string,
  settings: RemoteSettings,
  bound: readonly HeaderBinding[]
): string | undefined {
  const trusted = settings.trustedUrls?.get(name)
  if (settings.trustedUrls === undefined || trusted?.has(url) === true) return undefined
  const headers = bound.map((binding) => binding.header).join(', ')
  return trusted === undefined
    ? `the base branch has no remote server named ${quote(name)}, so the ${headers} header the workflow binds to it is not sent; it is enumerated after merge`
    : `its url differs from the base branch's, so the ${headers} header the workflow binds to it is not sent; it is enumerated after merge`
}

/**
 * The directory the server starts in: its `cwd` where the platform reads one, resolved against the
 * repository root, else the root. The root is the workspace or the launch directory of every
 * platform whose start directory is confirmed (platform.launch.cwd). Cursor, Roo Code and Claude
 * Desktop are reported to start servers elsewhere (the home directory, the app's own directory);
 * mimicking an unconfirmed report would fail every repository-relative path, so the root stands in
 * (launch-variables.test.ts fails when one of them is confirmed).
 */
function resolveCwd(root: string, cwd: string | undefined): string {
  if (cwd === undefined) return root
  const resolved = resolve(root, cwd)
  return isInside(root, resolved) ? resolved : root
}

function classify(root: string, cwd: string, command: string): LaunchKind | undefined {
  if (/^[A-Za-z]:[\\/]/.test(command) || command.includes('\\')) return undefined // a Windows path
  const base =
    command
      .split('/')
      .at(-1)
      ?.replace(/\.(exe|cmd)$/i, '') ?? ''
  if (!command.includes('/')) return launchers[base]
  // A path: a program in the repository runs; one elsewhere on the runner does not.
  return isInside(root, resolve(cwd, command)) ? 'repo-binary' : undefined
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}
