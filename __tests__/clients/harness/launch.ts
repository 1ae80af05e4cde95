/**
 * Server entries that start the recording server, for case files. `label` is what the server logs
 * when started (by default the key), `tools` what it lists.
 */
export function stdio(tools: readonly string[], label: string): Record<string, unknown> {
  return { command: 'node', args: ['@SERVER@', '@LOG@', label, tools.join(',')] }
}

/** The same as TOML key/value lines for a Codex `[mcp_servers.<name>]` table. */
export function tomlStdio(tools: readonly string[], label: string): string {
  return `command = "node"\nargs = ["@SERVER@", "@LOG@", ${JSON.stringify(label)}, ${JSON.stringify(tools.join(','))}]\n`
}

/** A JSON file text with the given value, two-space indented. */
export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`
}
