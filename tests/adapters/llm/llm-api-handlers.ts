import { http, HttpResponse, type HttpHandler } from "msw";

/*
 * Anthropic's Messages API and OpenAI's Chat Completions API as msw handlers, just enough for
 * the LLM adapters: each answers with a provider-shaped body whose text echoes the last user
 * message (so tests can tell inputs apart), records every request, and can be told to fail.
 */
export const ANTHROPIC_URL = "https://api.anthropic.com";
export const OPENAI_URL = "https://api.openai.com/v1";
export const OLLAMA_URL = "http://ollama.test:11434/v1";

export type SeenLlmRequest = { url: string; headers: Headers; body: Record<string, unknown> };

/** A canned failure for the next request: status, provider error body, extra headers. */
export type LlmFailure = { status: number; body?: unknown; headers?: Record<string, string> } | "network";

export type LlmApi = {
  seen: SeenLlmRequest[];
  handlers: HttpHandler[];
  /** The next request (to any of the APIs) gets this failure. */
  failNext(failure: LlmFailure): void;
  /** The next answer's text is exactly this (e.g. malformed JSON). */
  answerNext(text: string): void;
  reset(): void;
};

type Message = { role: string; content: string };

export function llmApi(): LlmApi {
  const seen: SeenLlmRequest[] = [];
  let failure: LlmFailure | null = null;
  let cannedText: string | null = null;

  async function take(request: Request): Promise<{ body: Record<string, unknown>; fail: Response | null; canned: string | null }> {
    const body = (await request.json()) as Record<string, unknown>;
    seen.push({ url: request.url, headers: request.headers, body });
    const f = failure;
    const canned = cannedText;
    failure = null;
    cannedText = null;
    if (f === "network") return { body, fail: HttpResponse.error(), canned };
    if (f) return { body, fail: HttpResponse.json(f.body ?? {}, { status: f.status, headers: f.headers }), canned };
    return { body, fail: null, canned };
  }

  const lastUser = (messages: Message[]): string => messages.filter((m) => m.role === "user").at(-1)?.content ?? "";
  const tokens = (text: string): number => Math.ceil(text.length / 4);

  const chatCompletions = (base: string, kind: "openai"): HttpHandler =>
    http.post(`${base}/chat/completions`, async ({ request }) => {
      const { body, fail, canned } = await take(request);
      if (fail) return fail;
      const messages = body.messages as Message[];
      const json = (body.response_format as { type?: string } | undefined)?.type === "json_object";
      const text = canned ?? (json ? JSON.stringify({ echo: lastUser(messages) }) : `You said: ${lastUser(messages)}`);
      return HttpResponse.json({
        id: "chatcmpl-1",
        object: "chat.completion",
        created: 1_767_225_600,
        model: body.model,
        choices: [{ index: 0, message: { role: "assistant", content: text, refusal: null }, finish_reason: "stop", logprobs: null }],
        usage: { prompt_tokens: tokens(messages.map((m) => m.content).join("")), completion_tokens: tokens(text), total_tokens: 0 },
        system_fingerprint: kind,
      });
    });

  return {
    seen,
    failNext(f) {
      failure = f;
    },
    answerNext(text) {
      cannedText = text;
    },
    reset() {
      seen.length = 0;
      failure = null;
      cannedText = null;
    },
    handlers: [
      http.post(`${ANTHROPIC_URL}/v1/messages`, async ({ request }) => {
        const { body, fail, canned } = await take(request);
        if (fail) return fail;
        const messages = body.messages as Message[];
        const wantsJson = typeof body.system === "string" && body.system.includes("JSON");
        // Like a real model asked for JSON in prose: wrapped in a fence, with a lead-in.
        const text = canned ?? (wantsJson ? `Here you go:\n\`\`\`json\n${JSON.stringify({ echo: lastUser(messages) })}\n\`\`\`` : `You said: ${lastUser(messages)}`);
        return HttpResponse.json({
          id: "msg_1",
          type: "message",
          role: "assistant",
          model: body.model,
          content: [{ type: "text", text, citations: null }],
          stop_reason: "end_turn",
          stop_sequence: null,
          usage: { input_tokens: tokens(messages.map((m) => m.content).join("") + String(body.system ?? "")), output_tokens: tokens(text) },
        });
      }),
      chatCompletions(OPENAI_URL, "openai"),
      chatCompletions(OLLAMA_URL, "openai"),
    ],
  };
}
