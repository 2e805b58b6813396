import { http, HttpResponse, type HttpHandler } from "msw";

/*
 * Stripe's HTTP API as msw handlers: just enough of /v1 for the billing adapter, answering with
 * Stripe-shaped objects and recording each request (form body, auth, idempotency key).
 */
export const API = "https://api.stripe.com/v1";
export const TRIAL_END = Math.floor(Date.UTC(2026, 0, 8) / 1000);

export type SeenStripeRequest = { method: string; path: string; form: URLSearchParams; auth: string | null; idempotency: string | null };

/** The handlers, recording into `seen`. */
export function stripeApiHandlers(seen: SeenStripeRequest[]): HttpHandler[] {
  async function record(request: Request): Promise<URLSearchParams> {
    const url = new URL(request.url);
    const form = request.method === "GET" || request.method === "DELETE" ? url.searchParams : new URLSearchParams(await request.text());
    seen.push({
      method: request.method,
      path: url.pathname,
      form,
      auth: request.headers.get("authorization"),
      idempotency: request.headers.get("idempotency-key"),
    });
    return form;
  }

  const subscription = (id: string, overrides: Record<string, unknown> = {}) => ({
    id,
    object: "subscription",
    status: "trialing",
    trial_end: TRIAL_END,
    customer: "cus_123",
    metadata: {},
    items: { object: "list", data: [{ id: "si_1", object: "subscription_item", price: { id: "price_pro", object: "price", lookup_key: "pro" } }] },
    ...overrides,
  });

  return [
    http.get(`${API}/prices`, async ({ request }) => {
      const form = await record(request);
      const key = form.get("lookup_keys[0]");
      const data = key === "pro" ? [{ id: "price_pro", object: "price", lookup_key: "pro", active: true }] : [];
      return HttpResponse.json({ object: "list", data, has_more: false, url: "/v1/prices" });
    }),
    http.post(`${API}/customers`, async ({ request }) => {
      await record(request);
      return HttpResponse.json({ id: "cus_123", object: "customer" });
    }),
    http.post(`${API}/payment_methods/:id/attach`, async ({ request, params }) => {
      await record(request);
      return HttpResponse.json({ id: params.id, object: "payment_method", customer: "cus_123" });
    }),
    http.post(`${API}/subscriptions`, async ({ request }) => {
      await record(request);
      return HttpResponse.json(subscription("sub_new"));
    }),
    http.post(`${API}/checkout/sessions`, async ({ request }) => {
      await record(request);
      return HttpResponse.json({ id: "cs_test_1", object: "checkout.session", url: "https://checkout.stripe.com/c/pay/cs_test_1" });
    }),
    http.get(`${API}/subscriptions/:id`, async ({ request, params }) => {
      await record(request);
      if (params.id === "sub_missing") {
        return HttpResponse.json({ error: { type: "invalid_request_error", message: "No such subscription" } }, { status: 404 });
      }
      return HttpResponse.json(subscription(String(params.id), { status: "active", trial_end: null }));
    }),
    http.post(`${API}/subscriptions/:id`, async ({ request, params }) => {
      const form = await record(request);
      return HttpResponse.json(subscription(String(params.id), { status: "active", trial_end: null, metadata: { workspace_id: form.get("metadata[workspace_id]") } }));
    }),
    http.delete(`${API}/subscriptions/:id`, async ({ request, params }) => {
      await record(request);
      if (params.id === "sub_gone") {
        return HttpResponse.json({ error: { type: "invalid_request_error", message: "No such subscription: 'sub_gone'" } }, { status: 404 });
      }
      return HttpResponse.json(subscription(String(params.id), { status: "canceled" }));
    }),
    ];
}
