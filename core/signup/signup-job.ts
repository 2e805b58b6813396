import { startSession, type SessionDeps, type TokenPair } from "../auth/sessions.ts";
import type { PaymentInviteRepository } from "../billing/payment-invite-repository.ts";
import { NotFound } from "../errors.ts";
import { isFinished } from "../jobs/job-events.ts";
import { watchJob } from "../jobs/watch-job.ts";
import { PermanentJobError, type ReportProgress } from "../jobs/job-handler.ts";
import type { Job, JobQueue, JsonValue } from "../ports/job-queue.ts";
import type { PubSub } from "../ports/pub-sub.ts";
import {
  abandonInviteSignup,
  completeInviteSignup,
  startInviteSignup,
  type InviteSignupDeps,
  type InviteSignupInput,
} from "./invite-signup.ts";

/** Job type of the asynchronous invite signup. */
export const SIGNUP_INVITE_JOB = "auth.signup-invite";

/** The job's payload: ids only, no secrets (the user and the claimed invite already exist). */
type SignupInvitePayload = { invite_id: string; user_id: string; workspace_name: string };

/** The job's result: what the stream needs to hand out the session; never tokens. */
type SignupInviteResult = { invite_id: string; user_id: string; workspace_id: string; workspace_name: string; message: string };

/**
 * Starts an invite signup in the background: checks the invite, creates the user and claims
 * the invite now (so errors such as a used invite answer at once), then enqueues the
 * provisioning. The job id doubles as the stream's credential.
 */
export async function startInviteSignupJob(
  deps: InviteSignupDeps & { jobs: JobQueue },
  input: InviteSignupInput,
): Promise<{ jobId: string }> {
  const started = await startInviteSignup(deps, input);
  try {
    const payload: SignupInvitePayload = {
      invite_id: started.invite.id,
      user_id: started.user.id,
      workspace_name: started.workspaceName,
    };
    // One attempt: a failed provisioning undoes the user and the claim, so a retry has nothing to work on.
    const job = await deps.jobs.enqueue({ type: SIGNUP_INVITE_JOB, payload, createdBy: started.user.id, maxAttempts: 1 });
    await deps.paymentInvites.setSignupJob(started.invite.id, job.id);
    return { jobId: job.id };
  } catch (error) {
    await abandonInviteSignup(deps, started);
    throw error;
  }
}

/** Runs the job: provisions the workspace and reports each step. Safe to run again after it finished. */
export async function runInviteSignupJob(
  deps: InviteSignupDeps,
  payload: JsonValue,
  reportProgress: ReportProgress,
): Promise<SignupInviteResult> {
  const p = parsePayload(payload);
  const invite = await deps.paymentInvites.findById(p.invite_id);
  const user = await deps.signupUsers.findById(p.user_id);
  if (!invite || !user || invite.usedByUserId !== user.id) {
    throw new PermanentJobError("the invite or user of this signup no longer exists");
  }
  if (invite.workspaceId) {
    return { ...p, workspace_id: invite.workspaceId, workspace_name: p.workspace_name, message: "Workspace ready" };
  }
  try {
    const workspace = await completeInviteSignup(deps, { invite, user, workspaceName: p.workspace_name }, (progress) =>
      reportProgress(progress.percent, progress.message, progress.step),
    );
    return { ...p, workspace_id: workspace.id, workspace_name: workspace.name, message: "Workspace ready" };
  } catch (error) {
    throw new PermanentJobError(`provisioning failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** One update of the signup stream (field names as in the API reference). */
export type SignupJobUpdate = {
  job_id: string;
  status: "RUNNING" | "COMPLETED" | "FAILED";
  progress: number;
  current_step: string | null;
  result: { message: string };
  workspace_id?: string;
  workspace_name?: string;
} & Partial<Pick<TokenPair, "access_token" | "refresh_token" | "token_type" | "expires_in">>;

export type SignupJobStreamDeps = {
  jobs: JobQueue;
  pubSub: PubSub;
  paymentInvites: PaymentInviteRepository;
  session: SessionDeps;
  now(): Date;
};

/**
 * The progress of a signup job until it ends, for SSE. NotFound for unknown ids and jobs of
 * other types (checked before the first update). The final COMPLETED update carries a new
 * session, issued once per signup: a reconnecting client gets the workspace but must log in.
 * Listens on the job's pub/sub channel and re-reads the row every `pollMs` as a fallback
 * (pub/sub is at-most-once).
 */
export async function watchSignupJob(
  deps: SignupJobStreamDeps,
  jobId: string,
  options: { pollMs?: number } = {},
): Promise<(signal: AbortSignal) => AsyncGenerator<SignupJobUpdate>> {
  const first = await deps.jobs.get(jobId);
  if (!first || first.type !== SIGNUP_INVITE_JOB) throw new NotFound("signup job", jobId);
  const pollMs = options.pollMs ?? 2_000;

  return (signal) =>
    watchJob(deps, first, {
      signal,
      pollMs,
      describe: async (job) => (isFinished(job.status) ? { update: await finalUpdate(deps, job), final: true } : { update: running(job), final: false }),
    });
}

function running(job: Job): SignupJobUpdate {
  return {
    job_id: job.id,
    status: "RUNNING",
    progress: job.status === "queued" ? 0 : Math.round(job.progress),
    current_step: job.status === "queued" ? "queued" : job.currentStep,
    result: { message: job.progressMessage ?? (job.status === "queued" ? "Waiting to start" : "Working") },
  };
}

async function finalUpdate(deps: SignupJobStreamDeps, job: Job): Promise<SignupJobUpdate> {
  if (job.status !== "succeeded") {
    return {
      job_id: job.id,
      status: "FAILED",
      progress: Math.round(job.progress),
      current_step: job.currentStep,
      result: { message: job.status === "cancelled" ? "Signup was cancelled" : "We could not set up your workspace; please try again" },
    };
  }
  const result = job.result as SignupInviteResult;
  const update: SignupJobUpdate = {
    job_id: job.id,
    status: "COMPLETED",
    progress: 100,
    current_step: "done",
    result: { message: result.message },
    workspace_id: result.workspace_id,
    workspace_name: result.workspace_name,
  };
  if (await deps.paymentInvites.claimSession(result.invite_id, deps.now())) {
    const tokens = await startSession(deps.session, result.user_id);
    return {
      ...update,
      access_token: tokens.access_token,
      refresh_token: tokens.refresh_token,
      token_type: tokens.token_type,
      expires_in: tokens.expires_in,
    };
  }
  return { ...update, result: { message: `${result.message}; sign in to continue` } };
}

function parsePayload(payload: JsonValue): SignupInvitePayload {
  const p = payload as Partial<SignupInvitePayload> | null;
  if (!p || typeof p.invite_id !== "string" || typeof p.user_id !== "string" || typeof p.workspace_name !== "string") {
    throw new PermanentJobError("malformed auth.signup-invite payload");
  }
  return { invite_id: p.invite_id, user_id: p.user_id, workspace_name: p.workspace_name };
}
