import { limitsFor } from '../model/limits.js'
import type { Workspace } from '../model/workspace.js'
import { surfaceOf } from '../canonical/surface.js'
import type { PlatformId } from '../platforms/platform.js'
import type { RuleSettings } from '../rules/rule.js'

/** One client config file: how many tools its platform loads from it, against the limits. */
export interface PlatformReport {
  readonly file: string
  readonly platform: PlatformId
  /** Enabled servers. */
  readonly servers: number
  /** Tools of the servers whose tools are known, after the platform's filters. */
  readonly tools: number
  /** Enabled servers whose tools are unknown (not enumerated, not in the lockfile). */
  readonly unknown: number
  readonly limits: { readonly warning?: number; readonly error?: number }
}

export function platformReports(workspace: Workspace, settings: RuleSettings): PlatformReport[] {
  return workspace.files.map((file) => {
    const surfaces = surfaceOf(workspace, file).filter((surface) => surface.enabled)
    const limits = limitsFor(file.platform, settings.toolLimits[file.platform.id])
    return {
      file: file.path,
      platform: file.platform.id,
      servers: surfaces.length,
      tools: surfaces.reduce((total, surface) => total + (surface.visible?.length ?? 0), 0),
      unknown: surfaces.filter((surface) => surface.visible === undefined).length,
      limits: {
        ...(limits.warning === undefined ? {} : { warning: limits.warning }),
        ...(limits.error === undefined ? {} : { error: limits.error })
      }
    }
  })
}
