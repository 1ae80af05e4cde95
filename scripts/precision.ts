// The precision audit on the vendored corpus: per rule, how many findings a maintainer accepts
// (fixtures/precision/labels.tsv). --draft prints a row to label for every unlabelled finding.
//   npx tsx scripts/precision.ts [--draft]
import {
  audit,
  corpusFindings,
  draftRows,
  formatAudit,
  labelsHeader,
  readLabels
} from '../__tests__/helpers/precision.js'

const findings = await corpusFindings()
if (process.argv.includes('--draft')) {
  console.log([labelsHeader, ...draftRows(findings)].join('\n'))
} else {
  const result = audit(findings, readLabels())
  console.log(formatAudit(result))
  for (const finding of result.unlabelled)
    console.log(`unlabelled: ${finding.key.replaceAll('\t', ' ')}`)
  for (const key of result.stale) console.log(`stale label: ${key.replaceAll('\t', ' ')}`)
}
