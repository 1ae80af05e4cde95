import { readFile, stat } from 'node:fs/promises'
import { isAbsolute, normalize, relative, resolve, sep } from 'node:path'
import type { SeveritySetting } from '../model/diagnostic.js'
import { UsageError } from '../util/errors.js'
import { parseJson } from '../parse/json.js'
import { DEFAULT_MAX_FILE_BYTES, decode, readRepoFile } from '../parse/read-file.js'
import { validateTree, type SchemaIssue } from '../parse/schema.js'
import { SourceText } from '../model/location.js'
import { quote } from '../util/quote.js'
import { closest } from '../util/suggest.js'
import { formatPath, toPlain } from '../model/tree.js'
import type { PlatformId } from '../platforms/platform.js'
import { platforms } from '../platforms/index.js'
import { rules } from '../rules/index.js'
import type { ToolLimitSetting } from '../model/limits.js'
import { defaultRuleSettings, type RuleSettings } from '../rules/rule.js'
import { lintConfigSchema } from './schema.js'

export interface ExtraPath {
  readonly path: string
  readonly platform: PlatformId
}

export interface Ignore {
  readonly rule?: string
  readonly files?: readonly string[]
  readonly server?: string
  readonly reason: string
}

export interface TimeoutSettings {
  readonly timeoutSeconds?: number
  readonly initializeTimeoutSeconds?: number
  readonly listTimeoutSeconds?: number
}

/**
 * How long and how many at once: nothing here decides whether servers are isolated or which
 * secrets go where, since a pull request can write this file (the sandbox and remote servers are
 * command-line options and Action inputs).
 */
export interface EnumerationSettings extends TimeoutSettings {
  readonly concurrency?: number
  readonly runTimeoutSeconds?: number
  readonly servers?: Readonly<Record<string, TimeoutSettings>>
}

/** mcp-lint.json, validated and with defaults applied. */
export interface LintConfig {
  /** Repo-relative path of the file it came from, if any. */
  readonly file: string | undefined
  readonly rules: Readonly<Record<string, SeveritySetting>>
  readonly paths: readonly ExtraPath[]
  readonly ignores: readonly Ignore[]
  readonly maxFileBytes: number
  readonly enumeration: EnumerationSettings
  /** Thresholds the rules read. */
  readonly ruleSettings: RuleSettings
}

export const CONFIG_FILE_NAMES = ['mcp-lint.json', '.mcp-lint.json']

export const defaultConfig: LintConfig = {
  file: undefined,
  rules: {},
  paths: [],
  ignores: [],
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  enumeration: {},
  ruleSettings: defaultRuleSettings
}

/** Where mcp-lint.json came from and its bytes; undefined when there is none. */
export interface LintConfigText {
  /** Repo-relative (or, for an explicit file outside the repository, as given). */
  readonly label: string
  readonly bytes: Uint8Array
}

/**
 * Reads the explicit config file, or the first of mcp-lint.json / .mcp-lint.json in the repository,
 * with the size cap config files have and without following a symlink out of the repository (a
 * pull request could point mcp-lint.json at /dev/zero or a runner secret). Any problem with a file
 * that exists is a UsageError naming it.
 */
export async function readLintConfig(
  root: string,
  explicit: string | undefined
): Promise<LintConfigText | undefined> {
  const inRepo = explicit === undefined ? undefined : repoRelative(root, explicit)
  const candidates =
    explicit === undefined ? CONFIG_FILE_NAMES : inRepo === undefined ? [] : [inRepo]
  for (const candidate of candidates) {
    const outcome = await readRepoFile(root, candidate, { maxBytes: DEFAULT_MAX_FILE_BYTES })
    if (outcome.status === 'missing') {
      if (explicit === undefined) continue
      throw new UsageError(`cannot read config file ${explicit}: ENOENT`)
    }
    if (outcome.status === 'problem')
      throw new UsageError(`${explicit ?? candidate}: the config file ${outcome.problem.detail}`)
    return { label: explicit ?? candidate, bytes: new TextEncoder().encode(outcome.text) }
  }
  // A file outside the repository was named on the command line or in the workflow: it is the
  // caller's own, but it still must be a regular file within the cap.
  if (explicit !== undefined && inRepo === undefined)
    return { label: explicit, bytes: await readOutside(explicit) }
  return undefined
}

/** Loads and validates mcp-lint.json as readLintConfig finds it; the defaults when there is none. */
export async function loadLintConfig(
  root: string,
  explicit: string | undefined
): Promise<LintConfig> {
  const found = await readLintConfig(root, explicit)
  return found === undefined ? defaultConfig : parseLintConfig(found.label, found.bytes)
}

/** `path` relative to the repository root, `/`-separated, or undefined when it lies outside. */
export function repoRelative(root: string, path: string): string | undefined {
  const rel = relative(resolve(root), resolve(path))
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined
  return rel.split(sep).join('/')
}

async function readOutside(path: string): Promise<Uint8Array> {
  const fail = (why: string) => new UsageError(`cannot read config file ${path}: ${why}`)
  let info
  try {
    info = await stat(path)
  } catch (error) {
    throw fail((error as NodeJS.ErrnoException).code ?? 'error')
  }
  if (!info.isFile()) throw fail('not a regular file')
  if (info.size > DEFAULT_MAX_FILE_BYTES)
    throw fail(`${info.size} bytes, over the ${DEFAULT_MAX_FILE_BYTES}-byte limit`)
  try {
    const bytes = await readFile(path)
    if (bytes.length > DEFAULT_MAX_FILE_BYTES) throw fail('it grew past the size limit')
    return bytes
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw fail((error as NodeJS.ErrnoException).code ?? 'error')
  }
}

export function parseLintConfig(label: string, bytes: Uint8Array): LintConfig {
  const decoded = decode(bytes)
  if (decoded.status !== 'ok')
    throw new UsageError(
      `${label}: the config file ${decoded.status === 'problem' ? decoded.problem.detail : 'is missing'}`
    )
  const source = new SourceText(label, decoded.text)
  const parsed = parseJson(source)
  const problem = parsed.problems[0]
  if (problem !== undefined || parsed.root === undefined) {
    const at = problem?.location.range.start ?? { line: 1, column: 1 }
    throw new UsageError(
      `${label}:${at.line}:${at.column}: invalid JSON in the mcp-lint config: ${problem?.detail ?? 'no value'}`
    )
  }
  const root = parsed.root
  const issue = validateTree('mcp-lint-config', lintConfigSchema(), root)[0]
  if (issue !== undefined) {
    const at = issue.location.range.start
    throw new UsageError(
      `${label}:${at.line}:${at.column}: ${describeIssue(issue, formatPath(root, issue.path))}`
    )
  }
  const value = toPlain(root) as {
    rules?: Record<string, SeveritySetting>
    paths?: ExtraPath[]
    ignores?: Ignore[]
    maxFileBytes?: number
    enumeration?: EnumerationSettings
    toolLimits?: Record<string, ToolLimitSetting>
    slowStartSeconds?: number
  }
  for (const extra of value.paths ?? []) checkInside(label, extra.path)
  return {
    file: label,
    rules: { ...value.rules },
    paths: value.paths ?? [],
    ignores: value.ignores ?? [],
    maxFileBytes: value.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    enumeration: value.enumeration ?? {},
    ruleSettings: {
      toolLimits: value.toolLimits ?? {},
      slowStartMs:
        value.slowStartSeconds === undefined
          ? defaultRuleSettings.slowStartMs
          : value.slowStartSeconds * 1000
    }
  }
}

function describeIssue(issue: SchemaIssue, path: string): string {
  // Keys come from the file, which a pull request may have written: quoted, controls escaped.
  const where = path === '' ? 'the config' : quote(path, 120)
  const ruleIds = rules.map((rule) => rule.id)
  if (issue.keyword === 'propertyNames' && issue.field !== undefined && issue.path[0] === 'rules') {
    const guess = closest(issue.field, ruleIds)
    return `unknown rule ${quote(issue.field)} in "rules"${guess === undefined ? '' : ` (did you mean "${guess}"?)`}`
  }
  if (
    issue.keyword === 'propertyNames' &&
    issue.field !== undefined &&
    issue.path[0] === 'toolLimits'
  ) {
    const ids = platforms.map((p) => p.id)
    const guess = closest(issue.field, ids)
    return `unknown platform ${quote(issue.field)} in "toolLimits"${guess === undefined ? '' : ` (did you mean "${guess}"?)`}`
  }
  if (
    issue.keyword === 'additionalProperties' &&
    path === 'enumeration' &&
    (issue.field === 'sandbox' || issue.field === 'remote')
  )
    return movedSettings[issue.field]
  if (issue.keyword === 'additionalProperties' && issue.field !== undefined) {
    return `unknown key ${quote(issue.field)} in ${where}`
  }
  if (issue.keyword === 'required' && issue.field !== undefined) {
    return `${where} is missing ${quote(issue.field)}`
  }
  if (issue.keyword === 'type') {
    const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`)
    return `${where} must be ${issue.expected.map(article).join(' or ')}`
  }
  if (issue.keyword === 'enum')
    return `${where} must be one of ${issue.expected.map((value) => `"${value}"`).join(', ')}`
  return `${where} ${issue.detail}`
}

/** Settings that left mcp-lint.json because a pull request can write that file. */
const movedSettings = {
  sandbox:
    '"enumeration.sandbox" is no longer read from mcp-lint.json (a pull request could switch the sandbox off): use --sandbox or the Action input sandbox',
  remote:
    '"enumeration.remote" is no longer read from mcp-lint.json (a pull request could send runner secrets to a server of its choosing): use --remote and --remote-header, or the Action inputs remote and remote-headers'
} as const

function checkInside(label: string, path: string): void {
  const normal = normalize(path)
  if (
    isAbsolute(path) ||
    normal === '..' ||
    normal.startsWith('../') ||
    normal.startsWith('..\\')
  ) {
    throw new UsageError(
      `${label}: "paths" entry ${quote(path)} is outside the repository; paths are repo-relative`
    )
  }
}
