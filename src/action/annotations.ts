import type { LintResult } from '../lint.js'
import { annotationsWithinBudget } from '../reporters/annotations.js'
import { plural } from '../util/plural.js'
import type { ActionIO } from './action-io.js'

/** Emits the annotations within budget; returns how many findings did not get one. */
export function annotate(
  io: ActionIO,
  result: LintResult,
  prefix: string,
  changed: ReadonlyMap<string, ReadonlySet<number>> | undefined
): number {
  const inRepo = prefix === '' || prefix.startsWith('..') ? '' : `${prefix}/`
  const { annotations, omitted } = annotationsWithinBudget(
    result.diagnostics,
    prefix,
    (file, line) => changed?.get(`${inRepo}${file}`)?.has(line) === true
  )
  for (const annotation of annotations)
    io.annotate(annotation.level, annotation.message, annotation.properties)
  if (omitted > 0)
    io.info(
      `${plural(omitted, 'finding was', 'findings were')} not annotated: GitHub shows at most 10 per level in a step; the job summary lists all`
    )
  return omitted
}
