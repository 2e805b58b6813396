import type { PermissionOverrides } from "../permissions/authorize.ts";
import type { JobQueue } from "../ports/job-queue.ts";
import type { ObjectStorage } from "../ports/object-storage.ts";
import type { ActivityRepository } from "./activity-repository.ts";

/** Every port the Activity Feed use-cases draw from; `Services` satisfies it as is. */
export type ActivityDeps = {
  activity: ActivityRepository;
  permissionOverrides: PermissionOverrides;
  jobs: JobQueue;
  storage: ObjectStorage;
  now(): Date;
};
