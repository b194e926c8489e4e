/** Names one kind of value derived from a model, typed by what it holds. */
export class CacheKey<T> {
  declare private readonly type: T
  constructor(readonly name: string) {}
}

/**
 * Values derived from one package's model (every package call, the rate limiters it creates, the
 * request data of each handler): computed once, and gone with the model when the scan moves on.
 */
export class ModelCache {
  private readonly values = new Map<CacheKey<unknown>, unknown>()

  get<T>(key: CacheKey<T>): T | undefined {
    return this.values.get(key) as T | undefined
  }

  set<T>(key: CacheKey<T>, value: T): T {
    this.values.set(key, value)
    return value
  }

  /** The value under `key`, computed on first use. */
  once<T>(key: CacheKey<T>, compute: () => T): T {
    return this.values.has(key) ? (this.values.get(key) as T) : this.set(key, compute())
  }
}
