/// The files `mapc init` writes: a configuration, an example plan and CI recipes for GitHub
/// Actions and GitLab CI. `Examples/ci/` holds the same two CI files, byte for byte (a test
/// checks this, and runs every `mapc` command line of both workflows against a fixture
/// repository, so a renamed flag breaks the build).
public enum Scaffold {
  /// Paths relative to the scaffolded folder, with their contents, in the order written.
  public static let files: [(path: String, contents: String)] = [
    ("mapc.yml", configuration),
    ("plans/example.map.md", examplePlan),
    (".github/workflows/mapc.yml", githubWorkflow),
    (".gitlab-ci.yml", gitlabCI),
  ]

  public static let configuration = """
    # mapc configuration. mapc looks for this file in the working directory and its parents;
    # paths below are relative to it. Schema: Schemas/config.schema.json in the mapc repository.

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

  public static let githubWorkflow = """
    # mapc on every pull request (scaffolded by `mapc init`): lint the plans (annotations and a
    # SARIF upload for code scanning) and post the meaning of the plan changes as a comment.
    name: mapc

    on:
      pull_request:

    permissions:
      contents: read
      pull-requests: write      # the diff comment
      security-events: write    # the SARIF upload

    jobs:
      mapc:
        runs-on: ubuntu-latest
        steps:
          - uses: actions/checkout@v4
            with:
              fetch-depth: 0    # full history: mapc diff and slip read baselines from it

          # Install mapc and put it on PATH. Either build it from source (a Swift 6 toolchain and
          # libyaml-dev, libgit2-dev): set the repository variable MAPC_GIT_URL to mapc's git URL;
          # or replace this step with one that downloads a released mapc binary into a folder on PATH.
          - name: Install mapc
            env:
              MAPC_GIT_URL: ${{ vars.MAPC_GIT_URL }}
            run: |
              sudo apt-get update && sudo apt-get install -y libyaml-dev libgit2-dev
              git clone --depth 1 "$MAPC_GIT_URL" "$RUNNER_TEMP/mapc-src"
              swift build -c release --package-path "$RUNNER_TEMP/mapc-src"
              echo "$RUNNER_TEMP/mapc-src/.build/release" >> "$GITHUB_PATH"

          - name: Lint plans
            run: mapc lint --format github --base "origin/${{ github.base_ref }}"

          - name: Lint plans (SARIF)
            if: ${{ !cancelled() }}
            run: mapc lint --format sarif > mapc.sarif

          - name: Upload SARIF
            if: ${{ !cancelled() }}
            uses: github/codeql-action/upload-sarif@v3
            with:
              sarif_file: mapc.sarif
              category: mapc

          - name: Plan changes
            if: ${{ !cancelled() }}
            run: mapc diff "origin/${{ github.base_ref }}" --format markdown > mapc-diff.md

          - name: Comment plan changes
            if: ${{ !cancelled() && hashFiles('mapc-diff.md') != '' }}
            uses: marocchino/sticky-pull-request-comment@v2
            with:
              header: mapc-diff
              path: mapc-diff.md

    """

  public static let gitlabCI = """
    # mapc on merge requests (scaffolded by `mapc init`): lint the plans into a Code Quality
    # report, which GitLab shows in the merge request widget.
    mapc:
      stage: test
      # An image with mapc on PATH, or one with a Swift 6 toolchain where before_script builds it
      # from source (set the CI/CD variable MAPC_GIT_URL to mapc's git URL).
      image: swift:6.1
      variables:
        GIT_DEPTH: 0            # full history: mapc reads baselines and slip from it
      rules:
        - if: $CI_PIPELINE_SOURCE == "merge_request_event"
      before_script:
        - apt-get update && apt-get install -y libyaml-dev libgit2-dev
        - git clone --depth 1 "$MAPC_GIT_URL" /tmp/mapc-src
        - swift build -c release --package-path /tmp/mapc-src
        - export PATH="/tmp/mapc-src/.build/release:$PATH"
      script:
        - mapc lint --format gitlab > gl-code-quality-report.json
      artifacts:
        when: always
        reports:
          codequality: gl-code-quality-report.json

    """
}
