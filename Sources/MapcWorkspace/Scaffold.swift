/// The files `mapc init` writes: a configuration (with the configuration schema beside it, for
/// editors), an example plan, a `.gitignore` for rendered snapshots, and CI recipes for GitHub
/// Actions (through this repository's action, `action.yml`) and GitLab CI. `Examples/ci/` holds
/// the same two CI files, byte for byte (a test checks this, validates them against the CI
/// providers' schemas, and runs every `mapc` command line of them and of `action.yml` against a
/// fixture repository, so a renamed flag breaks the build).
public enum Scaffold {
  /// Paths relative to the scaffolded folder, with their contents, in the order written.
  public static let files: [(path: String, contents: String)] = [
    ("mapc.yml", configuration),
    (configurationSchemaPath, CarriedSchemas.config),
    ("plans/example.map.md", examplePlan),
    ("snapshots/.gitignore", snapshotsIgnore),
    (".github/workflows/mapc.yml", githubWorkflow),
    (".gitlab-ci.yml", gitlabCI),
  ]

  /// Where the scaffold puts the configuration schema; `mapc.yml`'s first line points editors there.
  public static let configurationSchemaPath = ".mapc/config.schema.json"

  /// The GitHub repository that publishes mapc and its action (`action.yml` at its root).
  public static let actionRepository = "mapc-dev/mapc"

  /// The action the scaffolded workflow uses: this repository at the tag of this mapc version,
  /// so the workflow builds the same mapc that scaffolded it.
  public static let action = "\(actionRepository)@v\(MapcVersion.current)"

  /// The Debian/Ubuntu packages the GitLab job installs: `Scripts/system-packages.txt`, which
  /// `Scripts/bootstrap.sh` and `action.yml` read (a test checks they agree).
  public static let systemPackages = ["pkg-config", "libyaml-dev", "libgit2-dev", "libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]

  public static let configuration = """
    # yaml-language-server: $schema=.mapc/config.schema.json
    # mapc configuration. mapc looks for this file in the working directory and its parents;
    # paths below are relative to it.
    #
    # The line above gives completion and validation in editors that use the YAML language server
    # (VS Code with Red Hat's YAML extension, and others). It points at the configuration schema
    # that `mapc init` wrote; after upgrading mapc, write it again with
    #   mapc schema config > .mapc/config.schema.json

    # Which files are plans: globs ("**" is any number of folders). Default ["**/*.map.md"].
    plans: ["plans/**/*.map.md"]

    # Plans to leave out, e.g. closed deals kept for reference.
    exclude: ["plans/archive/**"]

    # A fixed "today" (YYYY-MM-DD) for the time-dependent rules (overdue, due soon). Leave it
    # unset to use the clock; set it, or SOURCE_DATE_EPOCH, for reproducible output.
    # today: 2027-01-15

    # Severity per check, by code or name: error | warning | note | off (`mapc rules` lists them).
    # rules:
    #   no-seller-counterpart: off

    # Per-path rule settings; later entries win.
    # overrides:
    #   - paths: ["plans/drafts/**"]
    #     rules: { MAP021: warning }

    # Thresholds of the practice rules.
    # thresholds:
    #   buyer_share: 0.3            # the smallest share of open milestones the buyer owns
    #   placeholder_due_days: 14    # how soon before its due date a role placeholder needs a name

    # History: days without a commit before a plan counts as stale (lint and `mapc slip`).
    slip:
      stale_after_days: 14

    # An extra JSON Schema every plan must also satisfy, e.g. your CRM's required fields.
    # schema:
    #   extend: schemas/team.schema.json

    """

  public static let examplePlan = """
    ---
    map: 1
    id: example-acme-rollout
    title: Acme × Northwind — onboarding platform live before the 2028 hiring wave
    buyer: Acme Manufacturing
    seller: Northwind
    value: >-
      Every new Acme hire productive in their first week (today: four weeks), with onboarding
      tasks, equipment and training tracked in one place.

    objectives:
      - challenge: New hires wait weeks for equipment and accounts; HR tracks onboarding in spreadsheets.
        result: One onboarding checklist per hire, started on the day the offer is signed.
        success_criteria:
          - 90% of new hires have equipment and accounts on day one
          - Time to first productive week under 7 days
        deliverables:
          - Onboarding templates for the three largest roles
          - HR system integration for new-hire records

    compelling_event:
      what: Spring 2028 hiring wave of 120 new staff
      date: 2028-03-01
      why: Acme opens a second plant in March 2028 and cannot onboard 120 people by spreadsheet.

    go_live: 2028-01-15
    value_date: 2028-04-30

    stakeholders:
      - id: hannah
        name: Hannah Lee
        title: Head of People
        side: buyer
        role: champion
        decides: [scope]
        email: hannah.lee@acme.example
      - id: victor
        name: Victor Ruiz
        title: Chief Financial Officer
        side: buyer
        role: economic-buyer
        decides: [budget, signature]
        email: victor.ruiz@acme.example
      - id: ines
        name: Ines Novak
        title: IT Manager
        side: buyer
        role: it
        decides: [security, technical]
        email: ines.novak@acme.example
      - id: sam
        name: Sam Seller
        title: Account Executive
        side: seller
        role: account-executive
        email: sam@northwind.example
      - id: priya
        name: Priya Shah
        title: Implementation Lead
        side: seller
        role: implementation-lead
        email: priya.shah@northwind.example

    stages: [discovery, validation, final-agreements, implementation, value]

    milestones:
      - id: discovery-call
        title: Onboarding process, volumes and goals understood
        stage: discovery
        owners: [hannah, sam]
        due: 2026-10-15
        status: done
        done_on: 2026-10-14
        progress:
          - on: 2026-10-14
            note: 120 hires planned for spring 2028; onboarding takes four weeks today.
            by: sam

      - id: pilot
        title: Ten hires onboarded in a pilot workspace
        stage: validation
        owners: [hannah, priya]
        due: 2027-07-15
        status: not-started
        depends_on: [discovery-call]
        success_criteria:
          - All ten pilot hires have equipment and accounts on day one

      - id: business-case
        title: Business case with pilot results reviewed by the CFO
        stage: validation
        owners: [victor, hannah, sam]
        due: 2027-07-31
        status: not-started
        depends_on: [pilot]
        success_criteria:
          - Pilot results meet the day-one target agreed in discovery

      - id: security-review
        title: Security review and data processing agreement approved
        stage: final-agreements
        owners: [ines, priya]
        due: 2027-08-31
        status: not-started
        depends_on: [pilot]
        success_criteria:
          - HR data flows reviewed by Acme IT
          - DPA signed

      - id: plan-approved
        title: Plan approved and order form signed
        stage: final-agreements
        owners: [victor, hannah, sam]
        due: 2027-09-30
        status: not-started
        depends_on: [security-review, business-case]

      - id: integration
        title: HR system integration and onboarding templates live
        stage: implementation
        owners: [ines, priya]
        due: 2027-12-15
        status: not-started
        depends_on: [plan-approved]
        success_criteria:
          - New-hire records flow from the HR system within one hour

      - id: go-live
        title: Every new hire onboarded from the platform
        stage: implementation
        owners: [hannah, priya]
        due: 2028-01-15
        status: not-started
        depends_on: [integration]

      - id: value-review
        title: First value review on time to productivity
        stage: value
        owners: [hannah, sam]
        due: 2028-04-30
        status: not-started
        depends_on: [go-live]
        success_criteria:
          - Spring 2028 hires compared with the four-week baseline

    check_ins:
      cadence: biweekly
      with: Hannah Lee and Sam Seller

    internal:
      amount: 60000
      currency: USD
      next_steps:
        - Send Victor the pilot plan and pricing summary.
    ---

    ## Why now

    Acme opens a second plant in **March 2028** and hires 120 people for it. Onboarding them the
    way it works today, by spreadsheet and email, would take four weeks per hire.

    ## Notes

    Replace this example with your own plans: one `*.map.md` file per deal under `plans/`.
    Run `mapc lint` to check them and `mapc rules` to see every check.

    """

  /// Rendered snapshots stay out of git: they are build output, and an internal one shows what
  /// the buyer must not see.
  public static let snapshotsIgnore = """
    # Snapshots rendered here (`mapc render --all -o snapshots`) are build output, and an internal
    # one holds what the buyer must not see: keep them out of git. Only this file is committed.
    *
    !.gitignore

    """

  public static let githubWorkflow = """
    # mapc on every pull request (scaffolded by `mapc init`): lint the plans (annotations on the
    # pull request and a SARIF upload for code scanning) and comment what the plan changes mean,
    # only when plans changed. The mapc action builds mapc once per version (cached) on the runner.
    name: mapc

    on:
      pull_request:

    permissions:
      contents: read
      pull-requests: write      # the plan changes comment
      security-events: write    # the SARIF upload

    jobs:
      mapc:
        runs-on: ubuntu-latest
        steps:
          - uses: actions/checkout@v4
            with:
              fetch-depth: 0    # full history: lint --base, diff and slip read it

          - uses: \(action)
            with:
              lint: true              # annotations, and the change rules against the base; fails on errors
              strict: false           # true: fail on warnings and notes too
              sarif: true             # code scanning
              diff-comment: true      # the plan changes as a pull-request comment
              working-directory: .    # where mapc.yml is (or a folder below it)

    """

  public static let gitlabCI = """
    # mapc on merge requests (scaffolded by `mapc init`): lint the plans into a Code Quality report
    # (shown in the merge request), with the change rules against the merge request's base, and
    # keep what the plan changes mean as a job artifact (mapc-diff.md). mapc is built from source
    # once per MAPC_REF and cached.
    mapc:
      stage: test
      image: swift:6.1            # a Swift 6 toolchain to build mapc with
      variables:
        GIT_DEPTH: 0              # full history: mapc reads baselines and slip from it
        MAPC_GIT_URL: https://github.com/\(actionRepository).git
        MAPC_REF: v\(MapcVersion.current)
      rules:
        - if: $CI_PIPELINE_SOURCE == "merge_request_event"
      cache:
        key: mapc-$MAPC_REF
        paths:
          - .mapc-bin/
      before_script:
        - apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \(systemPackages.joined(separator: " "))
        - |
          if [ ! -x .mapc-bin/mapc ]; then
            git clone --quiet --depth 1 --branch "$MAPC_REF" "$MAPC_GIT_URL" /tmp/mapc-src
            swift build -c release --product mapc --static-swift-stdlib --package-path /tmp/mapc-src
            mkdir -p .mapc-bin
            cp "$(swift build -c release --package-path /tmp/mapc-src --show-bin-path)/mapc" .mapc-bin/
          fi
        - export PATH="$CI_PROJECT_DIR/.mapc-bin:$PATH"
        - mapc --version
      script:
        - base="${CI_MERGE_REQUEST_DIFF_BASE_SHA:-origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME}"
        - mapc diff "$base" --format markdown > mapc-diff.md
        - mapc lint --format gitlab --base "$base" > gl-code-quality-report.json || true
        - mapc lint --base "$base"
      artifacts:
        when: always
        paths:
          - mapc-diff.md
        reports:
          codequality: gl-code-quality-report.json

    """
}
