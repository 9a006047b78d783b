/** The workflow `atoms-metrics init` writes: plan on pull requests, apply on merge, a marked place for a drift check. */

/** Pins taken from this repository's own workflows, so a new project starts SHA-pinned like ours. */
const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2';

/** Renders .github/workflows/metrics.yml for files under `metricsDir` (posix, relative) and the default branch `branch`. */
export function renderMetricsWorkflow(options: { metricsDir: string; branch: string }): string {
  const dir = options.metricsDir.replace(/\/+$/, '');
  // YAML single quotes keep a directory or branch name with special characters literal.
  const quoted = (text: string) => `'${text.replace(/'/g, "''")}'`;
  return `# Post-call metrics of Smallest AI Atoms agents as code (https://github.com/atoms-metrics/atoms-metrics).
# Written by \`atoms-metrics init\`. Needs the repository secret SMALLEST_API_KEY (your Atoms API key).
name: metrics

on:
  pull_request:
    types: [opened, synchronize, reopened, labeled, unlabeled]   # labeled/unlabeled: the allow-breaking-metrics label
    paths: [${quoted(`${dir}/**`)}]
  push:
    branches: [${quoted(options.branch)}]
    paths: [${quoted(`${dir}/**`)}]
  # drift: to check on a schedule that live still matches ${options.branch}, add a trigger here, e.g.
  #   schedule: [{cron: '17 6 * * 1-5'}]
  # and a job at the "drift" mark below.

permissions: {}

concurrency:
  group: atoms-metrics-\${{ github.ref }}
  cancel-in-progress: \${{ github.event_name == 'pull_request' }}   # never cancel an apply mid-flight

jobs:
  plan:
    # Validates every file and keeps one sticky comment with the diff against live on the pull request.
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: read
      pull-requests: write   # the sticky plan comment
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - uses: atoms-metrics/atoms-metrics@v0   # in production, pin a full commit SHA: atoms-metrics/atoms-metrics@<sha> # v0.x.y
        with:
          mode: plan
          config: ${quoted(`${dir}/**/*.{json,yaml,yml}`)}
          api-key: \${{ secrets.SMALLEST_API_KEY }}

  apply:
    # Publishes, waits for the security check, activates and verifies each changed agent after the merge.
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    timeout-minutes: 20
    permissions:
      contents: read
      pull-requests: write   # reports the outcome on the merged pull request's comment
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - uses: atoms-metrics/atoms-metrics@v0   # in production, pin a full commit SHA
        with:
          mode: apply
          config: ${quoted(`${dir}/**/*.{json,yaml,yml}`)}
          api-key: \${{ secrets.SMALLEST_API_KEY }}

  # drift: a scheduled job goes here (if: github.event_name == 'schedule'), running the action with
  # mode: plan and failing when its \`changed\` output is 'true'.
`;
}
