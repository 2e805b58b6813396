import { sql, type Selectable, type Transaction } from "kysely";
import type { WorkspaceRef } from "../../../core/members/member-repository.ts";
import { Conflict } from "../../../core/errors.ts";
import type {
  NewTeam,
  TeamFilter,
  TeamMemberRecord,
  TeamPatch,
  TeamRecord,
  TeamRepository,
  TeamRole,
} from "../../../core/teams/team-repository.ts";
import type { InTransaction } from "../../../core/events/domain-event.ts";
import { asEventTransaction } from "../events/postgres-event-recorder.ts";
import { isUniqueViolation, likePattern } from "../members/postgres-member-repository.ts";
import type { DatabaseHandle } from "../open-database.ts";
import { tenantDatabase } from "../tenant-database.ts";
import type { TeamMembersTable, TenantDatabase } from "../tenant-schema.ts";

/** Teams in the tenant schema, through the tenant role. */
export class PostgresTeamRepository implements TeamRepository {
  constructor(private readonly handle: DatabaseHandle) {}

  private run<T>(ws: WorkspaceRef, work: (trx: Transaction<TenantDatabase>) => Promise<T>): Promise<T> {
    return tenantDatabase(this.handle, ws.schemaName).transaction(work);
  }

  private static selectTeams(trx: Transaction<TenantDatabase>) {
    return trx
      .selectFrom("teams as t")
      .selectAll("t")
      .select((eb) =>
        eb
          .selectFrom("team_members as tm")
          .select(sql<number>`count(*)::int`.as("n"))
          .whereRef("tm.team_id", "=", "t.id")
          .as("member_count"),
      );
  }

  async list(ws: WorkspaceRef, filter: TeamFilter): Promise<TeamRecord[]> {
    const rows = await this.run(ws, (trx) => {
      let query = PostgresTeamRepository.selectTeams(trx);
      if (filter.search) query = query.where("t.name", "ilike", likePattern(filter.search));
      if (filter.isActive !== undefined) query = query.where("t.is_active", "=", filter.isActive);
      if (filter.parentTeamId) query = query.where("t.parent_team_id", "=", filter.parentTeamId);
      return query.orderBy(sql`lower(t.name)`).orderBy("t.id").execute();
    });
    return rows.map(toTeam);
  }

  async find(ws: WorkspaceRef, teamId: string): Promise<TeamRecord | null> {
    const row = await this.run(ws, (trx) => PostgresTeamRepository.selectTeams(trx).where("t.id", "=", teamId).executeTakeFirst());
    return row ? toTeam(row) : null;
  }

  async create(ws: WorkspaceRef, team: NewTeam, within?: InTransaction<TeamRecord>): Promise<TeamRecord> {
    try {
      const row = await this.run(ws, async (trx) => {
        await trx
          .insertInto("teams")
          .values({
            id: team.id,
            name: team.name,
            description: team.description,
            parent_team_id: team.parentTeamId,
            is_active: team.isActive,
            created_by: team.createdBy,
          })
          .execute();
        const created = toTeam(await PostgresTeamRepository.selectTeams(trx).where("t.id", "=", team.id).executeTakeFirstOrThrow());
        await within?.(asEventTransaction(trx), created);
        return created;
      });
      return row;
    } catch (error) {
      throw nameTaken(error, team.name);
    }
  }

  async update(ws: WorkspaceRef, teamId: string, patch: TeamPatch, within?: InTransaction<TeamRecord>): Promise<TeamRecord | null> {
    const values = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.parentTeamId !== undefined ? { parent_team_id: patch.parentTeamId } : {}),
      ...(patch.isActive !== undefined ? { is_active: patch.isActive } : {}),
    };
    try {
      const row = await this.run(ws, async (trx) => {
        await trx
          .updateTable("teams")
          .set({ ...values, updated_at: sql`now()` })
          .where("id", "=", teamId)
          .execute();
        const updated = await PostgresTeamRepository.selectTeams(trx).where("t.id", "=", teamId).executeTakeFirst();
        if (!updated) return null;
        const team = toTeam(updated);
        await within?.(asEventTransaction(trx), team);
        return team;
      });
      return row;
    } catch (error) {
      throw nameTaken(error, patch.name ?? "");
    }
  }

  async lineage(ws: WorkspaceRef, teamId: string): Promise<string[]> {
    // Depth-capped so a cycle that slipped in concurrently cannot loop forever.
    const result = await this.run(ws, (trx) =>
      sql<{ id: string }>`
        with recursive up (id, parent_team_id, depth) as (
          select id, parent_team_id, 0 from teams where id = ${teamId}
          union all
          select t.id, t.parent_team_id, up.depth + 1 from teams t join up on t.id = up.parent_team_id
          where up.depth < 1000
        )
        select id from up order by depth`.execute(trx),
    );
    return result.rows.map((r) => r.id);
  }

  async delete(ws: WorkspaceRef, teamId: string, within?: InTransaction): Promise<boolean> {
    return await this.run(ws, async (trx) => {
      const team = await trx.selectFrom("teams").select("parent_team_id").where("id", "=", teamId).forUpdate().executeTakeFirst();
      if (!team) return false;
      await trx
        .updateTable("teams")
        .set({ parent_team_id: team.parent_team_id, updated_at: sql`now()` })
        .where("parent_team_id", "=", teamId)
        .execute();
      await trx.deleteFrom("teams").where("id", "=", teamId).execute();
      await within?.(asEventTransaction(trx), undefined);
      return true;
    });
  }

  async listMembers(ws: WorkspaceRef, teamId: string): Promise<TeamMemberRecord[]> {
    const rows = await this.run(ws, (trx) =>
      trx.selectFrom("team_members").selectAll().where("team_id", "=", teamId).orderBy("added_at").execute(),
    );
    return rows.map(toTeamMember);
  }

  async addMember(ws: WorkspaceRef, teamId: string, userId: string, role: TeamRole, within?: InTransaction<TeamMemberRecord>): Promise<TeamMemberRecord> {
    return await this.run(ws, async (trx) => {
      const row = await trx
        .insertInto("team_members")
        .values({ team_id: teamId, user_id: userId, role })
        .onConflict((oc) => oc.columns(["team_id", "user_id"]).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new Conflict("this member is already in the team");
      const membership = toTeamMember(row);
      await within?.(asEventTransaction(trx), membership);
      return membership;
    });
  }

  async updateMemberRole(ws: WorkspaceRef, teamId: string, userId: string, role: TeamRole): Promise<TeamMemberRecord | null> {
    const row = await this.run(ws, (trx) =>
      trx
        .updateTable("team_members")
        .set({ role })
        .where("team_id", "=", teamId)
        .where("user_id", "=", userId)
        .returningAll()
        .executeTakeFirst(),
    );
    return row ? toTeamMember(row) : null;
  }

  async removeMember(ws: WorkspaceRef, teamId: string, userId: string): Promise<boolean> {
    const result = await this.run(ws, (trx) =>
      trx.deleteFrom("team_members").where("team_id", "=", teamId).where("user_id", "=", userId).executeTakeFirst(),
    );
    return result.numDeletedRows > 0n;
  }
}

type TeamRow = Selectable<TenantDatabase["teams"]> & { member_count: number | null };

function toTeam(row: TeamRow): TeamRecord {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    parentTeamId: row.parent_team_id,
    isActive: row.is_active,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    memberCount: row.member_count ?? 0,
  };
}

function toTeamMember(row: Selectable<TeamMembersTable>): TeamMemberRecord {
  return { teamId: row.team_id, userId: row.user_id, role: row.role, addedAt: new Date(row.added_at) };
}

function nameTaken(error: unknown, name: string): unknown {
  return isUniqueViolation(error) ? new Conflict(`a team named ${JSON.stringify(name)} already exists`) : error;
}
