import {
  compareDiagnostics,
  type Diagnostic,
  type Severity,
  type SeveritySetting
} from './core/diagnostic.js'
import type { ConfigFile, Workspace } from './core/model.js'
import type { Location } from './core/source.js'
import type { Messages, ReportOptions, Rule } from './rules/rule.js'

/** Runs every enabled rule over the workspace and returns its findings, sorted. */
export function runRules(
  workspace: Workspace,
  registry: readonly Rule[],
  settings: Readonly<Record<string, SeveritySetting>>
): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  for (const rule of registry) {
    const setting = settings[rule.id] ?? rule.severity
    if (setting === 'off') continue
    const reporter = (file: ConfigFile | undefined) =>
      ((messageId: string, at: Location, data: unknown, options: ReportOptions = {}) => {
        const build = rule.messages[messageId] as ((data: unknown) => string) | undefined
        if (build === undefined) throw new Error(`rule ${rule.id} has no message ${messageId}`)
        const owner =
          file?.path === at.file
            ? file
            : workspace.files.find((candidate) => candidate.path === at.file)
        diagnostics.push({
          ruleId: rule.id,
          messageId,
          message: build(data),
          severity: options.unconfirmed === true ? lower(setting) : setting,
          file: at.file,
          range: at.range,
          ...(owner === undefined ? {} : { platform: owner.platform.id }),
          ...(options.server === undefined ? {} : { server: options.server })
        })
      }) as never
    if (rule.phase === 'file') {
      for (const file of workspace.files)
        rule.check({ file, report: reporter(file) } as Parameters<typeof rule.check>[0])
    } else if (rule.phase === 'workspace') {
      rule.check({ workspace, report: reporter(undefined) } as Parameters<typeof rule.check>[0])
    } else if (workspace.tools !== undefined) {
      rule.check({ workspace, tools: workspace.tools, report: reporter(undefined) } as Parameters<
        typeof rule.check
      >[0])
    }
  }
  return diagnostics.sort(compareDiagnostics)
}

/** A finding that rests on an unconfirmed platform fact is one level milder: error → warning → notice. */
function lower(severity: Severity): Severity {
  return severity === 'error' ? 'warning' : 'notice'
}

export type { Messages }
