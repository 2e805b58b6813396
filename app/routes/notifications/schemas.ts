import { z } from "@hono/zod-openapi";
import { notificationChannels } from "../../../core/notifications/event-catalog.ts";
import type { NotificationPreference, PreferenceInput } from "../../../core/notifications/notification-repository.ts";

/** A notification (inbox item and the live stream's `notification` event). */
export const NotificationSchema = z
  .object({
    id: z.uuid().openapi({ example: "01936f9e-7c1a-7b3e-9f00-3c5d2a1b4e6f" }),
    workspace_id: z.uuid(),
    type: z.string().openapi({ example: "task.assigned", description: "The domain event type it comes from" }),
    title: z.string().openapi({ example: "Task assigned: Call the landlord" }),
    body: z.string().nullable(),
    actor_id: z.uuid().nullable().openapi({ description: "Who caused it; null for the system" }),
    event_id: z.uuid().nullable(),
    entity: z.object({ type: z.string(), id: z.string(), name: z.string().nullable() }).nullable(),
    data: z.record(z.string(), z.unknown()),
    is_read: z.boolean(),
    read_at: z.iso.datetime().nullable(),
    created_at: z.iso.datetime(),
    emailed_at: z.iso.datetime().nullable(),
  })
  .openapi("Notification");

const Channel = z.enum(notificationChannels).openapi({ description: "Delivery channel", example: "email" });
const EventType = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/, "must look like entity.verb")
  .openapi({ example: "member.added", description: "A notification event type (see GET /api/v1/notifications/defaults)" });

/** A v1 preference row. */
export const NotificationPreferenceSchema = z
  .object({
    id: z.uuid(),
    user_id: z.uuid(),
    event_type: z.string().openapi({ example: "member.added" }),
    channel: Channel,
    enabled: z.boolean(),
    created_at: z.iso.datetime(),
    updated_at: z.iso.datetime(),
  })
  .openapi("NotificationPreference");

/** Fields to create or upsert one preference row. */
export const NotificationPreferenceInputSchema = z
  .object({ event_type: EventType, channel: Channel, enabled: z.boolean().default(true) })
  .openapi("NotificationPreferenceInput");

/** Fields of a preference row that can change. */
export const NotificationPreferenceUpdateSchema = z
  .object({ event_type: EventType.optional(), channel: Channel.optional(), enabled: z.boolean().optional() })
  .refine((v) => Object.keys(v).length > 0, { message: "send at least one field" })
  .openapi("NotificationPreferenceUpdate");

export const PreferenceIdParams = z.object({
  preference_id: z.uuid().openapi({ param: { name: "preference_id", in: "path" }, example: "01936f9e-7c1a-7b3e-9f00-3c5d2a1b4e6f" }),
});

/** v2 settings of one event type. */
export const EventTypeSettingsSchema = z
  .object({
    inapp_enabled: z.boolean(),
    email_enabled: z.boolean(),
    whatsapp_enabled: z.boolean(),
    muted: z.boolean().openapi({ description: "No notification of this type on any channel" }),
  })
  .openapi("NotificationEventTypeSettings");

export const EmailDeliverySchema = z
  .object({
    email_delivery_mode: z.enum(["instant", "digest"]).openapi({ example: "digest" }),
    digest_frequency_minutes: z.enum(["30", "60"]).openapi({ example: "30", description: "Used in digest mode" }),
  })
  .openapi("EmailDeliveryPreference");

/** A preference row as JSON. */
export function preferenceJson(p: NotificationPreference): z.infer<typeof NotificationPreferenceSchema> {
  return {
    id: p.id,
    user_id: p.userId,
    event_type: p.eventType,
    channel: p.channel,
    enabled: p.enabled,
    created_at: p.createdAt.toISOString(),
    updated_at: p.updatedAt.toISOString(),
  };
}

/** Request fields to the use-case's input. */
export function preferenceInput(body: z.infer<typeof NotificationPreferenceInputSchema>): PreferenceInput {
  return { eventType: body.event_type, channel: body.channel, enabled: body.enabled };
}

/** v2 settings as JSON. */
export function eventTypeSettingsJson(s: { inapp: boolean; email: boolean; whatsapp: boolean; muted: boolean }): z.infer<typeof EventTypeSettingsSchema> {
  return { inapp_enabled: s.inapp, email_enabled: s.email, whatsapp_enabled: s.whatsapp, muted: s.muted };
}
