import { Derived, derivedKey } from '../../src/util/memo.js'

describe('Derived', () => {
  it('computes each value once per object and key, an undefined value included', () => {
    const derived = new Derived()
    const count = derivedKey<number>('count')
    const nothing = derivedKey<number | undefined>('nothing')
    let calls = 0
    const compute = () => ++calls
    expect(derived.get(count, compute)).toBe(1)
    expect(derived.get(count, compute)).toBe(1)
    const none = (): number | undefined => {
      calls++
      return undefined
    }
    expect(derived.get(nothing, none)).toBeUndefined()
    expect(derived.get(nothing, none)).toBeUndefined()
    expect(calls).toBe(2)
    // Two keys with one name are two keys.
    expect(new Derived().get(derivedKey<number>('count'), () => 7)).toBe(7)
    expect(derived.get(derivedKey<number>('count'), () => 9)).toBe(9)
  })
  it('keeps a value that is a list whole, and values computed while computing another', () => {
    const derived = new Derived()
    const list = derivedKey<string[]>('list')
    const outer = derivedKey<string>('outer')
    const inner = derivedKey<string>('inner')
    expect(derived.get(list, () => ['a', 'b'])).toEqual(['a', 'b'])
    expect(derived.get(outer, () => `${derived.get(inner, () => 'in')}+out`)).toBe('in+out')
    expect(derived.get(list, () => [])).toEqual(['a', 'b'])
    expect(derived.get(inner, () => 'again')).toBe('in')
    expect(derived.get(outer, () => 'again')).toBe('in+out')
  })
})
