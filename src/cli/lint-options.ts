import { launchRefusal } from '../action/event-policy.js'
import { join } from 'node:path'
import { escapeLogLine } from '../reporters/escape/log-line.js'
import { parsePlatformList } from '../platforms/index.js'
import type { EnumerateRequest, LintOptions } from '../lint.js'
import { parseHeaderBindings } from '../config/remote-headers.js'
import { UsageError } from '../util/errors.js'
import type { CliIO } from './io.js'
import type { Values } from './options.js'

/** What every command that reads a repository takes: the root, config, source, platforms, environment. */
export function lintOptions(values: Values, root: string): LintOptions {
  return {
    root,
    ...(values.config === undefined ? {} : { configFile: values.config }),
    ...(values.environment === undefined ? {} : { environment: values.environment }),
    ...(values.source === undefined ? {} : { sourcePath: values.source }),
    ...(values.platforms === undefined
      ? {}
      : { platforms: parsePlatformList(values.platforms, '--platforms') })
  }
}

/** The one directory a command takes, or the current one. */
export function oneDirectory(positionals: readonly string[], command: string): string {
  if (positionals.length > 1)
    throw new UsageError(
      `"${command}" takes one directory, got ${positionals.length} (see mcp-lint ${command} --help)`
    )
  return positionals[0] ?? '.'
}

export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value)
  if (found === undefined)
    throw new UsageError(`${option} must be one of ${allowed.join(', ')}, not "${value}"`)
  return found
}

const sandboxModes = ['auto', 'bwrap', 'none'] as const

/** check --enumerate and lock: the sandbox, limits, remote servers, cache and progress. */
export function enumerateRequest(
  values: Values,
  io: CliIO,
  onProgress: (line: string) => void
): EnumerateRequest {
  const sandbox =
    values.sandbox === undefined ? undefined : oneOf('--sandbox', values.sandbox, sandboxModes)
  const timeoutSeconds = positiveNumber('--timeout', values.timeout, false)
  const concurrency = positiveNumber('--concurrency', values.concurrency, true)
  const remoteHeaders = parseHeaderBindings(values['remote-header'] ?? [], '--remote-header')
  if (
    values.remote !== true &&
    (remoteHeaders.length > 0 || values['allow-private-hosts'] === true)
  )
    throw new UsageError('--remote-header and --allow-private-hosts need --remote')
  const cacheDir = values['no-cache'] === true ? undefined : userCacheDir(io.env ?? {})
  const refusal = launchRefusal(io.env?.GITHUB_EVENT_NAME)
  return {
    ...(sandbox === undefined ? {} : { sandbox }),
    ...(timeoutSeconds === undefined ? {} : { timeoutSeconds }),
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(values.remote === true ? { remote: true, remoteHeaders } : {}),
    ...(values['allow-private-hosts'] === true ? { allowPrivateHosts: true } : {}),
    ...(cacheDir === undefined ? {} : { cacheDir }),
    ...(refusal === undefined ? {} : { refusal }),
    onProgress
  }
}

/**
 * Where npm packages fetched for enumeration are kept between runs: MCP_LINT_CACHE_DIR, else
 * mcp-lint/npm under the XDG cache directory ($XDG_CACHE_HOME, else ~/.cache). Undefined when
 * neither can be found: then each run fetches into a fresh directory.
 */
export function userCacheDir(
  env: Readonly<Record<string, string | undefined>>
): string | undefined {
  const explicit = env.MCP_LINT_CACHE_DIR
  if (explicit !== undefined && explicit !== '') return explicit
  // The XDG spec: a relative XDG_CACHE_HOME is invalid and must be ignored.
  const xdg = env.XDG_CACHE_HOME
  if (xdg?.startsWith('/') === true) return join(xdg, 'mcp-lint', 'npm')
  const home = env.HOME
  if (home?.startsWith('/') === true) return join(home, '.cache', 'mcp-lint', 'npm')
  return undefined
}

function positiveNumber(
  option: string,
  value: string | undefined,
  integer: boolean
): number | undefined {
  if (value === undefined) return undefined
  const parsed = Number(value)
  if (!Number.isFinite(parsed) || parsed <= 0 || (integer && !Number.isInteger(parsed))) {
    throw new UsageError(
      `${option} must be a positive ${integer ? 'integer' : 'number'}, not "${escapeLogLine(value.slice(0, 40))}"`
    )
  }
  return parsed
}
