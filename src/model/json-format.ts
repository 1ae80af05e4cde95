import type { PlainValue } from './tree.js'

/** Objects one key per line, arrays of scalars on one line when short, as people write MCP configs. */
export function formatValue(value: PlainValue, indent: string, unit: string, eol: string): string {
  if (Array.isArray(value)) {
    const inline = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`
    if (
      value.every((item) => item === null || typeof item !== 'object') &&
      indent.length + inline.length <= 100
    )
      return inline
    const items = value.map(
      (item) => `${indent}${unit}${formatValue(item, indent + unit, unit, eol)}`
    )
    return `[${eol}${items.join(`,${eol}`)}${eol}${indent}]`
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
    if (entries.length === 0) return '{}'
    const lines = entries.map(
      ([key, item]) =>
        `${indent}${unit}${JSON.stringify(key)}: ${formatValue(item, indent + unit, unit, eol)}`
    )
    return `{${eol}${lines.join(`,${eol}`)}${eol}${indent}}`
  }
  return JSON.stringify(value)
}
