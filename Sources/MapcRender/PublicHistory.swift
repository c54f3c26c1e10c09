import MapcHistory

/// What a buyer sees of a plan version, for outputs outside MapcRender that date a buyer's view
/// by public changes only (`mapc report --audience buyer`): the same fingerprint the buyer's
/// snapshots are dated with (``BuyerHistory``).
public enum PublicHistory {
  /// The public and whole fingerprints of a plan version (public: the frontmatter without
  /// internal values and the body as a buyer snapshot shows it).
  public static let fingerprint: PublicFingerprint = BuyerHistory.fingerprint
}
