/**
 * Token estimate for text no tokenizer saw (the offline provider, servers that omit usage):
 * ~4 characters per token, the usual rule of thumb for English prose.
 */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}
