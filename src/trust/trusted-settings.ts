import {
  CONFIG_FILE_NAMES,
  defaultConfig,
  loadLintConfig,
  parseLintConfig,
  readLintConfig,
  repoRelative,
  type LintConfig,
  type LintConfigText
} from '../config/lint-config.js'
import { UsageError } from '../util/errors.js'
import { parseJson } from '../parse/json.js'
import { SourceText, type Location } from '../model/location.js'
import type { BaseRevision } from './base-revision.js'
import { diffSettings, type PendingSettings } from './settings-change.js'

export interface TrustedSettings {
  /** The base revision's mcp-lint.json, applied; the defaults when it has none. */
  readonly config: LintConfig
  /** The branch's own mcp-lint.json, when it differs: reported, not applied. */
  readonly pending: PendingSettings | undefined
}

/**
 * On a pull request the settings come from the base revision, never from the branch: a PR must not
 * turn off the check that would catch it, ignore its own findings or relax a limit. A file the
 * caller named outside the repository is the caller's own and applies as it is.
 */
export async function loadTrustedSettings(
  root: string,
  explicit: string | undefined,
  base: BaseRevision
): Promise<TrustedSettings> {
  const inRepo = explicit === undefined ? undefined : repoRelative(root, explicit)
  if (explicit !== undefined && inRepo === undefined)
    return { config: await loadLintConfig(root, explicit), pending: undefined }
  // The branch's file is only compared, so a symlink out of the repository or an oversized file
  // there is a finding about it, not the end of the run.
  let head: LintConfigText | undefined
  let unreadable: { path: string; problem: string } | undefined
  try {
    head = await readLintConfig(root, explicit)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    unreadable = { path: inRepo ?? CONFIG_FILE_NAMES[0] ?? 'mcp-lint.json', problem: error.message }
  }
  let trusted: { path: string; text: string } | undefined
  for (const path of inRepo === undefined ? CONFIG_FILE_NAMES : [inRepo]) {
    const text = await base.read(path)
    if (text !== null) {
      trusted = { path, text }
      break
    }
  }
  const config =
    trusted === undefined
      ? defaultConfig
      : parseLintConfig(`${trusted.path} (${base.label})`, new TextEncoder().encode(trusted.text))
  const headText = head === undefined ? undefined : new TextDecoder().decode(head.bytes)
  if (unreadable !== undefined)
    return {
      config,
      pending: {
        file: unreadable.path,
        changes: [],
        location: new SourceText(unreadable.path, '').locate(0, 0),
        state: 'invalid',
        problem: unreadable.problem
      }
    }
  return {
    config,
    pending: pendingSettings(
      head === undefined || headText === undefined
        ? undefined
        : { path: head.label, text: headText },
      trusted
    )
  }
}

/** How the branch's mcp-lint.json differs from the trusted one; undefined when it does not. */
export function pendingSettings(
  head: { path: string; text: string } | undefined,
  base: { path: string; text: string } | undefined
): PendingSettings | undefined {
  if (head === undefined && base === undefined) return undefined
  if (head === undefined) {
    const path = base?.path ?? CONFIG_FILE_NAMES[0] ?? 'mcp-lint.json'
    return {
      file: path,
      changes: [],
      location: new SourceText(path, '').locate(0, 0),
      state: 'removed'
    }
  }
  const source = new SourceText(head.path, head.text)
  if (base?.text === head.text) return undefined
  const parsed = parseJson(source)
  const invalid = invalidity(source)
  if (invalid !== undefined || parsed.root === undefined)
    return {
      file: head.path,
      changes: [],
      location: invalid?.location ?? source.locate(0, 0),
      state: 'invalid',
      problem: invalid?.problem ?? 'it holds no value'
    }
  const start = source.locate(0, 0)
  if (base === undefined) return { file: head.path, changes: [], location: start, state: 'added' }
  const before = parseJson(new SourceText(base.path, base.text)).root
  const changes = before === undefined ? [] : diffSettings(parsed.root, before)
  // Equal in meaning (only spacing or key order changed): nothing is pending.
  if (before !== undefined && changes.length === 0) return undefined
  return {
    file: head.path,
    changes,
    location: changes[0]?.location ?? start,
    state: 'changed'
  }
}

/** What loading the branch's file would say once it applies, located in it; undefined when valid. */
function invalidity(source: SourceText): { location: Location; problem: string } | undefined {
  try {
    parseLintConfig(source.path, new TextEncoder().encode(source.text))
    return undefined
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    // parseLintConfig says `file:line:column: problem`; the position becomes the finding's.
    const match = /^.*?:(\d+):(\d+): ([\s\S]*)$/.exec(error.message)
    if (match === null) return { location: source.locate(0, 0), problem: error.message }
    const line = Number(match[1])
    const lineStart = source.text
      .split('\n')
      .slice(0, line - 1)
      .join('\n').length
    const offset = (line > 1 ? lineStart + 1 : 0) + Number(match[2]) - 1
    return { location: source.locate(offset, 0), problem: match[3] ?? error.message }
  }
}
