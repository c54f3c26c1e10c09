import MapcFuzzing

// libFuzzer calls this for every input; a defect that FuzzTargets.schema returns is the crash it reports.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  if let defect = FuzzTargets.schema(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []) {
    // The harness, not the library, traps: that is the crash libFuzzer reports and minimises.
    fatalError(defect)
  }
  return 0
}

// SwiftPM links an executable's entry point as `FuzzSchema_main` (built with -parse-as-library, the
// module has none of its own), so this hands the command line to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
  _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
  _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("FuzzSchema_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
  var argc = argc
  var argv = argv
  return LLVMFuzzerRunDriver(&argc, &argv, fuzzOne)
}
