/// mapc's version: `mapc --version`, SARIF's `tool.driver.version`, and anything else that names it.
public enum MapcVersion {
  public static let current = "0.1.0"
}
