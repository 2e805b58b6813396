import { setupServer } from "msw/node";
import { afterAll, beforeAll } from "vitest";
import { AnthropicLlm } from "../../../adapters/llm/anthropic-llm.ts";
import { OfflineLlm } from "../../../adapters/llm/offline-llm.ts";
import { OpenAiLlm } from "../../../adapters/llm/openai-llm.ts";
import type { Llm } from "../../../core/ports/llm.ts";
import { describeLlmContract, type LlmHarness } from "../../contracts/llm.contract.ts";
import { llmApi, OLLAMA_URL } from "./llm-api-handlers.ts";

// The same contract for every adapter: Anthropic and OpenAI through their real SDKs, with msw
// answering at the network edge; the offline provider as it ships.
const api = llmApi();
const server = setupServer(...api.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

const harness = (subject: Llm, countsNetwork: boolean): LlmHarness => ({
  subject,
  networkCalls: () => (countsNetwork ? api.seen.length : 0),
  elapse: async () => {},
  close: async () => {},
});

describeLlmContract("offline", async () => harness(new OfflineLlm(), false));
describeLlmContract("anthropic", async () => harness(new AnthropicLlm({ apiKey: "sk-ant-test-key", maxRetries: 0 }), true));
describeLlmContract("openai", async () => harness(new OpenAiLlm({ apiKey: "sk-test-openai-key", maxRetries: 0 }), true));
describeLlmContract("openai-compatible (Ollama)", async () =>
  harness(new OpenAiLlm({ baseUrl: OLLAMA_URL, model: "llama3.1:8b", maxRetries: 0 }), true),
);
