import { realpath } from 'node:fs/promises'
import { join } from 'node:path'
import type { Diagnostic } from '../model/diagnostic.js'
import { UsageError } from '../util/errors.js'
import { runRules } from '../engine.js'
import { loadWorkspace, type LintOptions } from '../lint.js'
import { findRule } from '../rules/index.js'
import { dialects } from '../platforms/index.js'
import { SOURCE_PATH } from '../source/model.js'
import { planInit, type InitPlan } from './init.js'
import { planSync, type FileChange, type RenamedServer, type SkippedTarget } from './sync.js'
import { prepareDialects } from '../parse/load.js'

export interface SyncResult {
  readonly root: string
  readonly changes: readonly FileChange[]
  readonly skipped: readonly SkippedTarget[]
  /** Servers found under a wrong key, renamed in the files that change. */
  readonly renames: readonly RenamedServer[]
  /** Parts of the source some target cannot express (source-unexpressible findings). */
  readonly unexpressible: readonly Diagnostic[]
}

/** Plans `mcp-lint sync`: the files to write so every target matches the central source. */
export async function sync(options: LintOptions): Promise<SyncResult> {
  // A target may be a YAML client whose file does not exist yet: its new text is parsed again.
  await prepareDialects(dialects)
  const { root, config, workspace } = await loadWorkspace(options)
  const source = workspace.source
  if (source === undefined) {
    throw new UsageError(
      `no central source at ${SOURCE_PATH}: create one with "mcp-lint sync --init"`
    )
  }
  // The client files are another tool's output: writing them would only be undone by it.
  if (source.generator !== undefined) {
    throw new UsageError(
      `the central source here is ${source.generator.name}'s (${source.main?.path ?? ''}), and ${source.generator.name} writes the client files: run "${source.generator.command}", or adopt mcp-lint's own source with "mcp-lint sync --init"`
    )
  }
  const plan = planSync(workspace, source)
  const skipped = [...plan.skipped]
  // Two targets that are one file (a symlink to another platform's file) cannot both be written.
  const owners = new Map<string, string>()
  const changes: FileChange[] = []
  for (const change of plan.changes) {
    const real = await realpath(join(root, change.path)).catch(() => join(root, change.path))
    const owner = owners.get(real)
    if (owner === undefined) {
      owners.set(real, change.path)
      changes.push(change)
    } else
      skipped.push({
        path: change.path,
        reason: `is the same file as ${owner}; not written twice`,
        unreadable: false
      })
  }
  const rule = findRule('source-unexpressible')
  const unexpressible = rule === undefined ? [] : runRules(workspace, [rule], config.rules)
  const written = new Set(changes.map((change) => change.path))
  const renames = plan.renames.filter((rename) => written.has(rename.path))
  return { root, changes, skipped, renames, unexpressible }
}

/** Plans `mcp-lint sync --init`: a central source made from the existing platform files. */
export async function initSource(
  options: LintOptions
): Promise<{ root: string; path: string } & InitPlan> {
  await prepareDialects(dialects)
  const { root, workspace } = await loadWorkspace(options)
  if (workspace.source !== undefined && workspace.source.generator === undefined) {
    throw new UsageError(
      `${SOURCE_PATH} already exists: run "mcp-lint sync" to write the platform files from it`
    )
  }
  if (workspace.files.length === 0)
    throw new UsageError('no platform config files to build a central source from')
  const unreadable = workspace.files
    .filter((file) => file.root?.kind !== 'object')
    .map((file) => file.path)
  if (unreadable.length === workspace.files.length)
    throw new UsageError(
      `no platform config file can be read or parsed (${unreadable.join(', ')}): fix the config-syntax or config-unreadable findings first`
    )
  const { text, origins, conflicts, secrets } = planInit(workspace)
  const notRead = unreadable.map(
    (path) => `${path} cannot be read or parsed: its servers are not in the source`
  )
  return {
    root,
    path: SOURCE_PATH,
    text,
    origins,
    conflicts: [...notRead, ...conflicts],
    secrets
  }
}
