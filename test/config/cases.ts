// Metrics files that must fail (or warn), each a small text with one intended problem. The snapshot pins line, column, message and rule.
const ID = '65f1a2b3c4d5e6f708192a3b';
const yaml = (metrics: string, extra = '') =>
  `agentId: "${ID}"\npostCallAnalyticsConfig:${extra}\n  dispositionMetrics:\n${metrics}`;
const metric = (fields: string) => `    - ${fields.trim().split('\n').join('\n      ')}\n`;
const good = metric(
  'identifier: call_resolved\ndispositionMetricType: BOOLEAN\ndispositionMetricPrompt: Was the customer issue resolved?',
);

export interface Case {
  name: string;
  path: string;
  text: string;
}

export const INVALID_CASES: Case[] = [
  {
    name: 'json syntax: missing comma',
    path: 'a.json',
    text: `{\n  "agentId": "${ID}"\n  "postCallAnalyticsConfig": {}\n}`,
  },
  {
    name: 'json syntax: trailing comma',
    path: 'a.json',
    text: `{"agentId": "${ID}", "postCallAnalyticsConfig": {"dispositionMetrics": [],}}`,
  },
  { name: 'json syntax: unterminated string', path: 'a.json', text: `{"agentId": "${ID}\n}` },
  {
    name: 'json duplicate key',
    path: 'a.json',
    text: `{\n  "agentId": "${ID}",\n  "postCallAnalyticsConfig": {"dispositionMetrics": []},\n  "agentId": "${ID}"\n}`,
  },
  {
    name: 'json __proto__ key',
    path: 'a.json',
    text: `{"agentId": "${ID}", "__proto__": {"polluted": true}, "postCallAnalyticsConfig": {"dispositionMetrics": []}}`,
  },
  { name: 'json not a mapping', path: 'a.json', text: `[1, 2, 3]` },
  { name: 'json too deep', path: 'a.json', text: `${'['.repeat(100)}${']'.repeat(100)}` },
  {
    name: 'yaml syntax: bad indentation',
    path: 'a.yaml',
    text: `agentId: "${ID}"\npostCallAnalyticsConfig:\n  dispositionMetrics: []\n   useReasoningModel: true\n`,
  },
  {
    name: 'yaml syntax: a tab in the indentation is one error at the tab',
    path: 'a.yaml',
    text: `agentId: "${ID}"\npostCallAnalyticsConfig:\n\tdispositionMetrics:\n\t  - identifier: a\n\t    dispositionMetricType: STRING\n\t    dispositionMetricPrompt: What happened on the call today?\n`,
  },
  {
    name: 'yaml syntax: a line indented too far is one error at that line',
    path: 'a.yaml',
    text: `agentId: "${ID}"\npostCallAnalyticsConfig:\n  dispositionMetrics:\n    - identifier: a\n       dispositionMetricType: STRING\n      dispositionMetricPrompt: What happened on the call today?\n`,
  },
  {
    name: 'json syntax: trailing comma pinned at the comma, lines before the brace',
    path: 'a.json',
    text: `{\n  "agentId": "${ID}",\n  "postCallAnalyticsConfig": {"dispositionMetrics": []},\n\n}\n`,
  },
  {
    name: 'flags and dispositionMetrics at the top level',
    path: 'a.yaml',
    text: `agentId: "${ID}"\nuseReasoningModel: true\ndispositionMetrics: []\npostCallAnalyticsConfig:\n  agentId: "${ID}"\n  identifier: x\n  dispositionMetrics: []\n`,
  },
  {
    name: 'yaml syntax: unclosed flow sequence at the end of the file',
    path: 'a.yaml',
    text: `agentId: "${ID}"\npostCallAnalyticsConfig:\n  dispositionMetrics: [\n    {identifier: a, dispositionMetricType: BOOLEAN\n`,
  },
  {
    name: 'yaml syntax: unterminated quote',
    path: 'a.yaml',
    text: `agentId: "${ID}"\npostCallAnalyticsConfig:\n  dispositionMetrics:\n    - identifier: "unterminated\n`,
  },
  {
    name: 'yaml alias: a duplicate identifier is pinned where the alias is used',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: &i call_resolved\ndispositionMetricType: BOOLEAN\ndispositionMetricPrompt: Was the customer issue resolved?',
      ) +
        metric(
          'identifier: *i\ndispositionMetricType: BOOLEAN\ndispositionMetricPrompt: Was the customer issue resolved?',
        ),
    ),
  },
  {
    name: 'yaml merge key',
    path: 'a.yaml',
    text: yaml(
      `    - <<: {identifier: x}\n      dispositionMetricType: BOOLEAN\n      dispositionMetricPrompt: Was the customer issue resolved?\n`,
    ),
  },
  {
    name: 'yaml tags other than plain types',
    path: 'a.yaml',
    text: yaml(
      metric('identifier: x\ndispositionMetricType: !custom BOOLEAN\ndispositionMetricPrompt: !!timestamp 2001-12-14'),
    ),
  },
  {
    name: 'yaml duplicate key',
    path: 'a.yaml',
    text: yaml(good, '\n  useReasoningModel: false\n  useReasoningModel: true'),
  },
  {
    name: 'yaml two documents',
    path: 'a.yaml',
    text: `agentId: "${ID}"\npostCallAnalyticsConfig:\n  dispositionMetrics: []\n---\nagentId: "${ID}"\n`,
  },
  { name: 'yaml constructor key', path: 'a.yaml', text: yaml(good) + `constructor: 1\n` },
  { name: 'yaml empty document', path: 'a.yaml', text: `# only a comment\n` },
  { name: 'yaml scalar document', path: 'a.yaml', text: `just a string\n` },
  { name: 'missing postCallAnalyticsConfig', path: 'a.yaml', text: `agentId: "${ID}"\n` },
  { name: 'missing agentId', path: 'a.yaml', text: `postCallAnalyticsConfig:\n  dispositionMetrics: []\n` },
  { name: 'agentId too short', path: 'a.yaml', text: yaml(good).replace(ID, ID.slice(0, 23)) },
  { name: 'agentId uppercase', path: 'a.yaml', text: yaml(good).replace(ID, ID.toUpperCase()) },
  { name: 'agentId and agentIds', path: 'a.yaml', text: `agentIds: ["${ID}"]\n` + yaml(good) },
  { name: 'agentIds empty', path: 'a.yaml', text: yaml(good).replace(`agentId: "${ID}"`, 'agentIds: []') },
  {
    name: 'agentIds duplicate',
    path: 'a.yaml',
    text: yaml(good).replace(`agentId: "${ID}"`, `agentIds:\n  - "${ID}"\n  - "${ID}"`),
  },
  {
    name: 'unknown top-level key (near miss)',
    path: 'a.yaml',
    text: yaml(good).replace(
      'postCallAnalyticsConfig:',
      'postCallAnalyticConfig:\n  dispositionMetrics: []\npostCallAnalyticsConfig:',
    ),
  },
  {
    name: 'unknown metric key (near miss)',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: x\ndispositionMetricType: BOOLEAN\ndispositionMetricPrompt: Was it resolved at all?\ndispositionMetricPromt: typo',
      ),
    ),
  },
  {
    name: 'missing identifier',
    path: 'a.yaml',
    text: yaml(metric('dispositionMetricType: BOOLEAN\ndispositionMetricPrompt: Was it resolved at all?')),
  },
  { name: 'missing prompt', path: 'a.yaml', text: yaml(metric('identifier: x\ndispositionMetricType: BOOLEAN')) },
  {
    name: 'missing type',
    path: 'a.yaml',
    text: yaml(metric('identifier: x\ndispositionMetricPrompt: Was it resolved at all?')),
  },
  {
    name: 'unknown type NUMBER',
    path: 'a.yaml',
    text: yaml(
      metric('identifier: x\ndispositionMetricType: NUMBER\ndispositionMetricPrompt: How many times did they call?'),
    ),
  },
  {
    name: 'unknown type lowercase',
    path: 'a.yaml',
    text: yaml(
      metric('identifier: x\ndispositionMetricType: boolean\ndispositionMetricPrompt: Was it resolved at all?'),
    ),
  },
  {
    name: 'identifier with capitals and dash',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: Call-Outcome\ndispositionMetricType: BOOLEAN\ndispositionMetricPrompt: Was it resolved at all?',
      ),
    ),
  },
  {
    name: 'identifier with space',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: call outcome\ndispositionMetricType: BOOLEAN\ndispositionMetricPrompt: Was it resolved at all?',
      ),
    ),
  },
  {
    name: 'identifier not a string',
    path: 'a.yaml',
    text: yaml(
      metric('identifier: 42\ndispositionMetricType: BOOLEAN\ndispositionMetricPrompt: Was it resolved at all?'),
    ),
  },
  {
    name: 'identifier with a Cyrillic lookalike letter',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: c\u0430ll_resolved\ndispositionMetricType: BOOLEAN\ndispositionMetricPrompt: Was it resolved at all?',
      ),
    ),
  },
  {
    name: 'ENUM choices equal once normalised (NFC and NFD)',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: outcome\ndispositionMetricType: ENUM\ndispositionMetricPrompt: Where did the customer want to meet?\nchoices: [caf\u00e9, cafe\u0301]',
      ),
    ),
  },
  { name: 'duplicate identifier', path: 'a.yaml', text: yaml(good + good) },
  {
    name: 'ENUM without choices',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: outcome\ndispositionMetricType: ENUM\ndispositionMetricPrompt: What was the outcome of the call?',
      ),
    ),
  },
  {
    name: 'ENUM with empty choices',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: outcome\ndispositionMetricType: ENUM\ndispositionMetricPrompt: What was the outcome of the call?\nchoices: []',
      ),
    ),
  },
  {
    name: 'ENUM with duplicate choices',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: outcome\ndispositionMetricType: ENUM\ndispositionMetricPrompt: What was the outcome of the call?\nchoices: [resolved, escalated, resolved]',
      ),
    ),
  },
  {
    name: 'ENUM with non-string choice',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: outcome\ndispositionMetricType: ENUM\ndispositionMetricPrompt: What was the outcome of the call?\nchoices: [resolved, 3]',
      ),
    ),
  },
  {
    name: 'choices on BOOLEAN',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: x\ndispositionMetricType: BOOLEAN\ndispositionMetricPrompt: Was it resolved at all?\nchoices: [yes, no]',
      ),
    ),
  },
  {
    name: 'empty prompt',
    path: 'a.yaml',
    text: yaml(metric('identifier: x\ndispositionMetricType: BOOLEAN\ndispositionMetricPrompt: ""')),
  },
  {
    name: 'blank prompt',
    path: 'a.yaml',
    text: yaml(metric('identifier: x\ndispositionMetricType: BOOLEAN\ndispositionMetricPrompt: "   "')),
  },
  {
    name: 'prompt of invisible characters only',
    path: 'a.yaml',
    text: yaml(
      metric('identifier: x\ndispositionMetricType: BOOLEAN\ndispositionMetricPrompt: "\\u00a0\\u200b\\u3000"'),
    ),
  },
  {
    name: 'prompt with a NUL character',
    path: 'a.json',
    text: `{"agentId": "${ID}", "postCallAnalyticsConfig": {"dispositionMetrics": [{"identifier": "x", "dispositionMetricType": "BOOLEAN", "dispositionMetricPrompt": "Was it resolved?\\u0000"}]}}`,
  },
  { name: 'flag as quoted yes', path: 'a.yaml', text: yaml(good, '\n  useReasoningModel: "yes"') },
  {
    name: 'flag as number',
    path: 'a.json',
    text: `{"agentId": "${ID}", "postCallAnalyticsConfig": {"useInternalAnalyticsModel": 1, "dispositionMetrics": []}}`,
  },
  {
    name: 'dispositionMetrics not a list',
    path: 'a.yaml',
    text: `agentId: "${ID}"\npostCallAnalyticsConfig:\n  dispositionMetrics: call_resolved\n`,
  },
  {
    name: 'both flat and nested type',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: x\ndispositionMetricType: BOOLEAN\ndispositionValues: {type: BOOLEAN}\ndispositionMetricPrompt: Was it resolved at all?',
      ),
    ),
  },
  {
    name: 'nested type unknown',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: x\ndispositionValues: {type: TEXT}\ndispositionMetricPrompt: Summarise the call in two sentences.',
      ),
    ),
  },
  {
    name: 'CRLF and BOM keep positions',
    path: 'a.yaml',
    text: `\ufeff${yaml(metric('identifier: Bad-Id\ndispositionMetricType: BOOLEAN\ndispositionMetricPrompt: Was it resolved at all?')).replace(/\n/g, '\r\n')}`,
  },
];

export const WARNING_CASES: Case[] = [
  {
    name: 'ENUM prompt options differ from choices',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: outcome\ndispositionMetricType: ENUM\ndispositionMetricPrompt: "What was the outcome? Options: resolved, escalated, abandoned"\nchoices: [resolved, escalated]',
      ),
    ),
  },
  {
    name: 'INTEGER prompt invites N/A',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: score\ndispositionMetricType: INTEGER\ndispositionMetricPrompt: Rate satisfaction 1 to 5, or N/A if unknown.',
      ),
    ),
  },
  {
    name: 'prompt tells the model to skip',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: reason\ndispositionMetricType: STRING\ndispositionMetricPrompt: Why did they call? Skip this if the reason is unclear.',
      ),
    ),
  },
  {
    name: 'STRING prompt with fixed options',
    path: 'a.yaml',
    text: yaml(
      metric(
        'identifier: sentiment\ndispositionMetricType: STRING\ndispositionMetricPrompt: "What was the sentiment? One of: positive, neutral, negative"',
      ),
    ),
  },
  {
    name: 'vague prompt',
    path: 'a.yaml',
    text: yaml(metric('identifier: happy\ndispositionMetricType: BOOLEAN\ndispositionMetricPrompt: Customer happy?')),
  },
  {
    name: 'too many metrics',
    path: 'a.yaml',
    text: yaml(
      Array.from({ length: 11 }, (_, i) =>
        metric(
          `identifier: m${i}\ndispositionMetricType: BOOLEAN\ndispositionMetricPrompt: Was point number ${i} covered in the call?`,
        ),
      ).join(''),
    ),
  },
  {
    name: 'legacy nested type',
    path: 'a.yaml',
    text: yaml(
      metric('identifier: x\ndispositionValues: {type: BOOLEAN}\ndispositionMetricPrompt: Was it resolved at all?'),
    ),
  },
  { name: 'deprecated summaryPrompt', path: 'a.yaml', text: yaml(good, '\n  summaryPrompt: Summarise the call.') },
  { name: 'unknown rule in lint.disable', path: 'a.yaml', text: `lint:\n  disable: [vague-promt]\n${yaml(good)}` },
];
