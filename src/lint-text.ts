import type { Diagnostic } from './core/diagnostic.js'
import { loadConfigBytes } from './core/load.js'
import { runRules } from './engine.js'
import { platformForPath } from './platforms/index.js'
import type { Platform } from './platforms/platform.js'
import type { Rule } from './rules/rule.js'

/**
 * Lints one file held in memory, as if it sat at `path` in a repository: what rule examples, the
 * rule tester and the docs generator run. The platform comes from the path unless given.
 */
export function lintText(
  path: string,
  text: string | Uint8Array,
  registry: readonly Rule[],
  platform: Platform | undefined = platformForPath(path)
): Diagnostic[] {
  if (platform === undefined) throw new Error(`no platform reads ${path}; pass one explicitly`)
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text
  const file = loadConfigBytes(path, platform, bytes)
  return runRules({ files: [file] }, registry, {})
}
