import { compareText, type Diagnostic } from './model/diagnostic.js'
import { loadConfigBytes, prepareDialects } from './parse/load.js'
import { isClientFile, isSourceFile, type AnyConfigFile } from './model/workspace.js'
import { unattributedIn, type UnattributedFile } from './discover/unattributed.js'
import { runRules } from './engine.js'
import { dialectForPath } from './platforms/index.js'
import type { Dialect } from './platforms/platform.js'
import type { EntryResult } from './model/tools.js'
import { LOCKFILE_PATH, parseLockfile } from './lockfile/lockfile.js'
import { defaultRuleSettings, type Rule, type RuleSettings } from './rules/rule.js'
import { buildSource } from './source/load-source.js'
import { CONFIG_FILE_NAMES } from './config/lint-config.js'
import type { PendingSettings } from './trust/settings-change.js'
import { pendingSettings } from './trust/trusted-settings.js'

export interface TextFile {
  readonly path: string
  readonly text: string | Uint8Array
  /** The client (or the central source) reading it; by default the one whose known path this is. */
  readonly platform?: Dialect
}

/**
 * Lints files held in memory, as if they sat at their paths in a repository: what rule examples,
 * the rule tester and the docs generator run. Their clients' parsers and validators must be loaded
 * (prepareDialects); lintText does that itself.
 */
export function lintFiles(
  files: readonly TextFile[],
  registry: readonly Rule[],
  tools?: ToolsInput
): Diagnostic[] {
  const settings = files.find((file) => CONFIG_FILE_NAMES.includes(file.path))
  const loaded: AnyConfigFile[] = []
  const unattributed: UnattributedFile[] = []
  for (const file of files) {
    if (file === settings) continue
    const { path, text, platform = dialectForPath(path) } = file
    if (platform !== undefined) {
      const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text
      loaded.push(loadConfigBytes(path, platform, bytes))
      continue
    }
    // A file no client reads: an MCP server map in it is config-unattributed's.
    const decoded = typeof text === 'string' ? text : new TextDecoder().decode(text)
    const found = unattributedIn(path, decoded)
    if (found !== undefined) unattributed.push(found)
  }
  loaded.sort((a, b) => compareText(a.path, b.path))
  const clients = loaded.filter(isClientFile)
  const workspace = {
    files: clients,
    ...(unattributed.length === 0 ? {} : { unattributed }),
    source: buildSource(loaded.filter(isSourceFile), clients),
    ...(tools?.enumeration === undefined
      ? {}
      : { tools: { sandbox: 'bwrap' as const, entries: tools.enumeration, durationMs: 0 } }),
    ...(tools?.lockfile === undefined
      ? {}
      : { lockfile: parseLockfile(LOCKFILE_PATH, tools.lockfile) }),
    ...(tools?.baseSettings === undefined
      ? {}
      : { pendingSettings: pendingSettingsOf(settings, tools.baseSettings) })
  }
  return runRules(workspace, registry, {}, { ...defaultRuleSettings, ...tools?.settings })
}

/** For tools rules: enumeration results and a lockfile, as a rule example or test gives them. */
export interface ToolsInput {
  readonly enumeration?: readonly EntryResult[] | undefined
  readonly lockfile?: string | undefined
  /** mcp-lint.json thresholds, over the defaults. */
  readonly settings?: Partial<RuleSettings> | undefined
  /** The base branch's mcp-lint.json, for a pull request's own mcp-lint.json among the files. */
  readonly baseSettings?: string | null | undefined
}

function pendingSettingsOf(
  head: TextFile | undefined,
  base: string | null
): PendingSettings | undefined {
  const text = (file: TextFile) =>
    typeof file.text === 'string' ? file.text : new TextDecoder().decode(file.text)
  return pendingSettings(
    head === undefined ? undefined : { path: head.path, text: text(head) },
    base === null ? undefined : { path: head?.path ?? 'mcp-lint.json', text: base }
  )
}

/** Lints one file held in memory, loading its client's parser and schema validator first. */
export async function lintText(
  path: string,
  text: string | Uint8Array,
  registry: readonly Rule[],
  platform?: Dialect
): Promise<Diagnostic[]> {
  const dialect = platform ?? dialectForPath(path)
  await prepareDialects(dialect === undefined ? [] : [dialect])
  return lintFiles(
    [dialect === undefined ? { path, text } : { path, text, platform: dialect }],
    registry
  )
}
