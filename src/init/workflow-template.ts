/** The workflow `atoms-metrics init` writes: plan on pull requests and in a merge queue, apply on merge, a scheduled drift check. */

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
  pull_request:   # no paths filter, so the plan job can be a required check (it is a no-op when ${dir}/ is untouched)
    types: [opened, synchronize, reopened, labeled, unlabeled]   # labeled/unlabeled: the allow-breaking-metrics label
  merge_group:    # a merge queue plans against live with the queued pull request's label
  push:
    branches: [${quoted(options.branch)}]
    paths: [${quoted(`${dir}/**`)}]
  schedule:       # drift: does live still match ${options.branch}? (someone may have edited the dashboard)
    - cron: '17 6 * * 1-5'
  workflow_dispatch:
    inputs:
      mode:
        description: 'drift: check only. apply: publish the files again (undo a dashboard edit, or apply after "live changed since the plan")'
        type: choice
        options: [drift, apply]
        default: drift

permissions: {}

# Each job has its own concurrency group, so a scheduled drift check can never displace an apply. GitHub keeps one
# pending run per group: a pending apply is replaced only by a newer apply of the same branch, which publishes newer files.
jobs:
  plan:
    # Validates every file and keeps one sticky comment with the diff against live on the pull request.
    # Make this job a required check (branch protection or a ruleset): its name there is "plan".
    if: github.event_name == 'pull_request' || github.event_name == 'merge_group'
    concurrency:
      group: atoms-metrics-plan-\${{ github.ref }}
      cancel-in-progress: \${{ github.event_name == 'pull_request' }}   # a newer push replaces the plan of an older one
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      contents: read
      pull-requests: write   # the sticky plan comment
    steps:
      - name: Does this pull request touch ${dir}/?
        id: changed
        if: github.event_name == 'pull_request'
        env:
          GH_TOKEN: \${{ github.token }}
          PR: \${{ github.event.pull_request.number }}
          METRICS_DIR: ${quoted(`${dir}/`)}
        run: |
          files=$(gh api --paginate "repos/$GITHUB_REPOSITORY/pulls/$PR/files" --jq '.[].filename')
          if awk -v d="$METRICS_DIR" 'index($0, d) == 1 { found = 1 } END { exit !found }' <<<"$files"; then echo "metrics=true" >> "$GITHUB_OUTPUT"; else echo "metrics=false" >> "$GITHUB_OUTPUT"; fi
      - uses: ${CHECKOUT}
        if: steps.changed.outputs.metrics != 'false'
        with:
          persist-credentials: false
      - uses: atoms-metrics/atoms-metrics@v0   # in production, pin a full commit SHA: atoms-metrics/atoms-metrics@<sha> # v0.x.y
        if: steps.changed.outputs.metrics != 'false'
        with:
          mode: plan
          config: ${quoted(`${dir}/**/*.{json,yaml,yml}`)}
          api-key: \${{ secrets.SMALLEST_API_KEY }}

  apply:
    # After the merge, publishes each changed agent's metrics on its live branch, waits for the security scan and
    # verifies what went live (an agent still on Atoms' v1 versioning: publish, security check, activate). Run by
    # hand (mode: apply), it publishes the files again.
    if: github.event_name == 'push' || (github.event_name == 'workflow_dispatch' && inputs.mode == 'apply')
    # Settings → Environments → atoms-metrics: required reviewers make a merge wait for an approval, and an
    # environment secret SMALLEST_API_KEY (say, the only key allowed to write) takes the repository secret's place here.
    environment: atoms-metrics
    concurrency:
      group: atoms-metrics-apply-\${{ github.ref }}
      cancel-in-progress: false   # an apply is never cancelled half-way
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
          on-live-changed: \${{ github.event_name == 'workflow_dispatch' && 'apply' || 'fail' }}   # by hand: a person chose to apply
          config: ${quoted(`${dir}/**/*.{json,yaml,yml}`)}
          api-key: \${{ secrets.SMALLEST_API_KEY }}

  drift:
    # Fails when live differs from any file, and keeps one issue labelled metrics-drift up to date.
    if: github.event_name == 'schedule' || (github.event_name == 'workflow_dispatch' && inputs.mode != 'apply')
    concurrency:
      group: atoms-metrics-drift-\${{ github.ref }}
      cancel-in-progress: false
    runs-on: ubuntu-latest
    timeout-minutes: 15
    permissions:
      contents: read
      issues: write   # the one drift issue
    steps:
      - uses: ${CHECKOUT}
        with:
          persist-credentials: false
      - uses: atoms-metrics/atoms-metrics@v0   # in production, pin a full commit SHA
        with:
          mode: drift
          config: ${quoted(`${dir}/**/*.{json,yaml,yml}`)}
          api-key: \${{ secrets.SMALLEST_API_KEY }}
`;
}
