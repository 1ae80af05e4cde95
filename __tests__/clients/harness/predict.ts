import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Diagnostic } from '../../../src/model/diagnostic.js'
import type { ConfigFile, Workspace } from '../../../src/model/workspace.js'
import type { Position, Range } from '../../../src/model/location.js'
import { entryIssueRejectsFile, schemaIssues } from '../../../src/parse/schema.js'
import { exposedToolsOf, surfaceOf } from '../../../src/canonical/surface.js'
import { lint, loadLockfile, loadWorkspace } from '../../../src/lint.js'
import { LOCKFILE_PATH } from '../../../src/lockfile/lockfile.js'
import { writeFiles } from '../../helpers/repo-files.js'
import { fillPlaceholders } from './materialize.js'
import type { ClientId } from './types.js'

/** Where the predicted repository says the recording server and its log are: never read. */
const PATHS = { server: '/clients/server.mjs', log: '/clients/started.log' }

/** What mcp-lint's findings say the client will do with a case. */
export interface Prediction {
  /** Config keys of the client's servers that no configuration error refuses, sorted. */
  readonly loaded: readonly string[]
  /** The names the model sees for those servers' tools, sorted, deduplicated. */
  readonly toolNames: readonly string[]
  /** The findings, for messages. */
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * Severity follows consequence: an error of a `config-…` rule means the client does not load what
 * it points at. Inside a server entry it refuses that server; anywhere else in a client file the
 * whole file. Other rules (secrets, pinning, drift) judge servers the client does load.
 */
export function refuses(diagnostic: Diagnostic): boolean {
  return (
    diagnostic.severity === 'error' &&
    diagnostic.ruleId.startsWith('config-') &&
    diagnostic.ruleId !== 'config-mismatch'
  )
}

/** Lints a case's files as they are, with a lockfile giving each recording server's tools. */
export async function predict(
  client: ClientId,
  files: Readonly<Record<string, string>>
): Promise<Prediction> {
  const root = mkdtempSync(join(tmpdir(), 'mcp-lint-predict-'))
  try {
    writeFiles(root, fillPlaceholders(files, PATHS))
    writeLockfile(root, (await loadWorkspace({ root })).workspace)
    const { workspace } = await loadWorkspace({ root })
    const result = await lint({ root })
    const clientFiles = workspace.files.filter((file) => file.platform.id === client)
    const lockfile = await loadLockfile(root, undefined)
    const locked = lockfile === undefined ? workspace : { ...workspace, lockfile }
    const loaded = new Set<string>()
    for (const file of clientFiles) {
      const errors = result.diagnostics.filter(
        (diagnostic) => diagnostic.file === file.path && refuses(diagnostic)
      )
      const fileRejected = errors.some((error) => rejectsFile(file, error))
      if (file.root === undefined || fileRejected) continue
      // A server the file turns off (`enabled = false`, Gemini's `mcp.excluded`) is not loaded.
      for (const surface of surfaceOf(locked, file)) {
        const name = surface.entry.name.value
        if (surface.enabled && !errors.some((error) => serverAt(file, error) === name))
          loaded.add(name)
      }
    }
    const toolNames = new Set<string>()
    for (const file of clientFiles) {
      for (const tool of exposedToolsOf(locked, file)?.exposed ?? [])
        if (tool.exposed !== undefined && loaded.has(tool.server)) toolNames.add(tool.exposed)
    }
    return {
      loaded: [...loaded].sort(),
      toolNames: [...toolNames].sort(),
      diagnostics: result.diagnostics
    }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

/**
 * An error outside every entry rejects the file; so does a schema error in an entry on a platform
 * that drops the whole file for it (`Platform.invalidEntry`: any broken entry for Codex, a null one
 * for Gemini CLI). A refused server name (a key of the server map) stays that server's.
 */
function rejectsFile(file: ConfigFile, diagnostic: Diagnostic): boolean {
  // A syntax error the client's parser does not accept fails the whole parse, wherever it is.
  if (diagnostic.ruleId === 'config-syntax') return true
  if (serverAt(file, diagnostic) === undefined) return true
  if (diagnostic.ruleId !== 'config-schema' || diagnostic.server === undefined) return false
  const start = diagnostic.range.start
  return schemaIssues(file).some(
    (issue) =>
      entryIssueRejectsFile(file.platform, issue) &&
      issue.location.range.start.line === start.line &&
      issue.location.range.start.column === start.column
  )
}

/** The server whose entry holds the finding, by name or by position; undefined outside every entry. */
function serverAt(file: ConfigFile, diagnostic: Diagnostic): string | undefined {
  if (diagnostic.server !== undefined) return diagnostic.server
  for (const entry of file.servers) {
    const span: Range = {
      start: entry.name.location.range.start,
      end: entry.value.location.range.end
    }
    if (within(diagnostic.range.start, span)) return entry.name.value
  }
  return undefined
}

function within(position: Position, range: Range): boolean {
  const after =
    position.line > range.start.line ||
    (position.line === range.start.line && position.column >= range.start.column)
  const before =
    position.line < range.end.line ||
    (position.line === range.end.line && position.column <= range.end.column)
  return after && before
}

/** Each recording server's tools, from its arguments, under its config key (the first wins). */
function writeLockfile(root: string, workspace: Workspace): void {
  const servers: Record<string, unknown> = {}
  for (const file of workspace.files) {
    for (const entry of file.servers) {
      const args = entry.fields.get('args')?.value
      if (args?.kind !== 'array') continue
      const values = args.items.map((item) => (item.kind === 'string' ? item.value : ''))
      if (values[0] !== PATHS.server || servers[entry.name.value] !== undefined) continue
      const label = values[2] ?? ''
      const tools = (values[3] ?? '').split(',').filter((name) => name !== '')
      servers[entry.name.value] = {
        launch: { command: 'node', args: values },
        serverInfo: { name: label },
        tools: Object.fromEntries(
          tools.map((name) => [
            name,
            {
              hash: 'recorded',
              description: `Tool ${name} of ${label}.`,
              inputSchema: { type: 'object', properties: {} }
            }
          ])
        )
      }
    }
  }
  mkdirSync(dirname(join(root, LOCKFILE_PATH)), { recursive: true })
  writeFileSync(join(root, LOCKFILE_PATH), JSON.stringify({ lockfileVersion: 1, servers }, null, 2))
}
