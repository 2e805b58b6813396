import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../support/test-app.ts";
import { llmApi } from "../../adapters/llm/llm-api-handlers.ts";
import { addRecord, addTask, daysAgo, logInteraction, trackedRecord, unknownId, type Tracked } from "../../routes/tracking/tracking-test-helpers.ts";

// The tracking AI operations end to end through the Anthropic adapter (real SDK, msw answering
// the Messages API): the model's answer is used and labelled `ai`, the prompt is built from the
// record's own data, usage is priced, and an answer that cannot be used is a 503, never a 500.
const api = llmApi();
const server = setupServer(...api.handlers);
let t: TestApp;
let tr: Tracked;

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "bypass" });
  t = await createTestApp({ env: { ANTHROPIC_API_KEY: "sk-ant-api03-test-key", LLM_MODEL: "claude-haiku-4-5" } });
  tr = await trackedRecord(t, { name: "Umbrella", stage: "won", revenue: 75000 });
  await logInteraction(t, tr, { interaction_type: "meeting", summary: "Budget approved", occurred_at: daysAgo(6) });
  await addTask(t, tr, { title: "Book the kickoff", due_at: daysAgo(1) });
});
afterEach(() => api.reset());
afterAll(async () => {
  server.close();
  await t.close();
});

const post = (path: string, json?: unknown) => t.request(path, { method: "POST", headers: t.as(tr.ws.owner, tr.ws), ...(json !== undefined ? { json } : {}) });

describe("record tracking through a model provider", () => {
  it("analyzeRecord uses the model's answer, labelled ai with priced usage; the prompt carries the record's data", async () => {
    const analysis = { summary: "Umbrella is engaged.", health: "healthy", engagement_score: 80, key_points: ["Budget approved"], risks: [], opportunities: ["Upsell"], next_actions: ["Book the kickoff"] };
    api.answerNext(JSON.stringify(analysis));
    const res = await post(`/api/v1/tracking/${tr.recordId}/analyze`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ source: "ai", offline: false, provider: "anthropic", model: "claude-haiku-4-5", analysis });
    expect(body.usage.cost_usd).toBeGreaterThan(0);
    const prompt = JSON.stringify(api.seen[0]!.body.messages);
    for (const fact of ["Umbrella", "Revenue", "75000", "Budget approved", "Book the kickoff"]) expect(prompt).toContain(fact);
  });

  it("answers 503 problem+json when the model's answer is not JSON or not in the expected shape", async () => {
    api.answerNext("I cannot help with that.");
    const notJson = await post(`/api/v1/tracking/${tr.recordId}/analyze`);
    expect(notJson.status).toBe(503);
    expect(notJson.headers.get("content-type")).toMatch(/problem\+json/);
    api.answerNext('{"verdict": "fine"}');
    expect((await post(`/api/v1/tracking/${tr.recordId}/draft-message`, {})).status).toBe(503);
  });

  it("generateRecordInsights stores the model's insights labelled ai, with normalised types", async () => {
    api.answerNext(JSON.stringify({ insights: [{ insight_type: "Upsell Opportunity", title: "Offer the premium tier", body: "Budget was approved.", priority: "high", score: 0.8 }] }));
    const body = await (await post(`/api/v1/tracking/${tr.recordId}/insights/generate`)).json();
    expect(body).toMatchObject({ source: "ai", offline: false, total: 1 });
    expect(body.items[0]).toMatchObject({ insight_type: "upsell_opportunity", source: "ai", provider: "anthropic", priority: "high", score: 0.8, offline: false });
  });

  it("draftRecordMessage keeps the model's draft and never sends it", async () => {
    api.answerNext(JSON.stringify({ subject: "Kickoff", body: "Hi team, shall we book the kickoff?" }));
    const body = await (await post(`/api/v1/tracking/${tr.recordId}/draft-message`, { purpose: "meeting_request" })).json();
    expect(body).toMatchObject({ source: "ai", subject: "Kickoff", body: "Hi team, shall we book the kickoff?", sent: false });
  });

  it("generateFollowUpSuggestions drops suggestions for records it was not given", async () => {
    const quiet = await addRecord(t, tr, { name: "Quiet" });
    api.answerNext(
      JSON.stringify({
        suggestions: [
          { record_id: quiet, action: "Call them", reason: "Never contacted", priority: "medium", channel: "call", due_in_days: 2 },
          { record_id: unknownId, action: "Invented", reason: "Not a candidate" },
        ],
      }),
    );
    const body = await (await post(`/api/v1/tracking/${tr.recordsetId}/follow-up-suggestions`)).json();
    expect(body).toMatchObject({ source: "ai", offline: false });
    expect(body.suggestions).toHaveLength(1);
    expect(body.suggestions[0]).toMatchObject({ record_id: quiet, record_title: "Quiet", action: "Call them", channel: "call" });
  });
});
