import {
  compareDiagnostics,
  type Diagnostic,
  type Fix,
  type Severity,
  type SeveritySetting
} from './model/diagnostic.js'
import { allFiles, type AnyConfigFile, type Workspace } from './model/workspace.js'
import { findSecrets } from './detect/secrets.js'
import type { Location } from './model/location.js'
import {
  defaultRuleSettings,
  type Messages,
  type ReportOptions,
  type Rule,
  type RuleSettings
} from './rules/rule.js'

/** Runs every enabled rule over the workspace and returns its findings, sorted. */
export function runRules(
  workspace: Workspace,
  registry: readonly Rule[],
  severities: Readonly<Record<string, SeveritySetting>>,
  settings: RuleSettings = defaultRuleSettings
): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const rule of registry) {
    const setting = severities[rule.id] ?? rule.severity
    if (setting === 'off') continue
    const reporter = (file: AnyConfigFile | undefined) =>
      ((messageId: string, at: Location, data: unknown, options: ReportOptions = {}) => {
        const build = rule.messages[messageId] as ((data: unknown) => string) | undefined
        if (build === undefined) throw new Error(`rule ${rule.id} has no message ${messageId}`)
        const owner =
          file?.path === at.file
            ? file
            : allFiles(workspace).find((candidate) => candidate.path === at.file)
        // A file format known only from docs and committed files (`Dialect.certainty`) gets
        // notices about its format, never a failing build.
        const guessed = owner?.platform.certainty === 'unconfirmed' && rule.id.startsWith('config-')
        diagnostics.push({
          ruleId: rule.id,
          messageId,
          message: build(data),
          severity: guessed
            ? 'notice'
            : lower(setting, (options.milder ?? 0) + (options.unconfirmed === true ? 1 : 0)),
          file: at.file,
          range: at.range,
          ...(owner === undefined ? {} : { platform: owner.platform.id }),
          ...(options.server === undefined ? {} : { server: options.server }),
          ...(options.fix === undefined || holdsSecret(options.fix) ? {} : { fix: options.fix })
        })
      }) as never
    if (rule.phase === 'file') {
      for (const file of allFiles(workspace))
        rule.check({ file, settings, report: reporter(file) } as Parameters<typeof rule.check>[0])
    } else if (rule.phase === 'workspace') {
      rule.check({ workspace, settings, report: reporter(undefined) } as Parameters<
        typeof rule.check
      >[0])
    } else if (workspace.tools !== undefined) {
      rule.check({
        workspace,
        tools: workspace.tools,
        settings,
        report: reporter(undefined)
      } as Parameters<typeof rule.check>[0])
    }
  }
  return diagnostics.sort(compareDiagnostics)
}

/** `levels` milder than the configured severity, never below notice: error → warning → notice. */
function lower(severity: Severity, levels: number): Severity {
  const order: readonly Severity[] = ['error', 'warning', 'notice']
  return order[Math.min(order.indexOf(severity) + levels, order.length - 1)] ?? 'notice'
}

export type { Messages }

/** A fix goes to every report; one whose text would carry a secret is dropped, never printed. */
function holdsSecret(fix: Fix): boolean {
  return fix.edits.some((edit) =>
    findSecrets(edit.text).some((match) => match.confidence !== 'low')
  )
}
