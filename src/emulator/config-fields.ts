/** Agent-config fields as the draft endpoints take them, and the config section each one lives in (fact sheet §4.6, v2 §1.3). */
import { isRecord } from './reply.js';
import type { Config } from './state.js';

/** Objects merge key by key; arrays and scalars replace (fact sheet §4.6). */
export function deepMerge(target: Config, patch: Config): Config {
  const out: Config = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isRecord(value) && isRecord(current) ? deepMerge(current, value) : structuredClone(value);
  }
  return out;
}

/** DraftConfigRequest fields (fact sheet §4.6); anything else in a config PATCH is not a config field. */
export const CONFIG_FIELDS = new Set([
  'singlePromptConfig',
  'postCallAnalyticsConfig',
  'language',
  'synthesizer',
  'slmModel',
  'transcriberType',
  'customLLMWebSocketUrl',
  'widgetConfig',
  'defaultVariables',
  'preCallAPI',
  'globalPrompt',
  'globalKnowledgeBaseId',
  'firstMessage',
  'allowInterruptions',
  'waitForUserToSpeakFirst',
  'muteUserUntilFirstBotResponse',
  'interruptionBackoffTimer',
  'backgroundSound',
  'smartTurnConfig',
  'voiceDetectionConfig',
  'voiceMailDetectionConfig',
  'denoisingConfig',
  'redactionConfig',
  'pronunciationDicts',
  'llmIdleTimeoutConfig',
  'sessionTimeoutConfig',
  'workflowType',
  'timezone',
  'callDispositionConfig',
  'enableStyleGuide',
  'speechFormatting',
]);

export function sectionOf(field: string): string {
  if (field === 'postCallAnalyticsConfig' || field === 'callDispositionConfig') return 'analytics';
  if (field === 'singlePromptConfig') return 'workflow_prompt';
  if (['language', 'timezone'].includes(field)) return 'language';
  if (['synthesizer', 'pronunciationDicts', 'speechFormatting'].includes(field)) return 'voice';
  return 'call_handling';
}
