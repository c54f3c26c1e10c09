import MapcHistory
import Testing

/// The one rule for a move's reason (issue 14, point 2).
@Suite struct MoveReasonTests {
  @Test func aTrailerMayNameTheMilestonesItExplains() {
    let t = SlipReasonTrailer("[security-review,  legal-review ] HECVAT grew")
    #expect(t.milestones == ["security-review", "legal-review"])
    #expect(t.text == "HECVAT grew")
    #expect(t.covers("legal-review") && !t.covers("integration") && !t.covers(nil))
    #expect(SlipReasonTrailer("[go-live] board meets on the 22nd").covers(nil))
    #expect(SlipReasonTrailer("[go_live] board").covers(nil))
    // Not a list of names: the whole value is the reason.
    #expect(SlipReasonTrailer("[draft without a close").milestones == nil)
    #expect(SlipReasonTrailer("[] empty list").milestones == nil)
    #expect(SlipReasonTrailer("  plain reason ").text == "plain reason")
  }

  @Test func theDueReasonChangedWithTheMoveComesFirst() {
    let r = MoveReason.explanation(
      milestone: "kickoff", dueReasonBefore: "old", dueReasonAfter: "new", slipReasons: ["trailer"])
    #expect(r == MoveReason.Explanation(text: "new", source: .dueReason))
    // An unchanged or blank due_reason is not this move's reason.
    #expect(MoveReason.reason(milestone: "kickoff", dueReasonBefore: "same", dueReasonAfter: "same", slipReasons: []) == nil)
    #expect(MoveReason.reason(milestone: "kickoff", dueReasonBefore: nil, dueReasonAfter: "  ", slipReasons: []) == nil)
  }

  @Test func namedTrailersExplainTheirMilestonesAndUnnamedOnesTheRest() {
    let trailers = ["[security-review] pen test late", "everything else", "[legal-review] queue"]
    func reason(_ m: String?) -> String? {
      MoveReason.reason(milestone: m, dueReasonBefore: nil, dueReasonAfter: nil, slipReasons: trailers)
    }
    #expect(reason("security-review") == "pen test late")
    #expect(reason("legal-review") == "queue")
    #expect(reason("integration") == "everything else")
    #expect(reason(nil) == "everything else")
    #expect(MoveReason.reason(milestone: "integration", dueReasonBefore: nil, dueReasonAfter: nil, slipReasons: ["[kickoff] x"]) == nil)
    #expect(MoveReason.reason(milestone: "kickoff", dueReasonBefore: nil, dueReasonAfter: nil, slipReasons: ["[kickoff]"]) == nil)
    #expect(MoveReason.reason(milestone: "kickoff", dueReasonBefore: nil, dueReasonAfter: nil, slipReasons: ["a", "b"]) == "a; b")
  }
}
