interface Store<K, V> {
  get(key: K): V | undefined
  set(key: K, value: V): unknown
}

/**
 * The value a map keeps for a key, computed and stored on first use: the caches of derived forms
 * (a file's surface, a target's rendered servers, an entry's plain value) that several rules read.
 */
export function getOrCompute<K, V>(store: Store<K, V>, key: K, compute: () => V): V {
  let value = store.get(key)
  if (value === undefined) {
    value = compute()
    store.set(key, value)
  }
  return value
}
