import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { OpenAiLlm } from "../../../adapters/llm/openai-llm.ts";
import { Invalid, RateLimited, ServiceUnavailable } from "../../../core/errors.ts";
import { llmApi, OLLAMA_URL } from "./llm-api-handlers.ts";

// The OpenAI adapter through the real SDK, msw answering Chat Completions (OpenAI and an Ollama-like server).
const KEY = "sk-proj-secret-openai-key-1234";
const api = llmApi();
const server = setupServer(...api.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => api.reset());
afterAll(() => server.close());

const llm = (model?: string) => new OpenAiLlm({ apiKey: KEY, model, maxRetries: 0 });
const ask = { purpose: "test", messages: [{ role: "user" as const, content: "Which deals closed?" }] };

describe("OpenAiLlm", () => {
  it("sends the key, a system message, max_tokens and temperature; prices the answer", async () => {
    const result = await llm("gpt-4o").complete({ ...ask, system: "Be brief.", temperature: 0.5, maxTokens: 500 });
    const sent = api.seen[0]!;
    expect(sent.url).toBe("https://api.openai.com/v1/chat/completions");
    expect(sent.headers.get("authorization")).toBe(`Bearer ${KEY}`);
    expect(sent.body).toMatchObject({ model: "gpt-4o", max_tokens: 500, temperature: 0.5 });
    expect(sent.body.messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: "Which deals closed?" },
    ]);
    expect(result).toMatchObject({ provider: "openai", model: "gpt-4o", priced: true, offline: false, text: "You said: Which deals closed?" });
    expect(result.costUsd).toBeCloseTo((result.usage.inputTokens * 2.5 + result.usage.outputTokens * 10) / 1e6, 10);
  });

  it("o-series: max_completion_tokens, no temperature", async () => {
    await llm("o4-mini").complete({ ...ask, temperature: 0.3 });
    expect(api.seen[0]!.body).toMatchObject({ model: "o4-mini", max_completion_tokens: 1024 });
    expect(api.seen[0]!.body).not.toHaveProperty("temperature");
    expect(api.seen[0]!.body).not.toHaveProperty("max_tokens");
  });

  it("json: JSON mode plus the instruction (which names JSON, as the API requires)", async () => {
    const result = await llm().complete({ ...ask, responseFormat: "json" });
    expect(api.seen[0]!.body.response_format).toEqual({ type: "json_object" });
    expect(JSON.stringify(api.seen[0]!.body.messages)).toContain("JSON");
    expect(JSON.parse(result.text)).toEqual({ echo: "Which deals closed?" });
  });

  it("a self-hosted base URL (Ollama): no key needed, the configured model, cost 0", async () => {
    const local = new OpenAiLlm({ baseUrl: OLLAMA_URL, model: "qwen2.5:7b", maxRetries: 0 });
    const result = await local.complete(ask);
    expect(api.seen[0]!.url).toBe(`${OLLAMA_URL}/chat/completions`);
    expect(result).toMatchObject({ provider: "openai", model: "qwen2.5:7b", costUsd: 0, priced: true });
    expect(local.selfHosted).toBe(true);
  });

  it("a self-hosted base URL without LLM_MODEL, or OpenAI without a key, fails at construction", () => {
    expect(() => new OpenAiLlm({ baseUrl: OLLAMA_URL })).toThrow(/LLM_MODEL/);
    expect(() => new OpenAiLlm({})).toThrow(/OPENAI_API_KEY/);
  });

  it("429 -> RateLimited (retry-after-ms honoured); 429 insufficient_quota -> ServiceUnavailable", async () => {
    api.failNext({ status: 429, headers: { "retry-after-ms": "2500" }, body: { error: { message: "Rate limit reached", type: "requests", code: "rate_limit_exceeded" } } });
    const limited = await llm().complete(ask).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimited);
    expect((limited as RateLimited).retryAfterSeconds).toBe(3);
    api.failNext({ status: 429, body: { error: { message: "You exceeded your current quota", type: "insufficient_quota", code: "insufficient_quota" } } });
    await expect(llm().complete(ask)).rejects.toBeInstanceOf(ServiceUnavailable);
  });

  it("401 -> ServiceUnavailable naming OPENAI_API_KEY, without the key the provider echoed", async () => {
    api.failNext({ status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}`, type: "invalid_request_error", code: "invalid_api_key" } } });
    const error = await llm().complete(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceUnavailable);
    expect((error as Error).message).toContain("OPENAI_API_KEY");
    expect((error as Error).message).not.toContain(KEY);
  });

  it("400 -> Invalid, redacted; 404 model -> ServiceUnavailable naming LLM_MODEL", async () => {
    api.failNext({ status: 400, body: { error: { message: `context length exceeded; sk-abcdef123456`, type: "invalid_request_error" } } });
    const invalid = await llm().complete(ask).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(Invalid);
    expect((invalid as Error).message).toContain("context length exceeded");
    expect((invalid as Error).message).not.toContain("sk-abcdef123456");
    api.failNext({ status: 404, body: { error: { message: "The model does not exist", type: "invalid_request_error", code: "model_not_found" } } });
    const missing = await llm().complete(ask).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ServiceUnavailable);
    expect((missing as Error).message).toContain("LLM_MODEL");
  });

  it("a network failure -> ServiceUnavailable", async () => {
    api.failNext("network");
    await expect(llm().complete(ask)).rejects.toBeInstanceOf(ServiceUnavailable);
  });
});
