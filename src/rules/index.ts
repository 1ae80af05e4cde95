import configDuplicateKey from './config-duplicate-key.js'
import configEnvSyntax from './config-env-syntax.js'
import configMismatch from './config-mismatch.js'
import configSchema from './config-schema.js'
import configSyntax from './config-syntax.js'
import configUnknownField from './config-unknown-field.js'
import configUnreadable from './config-unreadable.js'
import type { Rule } from './rule.js'
import serverSandboxUnavailable from './server-sandbox-unavailable.js'
import serverSkipped from './server-skipped.js'
import serverStartFailed from './server-start-failed.js'
import toolSurfaceDrift from './tool-surface-drift.js'
import sourceDrift from './source-drift.js'
import sourceDuplicateServer from './source-duplicate-server.js'
import sourceUnexpressible from './source-unexpressible.js'

/** The registry, sorted by id: docs, the config schema's rule list and SARIF rules come from here. */
export const rules: readonly Rule[] = [
  configDuplicateKey,
  configEnvSyntax,
  configMismatch,
  configSchema,
  configSyntax,
  configUnknownField,
  configUnreadable,
  serverSandboxUnavailable,
  serverSkipped,
  serverStartFailed,
  sourceDrift,
  sourceDuplicateServer,
  sourceUnexpressible,
  toolSurfaceDrift
] as readonly Rule[]

const byId = new Map(rules.map((rule) => [rule.id, rule]))

export function findRule(id: string): Rule | undefined {
  return byId.get(id)
}

export const DOCS_BASE_URL = 'https://github.com/mcp-lint/mcp-lint/blob/main/docs/rules'

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}/${id}.md`
}
