import Dispatch
import Synchronization

extension RandomAccessCollection where Index == Int, Self: Sendable, Element: Sendable {
  /// `map` on all cores: `transform` runs once per element, on any thread, and the results
  /// come back in the collection's order, so the output does not depend on scheduling.
  public func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
    let count = self.count
    guard count > 1 else { return map(transform) }
    let slots = Mutex<[T?]>(Array(repeating: nil, count: count))
    let start = startIndex
    DispatchQueue.concurrentPerform(iterations: count) { i in
      let value = transform(self[start + i])
      slots.withLock { $0[i] = value }
    }
    // Every iteration stored its slot before concurrentPerform returned.
    return slots.withLock { $0.compactMap { $0 } }
  }
}

/// A value handed between threads under a lock: set by one, read by another after it is done.
public final class LockedValue<Value: Sendable>: Sendable {
  private let mutex: Mutex<Value>

  public init(_ value: Value) { mutex = Mutex(value) }

  /// The value now.
  public var value: Value {
    get { mutex.withLock { $0 } }
    set { mutex.withLock { $0 = newValue } }
  }
}
