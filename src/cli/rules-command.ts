import { docsUrl, rules } from '../rules/index.js'
import { ExitCode, type CliIO } from './io.js'
import { oneOf } from './lint-options.js'
import type { Values } from './options.js'

/** `mcp-lint rules`: every rule, its default severity and description; `--format json` for tools. */
export function runRules(values: Values, io: CliIO): number {
  const format = oneOf('--format', values.format ?? 'text', ['text', 'json'] as const)
  if (format === 'json') {
    const list = rules.map((rule) => ({
      id: rule.id,
      severity: rule.severity,
      description: rule.docs.description,
      url: docsUrl(rule.id)
    }))
    io.stdout(`${JSON.stringify(list, null, 2)}\n`)
    return ExitCode.ok
  }
  const lines = rules.map(
    (rule) => `${rule.id.padEnd(26)} ${rule.severity.padEnd(8)} ${rule.docs.description}`
  )
  io.stdout(`${lines.join('\n')}\n`)
  return ExitCode.ok
}
