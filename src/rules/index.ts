import configDuplicateKey from './config-duplicate-key.js'
import configEnvSyntax from './config-env-syntax.js'
import configMismatch from './config-mismatch.js'
import configSchema from './config-schema.js'
import configSyntax from './config-syntax.js'
import configUnattributed from './config-unattributed.js'
import configUnknownField from './config-unknown-field.js'
import configUnreadable from './config-unreadable.js'
import serverInsecure from './server-insecure.js'
import serverNameGeneric from './server-name-generic.js'
import serverSandboxUnavailable from './server-sandbox-unavailable.js'
import serverSecret from './server-secret.js'
import serverSkipped from './server-skipped.js'
import serverSlowStart from './server-slow-start.js'
import serverStartFailed from './server-start-failed.js'
import serverToolsUnknown from './server-tools-unknown.js'
import serverUnpinned from './server-unpinned.js'
import settingsChanged from './settings-changed.js'
import sourceDrift from './source-drift.js'
import sourceDuplicateServer from './source-duplicate-server.js'
import sourceUnexpressible from './source-unexpressible.js'
import sourceUnused from './source-unused.js'
import toolFilterUnknown from './tool-filter-unknown.js'
import toolNameCollision from './tool-name-collision.js'
import toolNameGeneric from './tool-name-generic.js'
import toolNameInvalid from './tool-name-invalid.js'
import toolPoisoning from './tool-poisoning.js'
import toolSurfaceDrift from './tool-surface-drift.js'
import toolsLimit from './tools-limit.js'
import type { Rule } from './rule.js'

/** The registry, sorted by id: docs, the config schema's rule list and SARIF rules come from here. */
export const rules: readonly Rule[] = [
  configDuplicateKey,
  configEnvSyntax,
  configMismatch,
  configSchema,
  configSyntax,
  configUnattributed,
  configUnknownField,
  configUnreadable,
  serverInsecure,
  serverNameGeneric,
  serverSandboxUnavailable,
  serverSecret,
  serverSkipped,
  serverSlowStart,
  serverStartFailed,
  serverToolsUnknown,
  serverUnpinned,
  settingsChanged,
  sourceDrift,
  sourceDuplicateServer,
  sourceUnexpressible,
  sourceUnused,
  toolFilterUnknown,
  toolNameCollision,
  toolNameGeneric,
  toolNameInvalid,
  toolPoisoning,
  toolSurfaceDrift,
  toolsLimit
] as readonly Rule[]

const byId = new Map(rules.map((rule) => [rule.id, rule]))

export function findRule(id: string): Rule | undefined {
  return byId.get(id)
}

export const DOCS_BASE_URL = 'https://github.com/mcp-lint/mcp-lint/blob/main/docs/rules'

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}/${id}.md`
}
