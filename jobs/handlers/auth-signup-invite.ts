import type { JobHandler } from "../../core/jobs/job-handler.ts";
import type { InviteSignupDeps } from "../../core/signup/invite-signup.ts";
import { sessionDepsFrom, type SessionSource } from "../../core/signup/session-deps.ts";
import { runInviteSignupJob, SIGNUP_INVITE_JOB } from "../../core/signup/signup-job.ts";

export { SIGNUP_INVITE_JOB };

/** What the handler needs: the app's services satisfy it. */
export type AuthSignupInviteServices = Omit<InviteSignupDeps, "session"> & SessionSource;

/**
 * `auth.signup-invite`: provisions the workspace of an invite signup started by
 * `POST /auth/signup/stripe-invite/async`, reporting each provisioning step; the stream
 * `GET /auth/signup/jobs/{job_id}/stream` relays it. Its result holds ids, never tokens.
 */
export function authSignupInviteHandler(services: AuthSignupInviteServices): JobHandler {
  const deps: InviteSignupDeps = { ...services, session: sessionDepsFrom(services) };
  return async ({ job, reportProgress }) => runInviteSignupJob(deps, job.payload, reportProgress);
}
