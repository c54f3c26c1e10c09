extension Scaffold {
  /// Where `mapc init` puts its plan template.
  public static let templatePath = "templates/onboarding.map-template.md"

  /// The template `mapc init` scaffolds, byte for byte `Examples/templates/onboarding.map-template.md`
  /// (a test checks it): `mapc init` writes it and makes a plan from it dated from the day it
  /// runs (``templatePlanPath``), through the same code as `mapc new`.
  public static let onboardingTemplate = #"""
    ---
    map_template: 1
    id: onboarding
    title: ${buyer} onboarding on ${seller}
    description: Post-sale onboarding from kickoff to the first value review, about six weeks to go-live.
    value: >-
      ${buyer}'s team works in ${seller} from ${go_live}, with <the first outcome> measured on
      ${value_date}.

    stakeholders:
      - { id: sponsor, side: buyer, role: executive-sponsor, decides: [scope] }
      - { id: project-lead, side: buyer, role: champion, title: Project lead }
      - { id: admin, side: buyer, role: it, title: System administrator }
      - { id: csm, side: seller, role: customer-success-manager }
      - { id: implementation, side: seller, role: implementation-lead }

    stages: [kickoff, setup, training, launch, value]

    milestones:
      - id: kickoff
        title: Kickoff held; goals, owners and dates confirmed
        stage: kickoff
        owners: [sponsor, project-lead, csm]
        offset: -30
      - id: accounts
        title: Accounts, single sign-on and permissions set up
        stage: setup
        owners: [admin, implementation]
        depends_on: [kickoff]
        lead: 5
      - id: data-import
        title: Existing data imported and checked by ${buyer}
        stage: setup
        owners: [project-lead, implementation]
        depends_on: [accounts]
        lead: 10
      - id: training
        title: Every user trained
        stage: training
        owners: [project-lead, csm]
        offset: -5
        depends_on: [data-import]
        lead: 3
      - id: go-live
        title: ${buyer} works in ${seller} every day
        stage: launch
        owners: [sponsor, project-lead, csm]
        marks: go_live
        depends_on: [training]
        lead: 5
      - id: value-review
        title: First value review with the sponsor
        stage: value
        owners: [sponsor, csm]
        marks: value_date
        offset: 30
        depends_on: [go-live]

    check_ins:
      cadence: weekly
    ---
    ## Goals

    <What ${buyer} wants to be true by ${value_date}.>

    """#

  /// The plan `mapc init` makes from ``onboardingTemplate``.
  public static let templatePlanPath = "plans/first-onboarding.map.md"
}
