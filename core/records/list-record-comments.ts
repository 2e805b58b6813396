import type { Actor } from "../auth/actor.ts";
import { workspaceOf } from "../members/member-access.ts";
import type { MemberRepository } from "../members/member-repository.ts";
import { recordFor } from "./record-access.ts";
import type { RecordDeps } from "./record-deps.ts";
import { userSummaries, type UserSummaryJson } from "./record-people.ts";
import type { RecordComment } from "./record-repository.ts";

export type RecordCommentJson = { id: string; record_id: string; content: string; author: UserSummaryJson | null; created_at: string; updated_at: string };

export type CommentDeps = RecordDeps & { members: MemberRepository };

/** Comments as the API shows them, with their authors resolved in one lookup. */
export async function commentsJson(deps: CommentDeps, actor: Actor, comments: RecordComment[]): Promise<RecordCommentJson[]> {
  const who = await userSummaries(deps, workspaceOf(actor), comments.map((c) => c.authorId));
  return comments.map((c) => ({
    id: c.id,
    record_id: c.recordId,
    content: c.content,
    author: who(c.authorId),
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  }));
}

/** A record's comments, oldest first. Needs `can_view`. */
export async function listRecordComments(deps: CommentDeps, actor: Actor, input: { recordId: string }): Promise<{ items: RecordCommentJson[]; total: number }> {
  const { record } = await recordFor(deps, actor, input.recordId, "view");
  const items = await commentsJson(deps, actor, await deps.records.listComments(workspaceOf(actor), record.id));
  return { items, total: items.length };
}
