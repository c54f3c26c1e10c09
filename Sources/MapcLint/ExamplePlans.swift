import MapcModel

/// Small plans the checks' examples are made from.
public enum ExamplePlans {
  /// The "today" every example is linted with, so that time-dependent examples stay true.
  public static let today = CalendarDate(daysSince1970: 20_780)  // 2026-11-23

  /// The smallest plan that lints clean against the plan schema.
  public static let minimal = """
    ---
    map: 1
    id: acme-rollout
    title: Acme × Northwind rollout
    buyer: Acme Corp
    seller: Northwind Analytics
    value: Cut month-end close from 9 days to 3 by consolidating 14 data sources.
    go_live: 2027-03-01
    value_date: 2027-06-01
    stakeholders:
      - { id: dana, name: Dana Ruiz, side: buyer, role: economic-buyer }
      - { id: sam, name: Sam Okafor, side: seller, role: account-executive }
    stages: [implementation, value]
    milestones:
      - id: kickoff
        title: Project kickoff
        stage: implementation
        owners: [dana, sam]
        due: 2027-01-11
        status: not-started
    ---
    ## Why now

    Acme's finance team closes the books by hand.

    """

  /// ``minimal`` with its one occurrence of `target` replaced by `replacement`; a target that
  /// is missing or ambiguous is recorded in the result's ``ExampleText/misses``.
  public static func minimal(replacing target: String, with replacement: String) -> ExampleText {
    ExampleText(minimal).replacing(target, with: replacement)
  }
}
