interface Store<K, V> {
  get(key: K): V | undefined
  set(key: K, value: V): unknown
}

/**
 * The value a map keeps for a key, computed and stored on first use: the caches of derived forms
 * (a file's surface, a target's rendered servers) that several rules read.
 */
export function getOrCompute<K, V>(store: Store<K, V>, key: K, compute: () => V): V {
  let value = store.get(key)
  if (value === undefined) {
    value = compute()
    store.set(key, value)
  }
  return value
}

/** Names one derived value of a {@link Derived}; `T` is the value's type. */
export interface DerivedKey<T> {
  readonly name: string
  /** Never set: it only carries `T`. */
  readonly type?: T
}

export function derivedKey<T>(name: string): DerivedKey<T> {
  return { name }
}

/** What an object with nothing derived yet holds: one shared empty list. */
const none: readonly unknown[] = []

/**
 * Values derived from one object and kept on it, so they live exactly as long as it does. Used
 * where there are thousands of such objects (server entries): a WeakMap keyed by thousands of young
 * objects makes every scavenge process its entries, which cost more than the work it saved.
 */
export class Derived {
  // Pairs of key and value in a flat list: an entry holds one to three, and a Map each would
  // weigh more than the values it holds.
  #pairs: readonly unknown[] = none

  get<T>(key: DerivedKey<T>, compute: () => T): T {
    const pairs = this.#pairs
    for (let index = 0; index < pairs.length; index += 2)
      if (pairs[index] === key) return pairs[index + 1] as T
    const value = compute()
    // concat makes a list of the exact length, where push or a spread leave room for 16 more on
    // each of thousands. The pair is wrapped so that a value that is an array is not spread.
    this.#pairs = this.#pairs.concat([key, value])
    return value
  }
}
