/**
 * Version 2: the endpoint always says whether the person set a context size. Version 1 settings
 * were saved before the field existed.
 */
export function migrate(settings: Record<string, unknown>): Record<string, unknown> {
  const llm = settings.llm;
  if (typeof llm !== 'object' || llm === null || 'contextTokens' in llm) return settings;
  return { ...settings, llm: { ...llm, contextTokens: null } };
}
