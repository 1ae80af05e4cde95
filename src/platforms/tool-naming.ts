/** A server as a naming scheme sees it: its config key, what it calls itself, its tools in order. */
export interface NamingServer {
  readonly name: string
  /** `serverInfo.title || serverInfo.name` from `initialize`: VS Code derives its prefix from it. */
  readonly label?: string | undefined
  readonly tools: readonly string[]
}

/**
 * What a platform did to a tool's name on the way to the model: characters replaced, cut short,
 * shortened with a hash, prefixed because another server has the same tool, dropped, or left in a
 * shape the model provider rejects.
 */
export type NameChange =
  'sanitized' | 'truncated' | 'hashed' | 'renamed' | 'dropped' | 'too-long' | 'invalid'

export interface ExposedTool {
  readonly server: string
  readonly tool: string
  /** The name the model sees; undefined when the platform drops the tool. */
  readonly exposed: string | undefined
  readonly changes: readonly NameChange[]
}

/** A naming formula that treats each tool on its own: the common case. */
export function eachTool(
  name: (server: string, tool: string) => ExposedTool
): (servers: readonly NamingServer[]) => ExposedTool[] {
  return (servers) =>
    servers.flatMap((server) => server.tools.map((tool) => name(server.name, tool)))
}

export function changed(
  server: string,
  tool: string,
  exposed: string | undefined,
  ...changes: (NameChange | false)[]
): ExposedTool {
  return {
    server,
    tool,
    exposed,
    changes: changes.filter((change): change is NameChange => change !== false)
  }
}

/** Keys that more than one distinct identity maps to. */
export function colliding<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  identityOf: (item: T) => string
): Set<string> {
  const owners = new Map<string, Set<string>>()
  for (const item of items) {
    const key = keyOf(item)
    owners.set(key, (owners.get(key) ?? new Set()).add(identityOf(item)))
  }
  return new Set([...owners].filter(([, identities]) => identities.size > 1).map(([key]) => key))
}
