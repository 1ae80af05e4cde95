// References and fill-in templates inside a value (`${VAR}`, `{{token}}`, `<your-key>`, …): their
// spans, and the literal text around them.
import { findReferences } from '../../model/interpolation.js'

/** The same shapes inside a longer string; `${…}`, `$VAR` and `{env:…}` come from findReferences. */
const embeddedTemplate =
  /\$\{\{[^{}]{0,200}\}\}|\{\{[^{}]{0,200}\}\}|\$\([^()]{0,200}\)|%[A-Za-z_][A-Za-z0-9_]{0,100}%|__[A-Z][A-Z0-9_]{0,100}__|<[^<>\s]{1,200}>|\[[A-Z][A-Z0-9_]{1,100}\]|\{[A-Z_][A-Z0-9_]{1,100}\}/g

/** `[start, end)` of every reference or template inside a string. */
export function findTemplateSpans(text: string): (readonly [number, number])[] {
  const spans: (readonly [number, number])[] = findReferences(text).map(
    (reference) => [reference.start, reference.end] as const
  )
  for (const match of text.matchAll(embeddedTemplate))
    spans.push([match.index, match.index + match[0].length])
  return spans.sort((a, b) => a[0] - b[0])
}

export function containsTemplate(text: string): boolean {
  return findTemplateSpans(text).length > 0
}

export function removeSpans(text: string, spans: readonly (readonly [number, number])[]): string {
  return literalChunks(0, text.length, spans)
    .map(([start, end]) => text.slice(start, end))
    .join(' ')
}

/** The pieces of `[start, end)` outside the given spans (which may overlap). */
export function literalChunks(
  start: number,
  end: number,
  spans: readonly (readonly [number, number])[]
): [number, number][] {
  const chunks: [number, number][] = []
  let at = start
  for (const [spanStart, spanEnd] of spans) {
    if (spanEnd <= at) continue
    if (spanStart > at) chunks.push([at, Math.min(spanStart, end)])
    at = Math.max(at, spanEnd)
    if (at >= end) break
  }
  if (at < end) chunks.push([at, end])
  return chunks.filter(([chunkStart, chunkEnd]) => chunkEnd > chunkStart)
}
