/// Small templates the template checks' examples are made from.
public enum ExampleTemplates {
  /// The smallest template that lints clean against the template schema.
  public static let minimal = """
    ---
    map_template: 1
    id: rollout
    title: ${buyer} × ${seller} rollout
    value: ${buyer} closes the month in 3 days instead of 9 from ${go_live}.
    stakeholders:
      - { id: champion, side: buyer, role: economic-buyer }
      - { id: ae, side: seller, role: account-executive }
    stages: [implementation, value]
    milestones:
      - id: kickoff
        title: Project kickoff
        stage: implementation
        owners: [champion, ae]
        offset: -20
      - id: go-live
        title: ${buyer} live
        stage: implementation
        owners: [champion, ae]
        marks: go_live
        depends_on: [kickoff]
        lead: 10
    ---
    ## Why now

    ${buyer} wants to be live on ${go_live}.

    """

  /// ``minimal`` with one edit; see ``ExampleText``.
  public static func minimal(replacing target: String, with replacement: String) -> ExampleText {
    ExampleText(minimal).replacing(target, with: replacement)
  }
}
