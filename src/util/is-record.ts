/** A JSON object: not an array, not null. Its keys are read with Object.hasOwn by callers that care. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
