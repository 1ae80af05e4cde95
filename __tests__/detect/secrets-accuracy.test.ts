import { describe, expect, it } from '@jest/globals'
import { formatAccuracy, measureAccuracy } from '../helpers/secrets-labelled.js'

describe('secret detector accuracy', () => {
  it('keeps precision and recall on the labelled set at their measured values', () => {
    const accuracy = measureAccuracy()
    console.log(formatAccuracy(accuracy))
    // Pinned to the measurement, so that any change in either direction shows up in review.
    expect(accuracy.misses).toEqual([])
    expect(accuracy.precision.toFixed(3)).toBe('1.000')
    expect(accuracy.recall.toFixed(3)).toBe('1.000')
    expect([accuracy.truePositives, accuracy.falsePositives, accuracy.falseNegatives]).toEqual([
      120, 0, 0
    ])
  })
})
