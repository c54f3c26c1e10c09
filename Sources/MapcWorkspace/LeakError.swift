import MapcModel

extension UsageError {
  /// The error that stops a buyer output in which the leak guard found internal content: exit
  /// code 2, with the plan and the place named (never the content).
  public init(_ leak: LeakGuard.Leak) {
    self.init(leak.message, help: leak.help)
  }
}
