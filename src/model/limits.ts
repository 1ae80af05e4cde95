import type { Certainty, Platform } from '../platforms/platform.js'

/** A user's thresholds for one platform (mcp-lint.json `toolLimits`); null turns one off. */
export interface ToolLimitSetting {
  readonly warning?: number | null
  readonly error?: number | null
}

/** The thresholds in force for a platform, and whether each came from the user. */
export interface EffectiveLimits {
  readonly warning: number | undefined
  readonly error: number | undefined
  readonly warningFromUser: boolean
  readonly errorFromUser: boolean
  readonly certainty: Certainty
  readonly consequence: string | undefined
}

/** The platform's sourced defaults under the user's settings. */
export function limitsFor(
  platform: Platform,
  setting: ToolLimitSetting | undefined
): EffectiveLimits {
  const defaults = platform.tools?.limits
  return {
    warning: pick(setting?.warning, defaults?.warning?.value),
    error: pick(setting?.error, defaults?.error?.value),
    warningFromUser: setting?.warning !== undefined && setting.warning !== null,
    errorFromUser: setting?.error !== undefined && setting.error !== null,
    certainty: defaults?.certainty ?? 'confirmed',
    consequence: defaults?.consequence
  }
}

function pick(setting: number | null | undefined, fallback: number | undefined) {
  return setting === null ? undefined : (setting ?? fallback)
}
