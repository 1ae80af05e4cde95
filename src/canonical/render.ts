import { shlexWords } from '../parse/command-line.js'
import { plainObject, type PlainObject } from '../model/tree.js'
import type { Dialect } from '../platforms/platform.js'
import type { CanonicalServer, FieldPath } from './canonical.js'
import { projectPathWriter } from './project-paths.js'
import { fromCanonical, parseCanonical, passthroughName } from './references.js'

/** A part of a source server the platform cannot express, with the path of the value in the source entry. */
export interface Unexpressible {
  readonly path: FieldPath
  readonly reason: string
}

export interface Rendered {
  /** The server entry as the platform writes it; undefined when the platform cannot have it at all. */
  readonly value: PlainObject | undefined
  readonly problems: readonly Unexpressible[]
}

/**
 * Writes a canonical server in the platform's own shape: key names, `type` rules, reference syntax,
 * Codex's env_vars and bearer_token_env_var. Whatever the platform cannot express is reported, and
 * the rest is rendered as closely as it can be.
 */
export function renderServer(
  platform: Dialect,
  server: CanonicalServer,
  extras: PlainObject = plainObject(),
  description?: string,
  /** `as-is` for a generator's files: rulesync and ruler copy paths as they are. */
  projectPaths: 'per-platform' | 'as-is' = 'per-platform'
): Rendered {
  const t = platform.translation
  const name = platform.displayName
  const problems: Unexpressible[] = []
  if (!t.transports.includes(server.transport)) {
    const what = server.transport === 'stdio' ? 'local (stdio)' : `remote (${server.transport})`
    return {
      value: undefined,
      problems: [{ path: [], reason: `${name} cannot run a ${what} server` }]
    }
  }
  const defaults = platform.interpolation.syntaxes.includes('brace-default')
  const text = (value: string, path: FieldPath): string => {
    const rendered =
      t.references === 'env-vars' || t.references === 'none'
        ? fromCanonical(value, 'none', false)
        : fromCanonical(value, t.references, defaults)
    if (rendered !== undefined) return rendered
    problems.push({ path, reason: unexpressibleText(platform, value) })
    return parseCanonical(value)
      .map((segment) => segment.text)
      .join('')
  }

  // A path relative to the project, where the platform may start the server elsewhere.
  const projectPath =
    projectPaths === 'as-is' ? (value: string) => value : projectPathWriter(platform)
  const local = (value: string, path: FieldPath): string => {
    const written = projectPath(value)
    if (written !== undefined) return text(written, path)
    problems.push({
      path,
      reason: `${name} starts servers outside the project and has no variable for the project folder: give an absolute path in "overrides"`
    })
    return text(value, path)
  }

  // No Object.prototype, as toPlain's objects: a `__proto__` key (an env name or override from the
  // source) becomes an ordinary field instead of replacing the prototype or vanishing.
  const out = plainObject()
  const type = t.typeValues[server.transport]
  if (type !== undefined) out[t.typeKey ?? 'type'] = type
  if (server.transport === 'stdio') {
    const command =
      server.command === undefined ? undefined : local(server.command.value, server.command.path)
    const args = server.args.map((arg) => local(arg.value, arg.path))
    if (t.commandArray === true) {
      if (command !== undefined) out.command = [command, ...args]
    } else if (t.commandLine === true) {
      // A string command is split into words: one that would not stay one word goes in an array.
      if (command !== undefined) out.command = isOneWord(command) ? command : [command]
      if (args.length > 0) out.args = args
    } else {
      if (command !== undefined) out.command = command
      if (args.length > 0) out.args = args
    }
    renderEnv(platform, server, out, local, problems)
    if (server.cwd !== undefined) {
      if (t.cwd) out.cwd = local(server.cwd.value, server.cwd.path)
      else
        problems.push({
          path: server.cwd.path,
          reason: `${name} has no "cwd": servers start in its own working directory`
        })
    }
  } else {
    if (server.url !== undefined) out[t.urlKey] = text(server.url.value, server.url.path)
    renderHeaders(platform, server, out, text, problems)
  }
  renderToolLists(platform, server, out, problems)
  renderTimeouts(platform, server, out, problems)
  if (description !== undefined && t.description) out.description = description
  for (const [key, value] of Object.entries(extras)) out[key] = value
  if (server.disabled?.value === true) {
    if (t.disabled === undefined) {
      problems.push({
        path: server.disabled.path,
        reason: `${name} files cannot mark a server disabled: leave ${name} out of "platforms"`
      })
    } else out[t.disabled.key] = t.disabled.whenDisabled
  }
  return { value: out, problems }
}

type Text = (value: string, path: FieldPath) => string

/** The timeouts in the platform's fields and units, or why it cannot have them. */
function renderTimeouts(
  platform: Dialect,
  server: CanonicalServer,
  out: PlainObject,
  problems: Unexpressible[]
): void {
  // Most entries have neither: no list of three to build for them.
  if (server.toolTimeout === undefined && server.startupTimeout === undefined) return
  const fields = platform.translation.timeouts
  const timeouts = [
    [server.toolTimeout, fields?.tool, 'timeout for one tool call'],
    [server.startupTimeout, fields?.startup, "timeout for the server's start"]
  ] as const
  for (const [timeout, field, what] of timeouts) {
    if (timeout === undefined) continue
    if (field === undefined)
      problems.push({
        path: timeout.path,
        reason: `${platform.displayName} has no ${what}: it uses its own default`
      })
    else out[field.key] = field.unit === 's' ? timeout.value / 1000 : timeout.value
  }
}

/** The tool allow- and deny-lists under the platform's names, or why it cannot have them. */
function renderToolLists(
  platform: Dialect,
  server: CanonicalServer,
  out: PlainObject,
  problems: Unexpressible[]
): void {
  if (server.includeTools === undefined && server.excludeTools === undefined) return
  const filters = platform.tools?.filters
  const lists = [
    [
      server.includeTools,
      filters?.allow,
      'allow-list of tools: it would load every tool of the server'
    ],
    [server.excludeTools, filters?.deny, 'deny-list of tools: it would load the listed tools too']
  ] as const
  for (const [list, key, lacks] of lists) {
    if (list === undefined) continue
    if (key === undefined) {
      const path = list[0]?.path.slice(0, -1) ?? []
      problems.push({ path, reason: `${platform.displayName} has no ${lacks}` })
    } else out[key] = list.map((tool) => tool.value)
  }
}

function isOneWord(command: string): boolean {
  const words = shlexWords(command)
  return words?.length === 1 && words[0] === command
}

function renderEnv(
  platform: Dialect,
  server: CanonicalServer,
  out: PlainObject,
  text: Text,
  problems: Unexpressible[]
): void {
  const t = platform.translation
  const env = plainObject()
  const forwarded: string[] = []
  for (const [key, value] of server.env) {
    const passthrough = passthroughName(value.value) === key
    if ((t.references === 'env-vars' || t.references === 'none') && passthrough) {
      // The server inherits the variable: Codex lists it in env_vars, the others leave it out.
      if (t.references === 'env-vars') forwarded.push(key)
    } else if (
      (t.references === 'env-vars' || t.references === 'none') &&
      parseCanonical(value.value).some((s) => s.name !== undefined)
    ) {
      problems.push({
        path: value.path,
        reason:
          t.references === 'env-vars'
            ? `Codex forwards variables only under their own name (env_vars), so ${key} cannot come from another variable`
            : `${platform.displayName} expands no references, so ${key} cannot come from another variable`
      })
    } else env[key] = text(value.value, value.path)
  }
  if (Object.keys(env).length > 0) out[t.envKey ?? 'env'] = env
  if (forwarded.length > 0) out.env_vars = forwarded
}

function renderHeaders(
  platform: Dialect,
  server: CanonicalServer,
  out: PlainObject,
  text: Text,
  problems: Unexpressible[]
): void {
  const t = platform.translation
  if (server.headers.size === 0) return
  if (!t.headers) {
    problems.push({ path: ['headers'], reason: `${platform.displayName} cannot send headers` })
    return
  }
  if (t.references !== 'env-vars') {
    const headers = plainObject()
    for (const [key, value] of server.headers) headers[key] = text(value.value, value.path)
    // Nested where the platform keeps them (Continue's requestOptions.headers).
    const [first, ...rest] = t.headersAt ?? ['headers']
    out[first] = rest.reduceRight<PlainObject>((inner, key) => ({ [key]: inner }), headers)
    return
  }
  const literal = plainObject()
  const fromEnv = plainObject()
  for (const [key, value] of server.headers) {
    const segments = parseCanonical(value.value)
    const names = segments.filter((segment) => segment.name !== undefined)
    const bearer =
      key === 'Authorization' && segments.length === 2 && segments[0]?.text === 'Bearer '
        ? segments[1]?.name
        : undefined
    if (names.length === 0) literal[key] = text(value.value, value.path)
    else if (bearer !== undefined && segments[1]?.fallback === undefined)
      out.bearer_token_env_var = bearer
    else if (
      segments.length === 1 &&
      names[0]?.name !== undefined &&
      names[0].fallback === undefined
    )
      fromEnv[key] = names[0].name
    else
      problems.push({
        path: value.path,
        reason: `Codex can set header ${key} only to a whole variable (env_http_headers) or "Bearer \${VAR}"`
      })
  }
  if (Object.keys(fromEnv).length > 0) out.env_http_headers = fromEnv
  if (Object.keys(literal).length > 0) out.http_headers = literal
}

function unexpressibleText(platform: Dialect, value: string): string {
  const segments = parseCanonical(value)
  const t = platform.translation
  if (
    segments.some((segment) => segment.fallback !== undefined) &&
    t.references !== 'none' &&
    t.references !== 'env-vars'
  ) {
    return `${platform.displayName} has no \${VAR:-default} syntax`
  }
  if (segments.some((segment) => segment.name !== undefined))
    return `${platform.displayName} expands no references here`
  return `${platform.displayName} would expand the literal "\${" in this value`
}
