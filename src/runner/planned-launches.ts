import type { LaunchDecision } from './launch.js'
import { sanitize } from './text.js'

export interface Planned {
  readonly file: string
  readonly name: string
  readonly decision: LaunchDecision
}

/**
 * A name for each launch in progress lines: the server's name, and its file when the same name
 * launches differently elsewhere (otherwise "starting github" would appear once per variant).
 */
export function labelLaunches(
  planned: readonly Planned[]
): Map<string, { name: string; label: string }> {
  const first = new Map<string, Planned>()
  for (const entry of planned) {
    const key = keyOf(entry.decision)
    if (key !== undefined && !first.has(key)) first.set(key, entry)
  }
  const launchesByName = new Map<string, number>()
  for (const { name } of first.values())
    launchesByName.set(name, (launchesByName.get(name) ?? 0) + 1)
  const labels = new Map<string, { name: string; label: string }>()
  for (const [key, { name, file }] of first) {
    const shared = (launchesByName.get(name) ?? 0) > 1
    labels.set(key, { name, label: sanitize(shared ? `${name} (${file})` : name, 120) })
  }
  return labels
}

export function keyOf(decision: LaunchDecision): string | undefined {
  return 'launch' in decision
    ? decision.launch.key
    : 'remote' in decision
      ? decision.remote.key
      : undefined
}
