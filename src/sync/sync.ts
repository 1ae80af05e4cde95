import { UsageError } from '../util/errors.js'
import { parseConfigText } from '../parse/load.js'
import type { ConfigFile, Workspace } from '../model/workspace.js'
import type { PlainObject } from '../model/tree.js'
import type { Platform } from '../platforms/platform.js'
import { expectedFor, expectedInputs } from '../source/expect.js'
import type { SourceModel, Target } from '../source/model.js'
import { editServers } from './edit-servers.js'
import { newJsonFile } from './json-edit.js'
import { writeTomlServers } from './toml-write.js'
import { newYamlFile } from './yaml-write.js'

export interface FileChange {
  readonly path: string
  readonly platform: Platform
  /** Undefined for a file that does not exist yet. */
  readonly before: string | undefined
  readonly after: string
}

/** A target left alone, with the reason; `unreadable` ones are not in sync, the others are. */
export interface SkippedTarget {
  readonly path: string
  readonly reason: string
  readonly unreadable: boolean
}

/** A server sync found under a wrong key in a file, and renames. */
export interface RenamedServer {
  readonly path: string
  readonly from: string
  readonly to: string
}

export interface SyncPlan {
  readonly changes: readonly FileChange[]
  readonly skipped: readonly SkippedTarget[]
  readonly renames: readonly RenamedServer[]
}

/**
 * What `mcp-lint sync` writes: every target file made to match the central source. Servers that
 * already match are not touched, so a second sync changes nothing and hand formatting survives.
 */
export function planSync(workspace: Workspace, source: SourceModel): SyncPlan {
  const changes: FileChange[] = []
  const skipped: SkippedTarget[] = []
  const renames: RenamedServer[] = []
  const seen = new Set<string>()
  for (const target of source.targets) {
    if (seen.has(target.path)) {
      skipped.push({
        path: target.path,
        reason: 'is listed twice in the targets; written once',
        unreadable: false
      })
      continue
    }
    seen.add(target.path)
    const file = workspace.files.find(
      (candidate) => candidate.path === target.path && candidate.platform.id === target.platform.id
    )
    if (file !== undefined && (file.source === undefined || file.root?.kind !== 'object')) {
      skipped.push({
        path: target.path,
        reason:
          'cannot be read or parsed: fix the config-syntax or config-unreadable finding first',
        unreadable: true
      })
      continue
    }
    // A Continue JSON file that is one server (no map) has no map to write servers into.
    if (
      file?.platform.fileServer === true &&
      file.serversProperty === undefined &&
      file.servers.length > 0
    ) {
      skipped.push({
        path: target.path,
        reason:
          'holds one server at its root, which sync does not rewrite: edit it by hand, or move the server into an "mcpServers" map',
        unreadable: true
      })
      continue
    }
    const planned = plannedText(source, target, file, renames)
    const after = planned.text
    if (after === undefined) {
      skipped.push({ path: target.path, reason: planned.reason ?? '', unreadable: true })
      continue
    }
    const before = file?.source?.text
    if (after !== before)
      changes.push({ path: target.path, platform: target.platform, before, after })
  }
  for (const change of changes) assertParses(change)
  return { changes: changes.sort((a, b) => (a.path < b.path ? -1 : 1)), skipped, renames }
}

function plannedText(
  source: SourceModel,
  target: Target,
  file: ConfigFile | undefined,
  renames: RenamedServer[]
): { readonly text: string | undefined; readonly reason?: string | undefined } {
  const platform = target.platform
  const expected = new Map<string, PlainObject>()
  for (const entry of expectedFor(source, target))
    if (entry.rendered.value !== undefined) expected.set(entry.server.name, entry.rendered.value)
  const key = platform.serversKeys[0]
  const inputs = expectedInputs(source, target)
  const nameKey = platform.serverList?.nameKey
  if (file?.source === undefined) {
    if (platform.format === 'yaml') return { text: newYamlFile(key, expected, nameKey ?? 'name') }
    return {
      text:
        platform.format === 'toml'
          ? writeTomlServers(expected, key, nameKey)
          : newJsonFile(key, expected, inputs)
    }
  }
  const edited = editServers({ ...file, source: file.source }, expected, inputs)
  renames.push(...edited.renames.map((rename) => ({ ...rename, path: target.path })))
  return edited
}

/**
 * A written file must read back cleanly. Past mcp-lint's own limits (a string over 65,536
 * characters in TOML, say) the source asks for a file mcp-lint could not check, so sync refuses;
 * anything else is a bug to report, not a file to write.
 */
function assertParses(change: FileChange): void {
  const file = parseConfigText(change.path, change.platform, change.after)
  const problem = file.syntaxProblems[0]
  if (problem === undefined) return
  if (problem.kind === 'too-long' || problem.kind === 'too-deep')
    throw new UsageError(
      `cannot write ${change.path}: it would hold ${problem.detail}, more than mcp-lint reads back; shorten it in the central source`
    )
  throw new Error(`sync produced unparseable ${change.path}: ${problem.detail}`)
}
