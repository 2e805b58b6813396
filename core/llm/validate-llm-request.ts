import { Invalid, type FieldIssue } from "../errors.ts";
import type { LlmRequest } from "../ports/llm.ts";

/**
 * Rejects a request no provider would take, before any network call, so every adapter fails
 * the same way (422) instead of with each provider's own 400.
 */
export function validateLlmRequest(request: LlmRequest): void {
  const issues: FieldIssue[] = [];
  if (!request.purpose?.trim()) issues.push({ field: "purpose", message: "required: what the call is for (usage is reported by it)" });
  if (!Array.isArray(request.messages) || request.messages.length === 0) {
    issues.push({ field: "messages", message: "at least one message is required" });
  } else {
    if (request.messages[0]!.role !== "user") issues.push({ field: "messages[0].role", message: "the conversation starts with a user message" });
    request.messages.forEach((m, i) => {
      if (m.role !== "user" && m.role !== "assistant") issues.push({ field: `messages[${i}].role`, message: "must be user or assistant" });
      if (typeof m.content !== "string" || !m.content.trim()) issues.push({ field: `messages[${i}].content`, message: "must not be empty" });
    });
  }
  if (request.maxTokens !== undefined && (!Number.isInteger(request.maxTokens) || request.maxTokens < 1)) {
    issues.push({ field: "maxTokens", message: "must be a positive integer" });
  }
  if (request.temperature !== undefined && !(request.temperature >= 0 && request.temperature <= 1)) {
    issues.push({ field: "temperature", message: "must be between 0 and 1" });
  }
  if (request.responseFormat !== undefined && request.responseFormat !== "text" && request.responseFormat !== "json") {
    issues.push({ field: "responseFormat", message: "must be text or json" });
  }
  if (issues.length) throw new Invalid("invalid AI request", issues);
}
