import type { LintConfig, TimeoutSettings } from '../config/lint-config.js'
import { defaultEnumerationOptions, type EnumerationOptions } from '../runner/options.js'
import type { EnumerateRequest } from './options.js'

/**
 * Command-line settings over mcp-lint.json's `enumeration`, over the defaults; a server's own
 * settings in `enumeration.servers` over all of them.
 */
export function enumerationOptions(
  config: LintConfig,
  request: EnumerateRequest
): EnumerationOptions {
  const settings = config.enumeration
  const seconds = (value: number | undefined, fallback: number) =>
    value === undefined ? fallback : Math.round(value * 1000)
  const defaults = defaultEnumerationOptions
  const limitsFor = (timeouts: TimeoutSettings, base: EnumerationOptions['limits']) => {
    const totalMs = seconds(timeouts.timeoutSeconds, base.totalMs)
    // A longer whole-server time lifts the step limits not set beside it: a server given 90 s
    // may spend 60 of them starting.
    const step = (value: number | undefined, baseMs: number) =>
      seconds(value, timeouts.timeoutSeconds === undefined ? baseMs : Math.max(baseMs, totalMs))
    return {
      ...base,
      totalMs,
      initializeMs: step(timeouts.initializeTimeoutSeconds, base.initializeMs),
      listMs: step(timeouts.listTimeoutSeconds, base.listMs)
    }
  }
  const limits = limitsFor(
    {
      ...settings,
      ...(request.timeoutSeconds === undefined ? {} : { timeoutSeconds: request.timeoutSeconds })
    },
    defaults.limits
  )
  return {
    ...defaults,
    sandbox: request.sandbox ?? defaults.sandbox,
    concurrency: request.concurrency ?? settings.concurrency ?? defaults.concurrency,
    limits,
    serverLimits: Object.fromEntries(
      Object.entries(settings.servers ?? {}).map(([name, timeouts]) => [
        name,
        limitsFor(timeouts, limits)
      ])
    ),
    runTimeoutMs: seconds(settings.runTimeoutSeconds, defaults.runTimeoutMs),
    retimeAboveMs: config.ruleSettings.slowStartMs,
    ...(request.refusal === undefined ? {} : { refusal: request.refusal }),
    ...(request.tempDir === undefined ? {} : { tempDir: request.tempDir }),
    allowAppArmorProfile: request.allowAppArmorProfile ?? false,
    remote: {
      enabled: request.remote ?? false,
      bindings: request.remoteHeaders ?? [],
      allowPrivateHosts: request.allowPrivateHosts ?? false
    },
    ...(request.cacheDir === undefined ? {} : { cacheDir: request.cacheDir }),
    ...(request.onProgress === undefined ? {} : { onProgress: request.onProgress })
  }
}
