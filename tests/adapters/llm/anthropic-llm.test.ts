import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AnthropicLlm } from "../../../adapters/llm/anthropic-llm.ts";
import { Invalid, RateLimited, ServiceUnavailable } from "../../../core/errors.ts";
import { llmApi } from "./llm-api-handlers.ts";

// The Anthropic adapter through the real SDK, msw answering the Messages API.
const KEY = "sk-ant-api03-secret-key-value";
const api = llmApi();
const server = setupServer(...api.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => api.reset());
afterAll(() => server.close());

const llm = (model?: string) => new AnthropicLlm({ apiKey: KEY, model, maxRetries: 0 });
const ask = { purpose: "test", messages: [{ role: "user" as const, content: "Summarise the Acme deal." }] };

describe("AnthropicLlm", () => {
  it("sends the key, model, system, capped max_tokens and temperature; prices the answer", async () => {
    const result = await llm("claude-haiku-4-5").complete({ ...ask, system: "Be brief.", maxTokens: 1_000_000, temperature: 0.2 });
    const sent = api.seen[0]!;
    expect(sent.url).toBe("https://api.anthropic.com/v1/messages");
    // This SDK release sends the key as a bearer token (older ones used x-api-key).
    expect(sent.headers.get("x-api-key") ?? sent.headers.get("authorization")).toMatch(new RegExp(`^(Bearer )?${KEY}$`));
    expect(sent.body).toMatchObject({ model: "claude-haiku-4-5", system: "Be brief.", max_tokens: 64_000, temperature: 0.2 });
    expect(sent.body.messages).toEqual([{ role: "user", content: "Summarise the Acme deal." }]);
    expect(result).toMatchObject({ text: "You said: Summarise the Acme deal.", provider: "anthropic", model: "claude-haiku-4-5", priced: true, offline: false });
    // $1 / $5 per million tokens.
    expect(result.costUsd).toBeCloseTo((result.usage.inputTokens * 1 + result.usage.outputTokens * 5) / 1e6, 10);
  });

  it("defaults to 1024 tokens, no temperature, the configured model", async () => {
    await llm().complete(ask);
    expect(api.seen[0]!.body).toMatchObject({ model: "claude-sonnet-5-5", max_tokens: 1024 });
    expect(api.seen[0]!.body).not.toHaveProperty("temperature");
    expect(api.seen[0]!.body).not.toHaveProperty("system");
  });

  it("json: asks for JSON in the system prompt and unwraps a fenced answer", async () => {
    const result = await llm().complete({ ...ask, responseFormat: "json" });
    expect(String(api.seen[0]!.body.system)).toContain("JSON");
    expect(JSON.parse(result.text)).toEqual({ echo: "Summarise the Acme deal." });
  });

  it("json: an answer without JSON is a ServiceUnavailable, not garbage", async () => {
    api.answerNext("I cannot do that.");
    await expect(llm().complete({ ...ask, responseFormat: "json" })).rejects.toBeInstanceOf(ServiceUnavailable);
  });

  it("an unknown model still answers, unpriced at cost 0", async () => {
    const result = await llm("claude-nonexistent-9").complete(ask);
    expect(result).toMatchObject({ model: "claude-nonexistent-9", costUsd: 0, priced: false });
  });

  it("429 -> RateLimited with the provider's Retry-After", async () => {
    api.failNext({ status: 429, headers: { "retry-after": "17" }, body: { type: "error", error: { type: "rate_limit_error", message: "slow down" } } });
    const error = await llm().complete(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimited);
    expect((error as RateLimited).retryAfterSeconds).toBe(17);
  });

  it("529 overloaded and 500 -> ServiceUnavailable", async () => {
    api.failNext({ status: 529, body: { type: "error", error: { type: "overloaded_error", message: "Overloaded" } } });
    await expect(llm().complete(ask)).rejects.toBeInstanceOf(ServiceUnavailable);
    api.failNext({ status: 500, body: { type: "error", error: { type: "api_error", message: "boom" } } });
    await expect(llm().complete(ask)).rejects.toBeInstanceOf(ServiceUnavailable);
  });

  it("401 -> ServiceUnavailable naming the variable, never the key", async () => {
    api.failNext({ status: 401, body: { type: "error", error: { type: "authentication_error", message: `invalid x-api-key ${KEY}` } } });
    const error = await llm().complete(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailable);
    expect((error as Error).message).toContain("ANTHROPIC_API_KEY");
    expect(JSON.stringify({ m: (error as Error).message, d: (error as ServiceUnavailable).details })).not.toContain(KEY);
  });

  it("400 -> Invalid with the provider's reason, key-like strings removed", async () => {
    api.failNext({ status: 400, body: { type: "error", error: { type: "invalid_request_error", message: `prompt is too long (key ${KEY})` } } });
    const error = await llm().complete(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect((error as Error).message).toContain("prompt is too long");
    expect((error as Error).message).not.toContain(KEY);
  });

  it("a network failure -> ServiceUnavailable", async () => {
    api.failNext("network");
    await expect(llm().complete(ask)).rejects.toBeInstanceOf(ServiceUnavailable);
  });
});
