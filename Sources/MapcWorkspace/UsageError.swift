/// A command-line mistake: mapc stops with exit code 2.
public struct UsageError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public var help: String?
  public init(_ message: String, help: String? = nil) {
    self.message = message
    self.help = help
  }
  public var description: String { message }
}
