import type { Actor } from "../auth/actor.ts";
import { Forbidden, Invalid } from "../errors.ts";
import { recordEvent } from "../events/record-event.ts";
import { newId } from "../ids.ts";
import { workspaceOf } from "../members/member-access.ts";
import { recordFor } from "./record-access.ts";
import { commentsJson, type CommentDeps, type RecordCommentJson } from "./list-record-comments.ts";

export const MAX_COMMENT_LENGTH = 10_000;

/**
 * Adds a comment. Anyone who can view the record may discuss it, except workspace viewers
 * (read-only everywhere). `record.commented` commits with the comment.
 */
export async function createRecordComment(deps: CommentDeps, actor: Actor, input: { recordId: string; content: string }): Promise<RecordCommentJson> {
  const { record, recordset } = await recordFor(deps, actor, input.recordId, "view");
  if (actor.workspace?.role === "viewer") throw new Forbidden("workspace viewers cannot comment");
  const content = input.content.trim();
  if (!content || content.length > MAX_COMMENT_LENGTH) {
    throw new Invalid("the comment is empty or too long", [{ field: "content", message: `must be 1 to ${MAX_COMMENT_LENGTH} characters` }]);
  }
  const comment = await deps.records.addComment(workspaceOf(actor), { id: newId(), recordId: record.id, authorId: actor.userId, content }, async (transaction) => {
    await recordEvent(
      deps,
      actor,
      { type: "record.commented", entity: { type: "record", id: record.id, name: record.title }, metadata: { recordset_id: recordset.id, excerpt: content.slice(0, 200) } },
      { transaction },
    );
  });
  return (await commentsJson(deps, actor, [comment]))[0]!;
}
