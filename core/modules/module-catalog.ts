import { z } from "zod";
import { Invalid } from "../errors.ts";

/** A product module a workspace can switch on or off and configure. */
export type ModuleDefinition = {
  name: string;
  label: string;
  description: string;
  /** Whether the module is on before anyone configured it. */
  enabledByDefault: boolean;
  /** Validates the module's settings object; unknown keys are refused where the module has a schema. */
  settings: z.ZodType<Record<string, unknown>>;
};

const days = z.number().int().min(1).max(3650);
/** Modules whose settings have no structure of their own yet: any JSON object, bounded in size. */
const freeform = z
  .record(z.string().max(100), z.unknown())
  .refine((value) => JSON.stringify(value).length <= 16_384, "settings may not exceed 16 KB of JSON");

const definitions: readonly ModuleDefinition[] = [
  {
    name: "crm",
    label: "CRM",
    description: "Contacts, companies and their history.",
    enabledByDefault: true,
    settings: z.strictObject({
      default_currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as EUR").optional(),
      duplicate_detection: z.boolean().optional(),
    }),
  },
  {
    name: "pipelines",
    label: "Pipelines",
    description: "Deal pipelines and stages.",
    enabledByDefault: true,
    settings: z.strictObject({
      default_currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as EUR").optional(),
      stale_deal_days: days.optional(),
    }),
  },
  {
    name: "maps",
    label: "Maps",
    description: "Maps, layers and spatial records.",
    enabledByDefault: true,
    settings: z.strictObject({
      default_basemap: z.enum(["streets", "satellite", "terrain", "light", "dark"]).optional(),
      default_center: z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) }).optional(),
      default_zoom: z.number().int().min(0).max(22).optional(),
    }),
  },
  {
    name: "records",
    label: "Records",
    description: "Recordsets and their records.",
    enabledByDefault: true,
    settings: z.strictObject({
      max_import_rows: z.number().int().min(1).max(1_000_000).optional(),
      history_retention_days: days.optional(),
    }),
  },
  {
    name: "ai",
    label: "AI assistant",
    description: "Assistant, summaries and extraction.",
    enabledByDefault: true,
    settings: z.strictObject({
      provider: z.enum(["anthropic", "openai", "offline"]).optional(),
      model: z.string().min(1).max(200).optional(),
      monthly_token_limit: z.number().int().min(0).optional(),
    }),
  },
  {
    name: "chat",
    label: "Chat",
    description: "Direct messages and threads.",
    enabledByDefault: true,
    settings: z.strictObject({ message_retention_days: days.nullable().optional(), allow_file_uploads: z.boolean().optional() }),
  },
  {
    name: "channels",
    label: "Channels",
    description: "Team channels.",
    enabledByDefault: true,
    settings: z.strictObject({ message_retention_days: days.nullable().optional(), allow_public_channels: z.boolean().optional() }),
  },
  {
    name: "documents",
    label: "Documents",
    description: "Files and documents.",
    enabledByDefault: true,
    settings: z.strictObject({
      max_upload_mb: z.number().int().min(1).max(5_120).optional(),
      allowed_extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).max(100).optional(),
    }),
  },
  {
    name: "meetings",
    label: "Meetings",
    description: "Video rooms, recordings and transcripts.",
    enabledByDefault: true,
    settings: z.strictObject({
      recording_enabled: z.boolean().optional(),
      transcription_enabled: z.boolean().optional(),
      max_duration_minutes: z.number().int().min(5).max(1_440).optional(),
    }),
  },
  {
    name: "lms",
    label: "Learning",
    description: "Courses and lessons.",
    enabledByDefault: false,
    settings: z.strictObject({ certificates_enabled: z.boolean().optional(), passing_score: z.number().int().min(0).max(100).optional() }),
  },
  {
    name: "billing",
    label: "Billing",
    description: "Plans, invoices and payment methods.",
    enabledByDefault: true,
    settings: z.strictObject({ invoice_email: z.email().optional(), tax_id: z.string().max(50).optional() }),
  },
  {
    name: "analytics",
    label: "Analytics",
    description: "Reports and dashboards.",
    enabledByDefault: true,
    settings: z.strictObject({ default_date_range_days: days.optional(), week_starts_on: z.enum(["monday", "sunday"]).optional() }),
  },
  { name: "goals", label: "Goals", description: "Goals and key results.", enabledByDefault: true, settings: freeform },
  { name: "tasks", label: "Tasks", description: "Tasks and action items.", enabledByDefault: true, settings: freeform },
  { name: "integrations", label: "Integrations", description: "Connected third-party apps.", enabledByDefault: true, settings: freeform },
  { name: "notifications", label: "Notifications", description: "In-app and email notifications.", enabledByDefault: true, settings: freeform },
];

const byName = new Map(definitions.map((d) => [d.name, d]));

/** Every known module, in a stable order. */
export const moduleCatalog: readonly ModuleDefinition[] = definitions;

/** The module named `name`, or undefined. */
export function findModule(name: string): ModuleDefinition | undefined {
  return byName.get(name);
}

/** The module's validated settings, or Invalid naming each bad field as `settings.<path>`. */
export function parseModuleSettings(module: ModuleDefinition, settings: unknown): Record<string, unknown> {
  const result = module.settings.safeParse(settings);
  if (result.success) return result.data;
  throw new Invalid(
    `invalid settings for module ${module.name}`,
    result.error.issues.map((issue) => ({
      field: ["settings", ...issue.path.map(String)].join("."),
      message: issue.code === "unrecognized_keys" ? `unknown keys: ${issue.keys.join(", ")}` : issue.message,
    })),
  );
}
