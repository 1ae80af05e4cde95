import { readFile } from 'node:fs/promises'
import { isAbsolute, join, normalize, relative } from 'node:path'
import type { SeveritySetting } from '../core/diagnostic.js'
import { UsageError } from '../core/errors.js'
import { globToRegExp } from '../core/glob.js'
import { parseJson } from '../core/parse/json.js'
import { DEFAULT_MAX_FILE_BYTES, decode } from '../core/read-file.js'
import { validateTree, type SchemaIssue } from '../core/schema.js'
import { SourceText } from '../core/source.js'
import { closest } from '../core/suggest.js'
import { formatPath, toPlain } from '../core/tree.js'
import type { PlatformId } from '../platforms/platform.js'
import { platforms } from '../platforms/index.js'
import { rules } from '../rules/index.js'
import type { ToolLimitSetting } from '../core/limits.js'
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

export interface EnumerationSettings extends TimeoutSettings {
  readonly sandbox?: 'auto' | 'bwrap' | 'none'
  readonly concurrency?: number
  readonly runTimeoutSeconds?: number
  readonly servers?: Readonly<Record<string, TimeoutSettings>>
  readonly remote?: {
    readonly enabled?: boolean
    readonly headers?: Readonly<Record<string, Readonly<Record<string, string>>>>
    readonly allowPrivateHosts?: boolean
  }
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

/**
 * Loads the explicit config file, or the first of mcp-lint.json / .mcp-lint.json in the repository.
 * Any problem is a UsageError naming the file, position and key.
 */
export async function loadLintConfig(
  root: string,
  explicit: string | undefined
): Promise<LintConfig> {
  const candidates =
    explicit === undefined ? CONFIG_FILE_NAMES.map((name) => join(root, name)) : [explicit]
  for (const candidate of candidates) {
    let bytes: Buffer
    try {
      bytes = await readFile(candidate)
    } catch (error) {
      if (explicit === undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') continue
      throw new UsageError(
        `cannot read config file ${candidate}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`
      )
    }
    const label = explicit ?? relative(root, candidate)
    return parseLintConfig(label, bytes)
  }
  return defaultConfig
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
  const where = path === '' ? 'the config' : `"${path}"`
  const ruleIds = rules.map((rule) => rule.id)
  if (issue.keyword === 'propertyNames' && issue.field !== undefined && issue.path[0] === 'rules') {
    const guess = closest(issue.field, ruleIds)
    return `unknown rule "${issue.field}" in "rules"${guess === undefined ? '' : ` (did you mean "${guess}"?)`}`
  }
  if (
    issue.keyword === 'propertyNames' &&
    issue.field !== undefined &&
    issue.path[0] === 'toolLimits'
  ) {
    const ids = platforms.filter((platform) => platform.id !== 'source').map((p) => p.id)
    const guess = closest(issue.field, ids)
    return `unknown platform "${issue.field}" in "toolLimits"${guess === undefined ? '' : ` (did you mean "${guess}"?)`}`
  }
  if (issue.keyword === 'additionalProperties' && issue.field !== undefined) {
    return `unknown key "${issue.field}" in ${where}`
  }
  if (issue.keyword === 'required' && issue.field !== undefined) {
    return `${where} is missing "${issue.field}"`
  }
  if (issue.keyword === 'type') {
    const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`)
    return `${where} must be ${issue.expected.map(article).join(' or ')}`
  }
  if (issue.keyword === 'enum')
    return `${where} must be one of ${issue.expected.map((value) => `"${value}"`).join(', ')}`
  return `${where} ${issue.detail}`
}

function checkInside(label: string, path: string): void {
  const normal = normalize(path)
  if (
    isAbsolute(path) ||
    normal === '..' ||
    normal.startsWith('../') ||
    normal.startsWith('..\\')
  ) {
    throw new UsageError(
      `${label}: "paths" entry "${path}" is outside the repository; paths are repo-relative`
    )
  }
}

/** Whether an ignore entry covers a finding. */
export function matchesIgnore(
  ignore: Ignore,
  finding: { ruleId: string; file: string; server?: string }
): boolean {
  if (ignore.rule !== undefined && ignore.rule !== finding.ruleId) return false
  if (ignore.server !== undefined && ignore.server !== finding.server) return false
  if (
    ignore.files !== undefined &&
    !ignore.files.some((glob) => globToRegExp(glob).test(finding.file))
  )
    return false
  return true
}
