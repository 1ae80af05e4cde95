import { readRepoFile } from '../parse/read-file.js'
import { SourceText, type Location } from '../model/location.js'
import { walkFiles } from './walk.js'

/** A file that holds an MCP server map but sits where no client mcp-lint knows reads one. */
export interface UnattributedFile {
  readonly path: string
  /** The server-map key found: `mcpServers`, `mcp_servers`, … */
  readonly key: string
  readonly location: Location
}

const EXTENSIONS = /\.(?:json|jsonc|json5|toml|ya?ml)$/i
const MAX_DEPTH = 4
const MAX_READS = 500
const MAX_BYTES = 256 * 1024

/**
 * The server-map key of an MCP config in `text`, if it has one: a JSON key `mcpServers`,
 * `mcp_servers`, `context_servers` or an object `mcp`, a YAML `mcpServers:` or a TOML
 * `[mcp_servers…]` table. A heuristic for a notice, not a parse.
 */
export function findServerMapKey(text: string): { key: string; offset: number } | undefined {
  const match =
    /"(mcpServers|mcp_servers|context_servers)"\s*:|"(mcp)"\s*:\s*\{|^\s*(mcpServers)\s*:|^\s*\[\[?(mcp_servers)\b/m.exec(
      text
    )
  if (match === null) return undefined
  const groups: readonly (string | undefined)[] = match.slice(1)
  const key = groups.find((group) => group !== undefined) ?? ''
  return { key, offset: match.index + match[0].indexOf(key) }
}

/** The file as an unattributed MCP config, located at its server-map key; undefined without one. */
export function unattributedIn(path: string, text: string): UnattributedFile | undefined {
  const key = findServerMapKey(text)
  if (key === undefined) return undefined
  return {
    path,
    key: key.key,
    location: new SourceText(path, text).locate(key.offset, key.key.length)
  }
}

/**
 * Where tools keep MCP configs: a path that says "mcp", a file at the repository root
 * (`opencode.json`, `crush.json`), or one in a tool's dot-folder (`.amp/`, `.factory/`, `.github/`).
 * Reading only these keeps the walk cheap in a repository full of data files.
 */
function likely(path: string): boolean {
  const folders = path.split('/').slice(0, -1)
  return /mcp/i.test(path) || folders.length === 0 || folders.some((name) => name.startsWith('.'))
}

/**
 * Config-looking files (JSON, JSONC, TOML, YAML) up to four directories deep that hold an MCP
 * server map at a path `isRead` says no client or source reads, among the `likely` paths. Dependency and build directories
 * and symbolic links are skipped, and the walk is bounded, so a huge repository costs little.
 */
export async function findUnattributed(
  root: string,
  isRead: (path: string) => boolean
): Promise<UnattributedFile[]> {
  const candidates = await walkFiles(
    root,
    '',
    MAX_DEPTH,
    (path) => EXTENSIONS.test(path) && likely(path) && !isRead(path)
  )
  const found: UnattributedFile[] = []
  for (const path of candidates.slice(0, MAX_READS)) {
    const read = await readRepoFile(root, path, { maxBytes: MAX_BYTES })
    if (read.status !== 'ok') continue
    const file = unattributedIn(path, read.text)
    if (file !== undefined) found.push(file)
  }
  return found
}
