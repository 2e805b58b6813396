import { Conflict } from "../errors.ts";
import type { WorkspaceRef } from "./member-repository.ts";

declare const scopeBrand: unique symbol;
/** One database transaction over the workspace's data, opaque to core (adapters unwrap it). */
export type MemberItemScope = { readonly [scopeBrand]: "MemberItemScope" };

/** Something a member owns, leads or is assigned to. */
export type MemberItem = { type: string; id: string; name: string; relation: string };

/**
 * A kind of item a member can own or be assigned (teams they lead, API keys they created,
 * records, tasks...). Each API section contributes one and registers it in the composition
 * root, so offboarding (deletion info, items, reassignment) sees everything.
 */
export interface MemberItemSource {
  /** Stable item type, e.g. `team`, `api_key`. */
  readonly type: string;
  count(scope: MemberItemScope, memberId: string): Promise<number>;
  list(scope: MemberItemScope, memberId: string): Promise<MemberItem[]>;
  /** Moves every item of this type from `fromId` to `toId`; returns how many moved. */
  reassign(scope: MemberItemScope, fromId: string, toId: string): Promise<number>;
}

/** Opens the transaction the sources run in (adapter). */
export interface MemberItemTransactions {
  run<T>(ws: WorkspaceRef, work: (scope: MemberItemScope) => Promise<T>): Promise<T>;
}

/**
 * The registry of item sources.
 *
 * @example
 * const items = new MemberItemRegistry(transactions).register(teamLeadItems).register(apiKeyItems);
 */
export class MemberItemRegistry {
  readonly #sources: MemberItemSource[] = [];
  constructor(private readonly transactions: MemberItemTransactions) {}

  /** Adds a source; a type may be registered once. */
  register(source: MemberItemSource): this {
    if (this.#sources.some((s) => s.type === source.type)) {
      throw new Conflict(`a member item source of type ${source.type} is already registered`);
    }
    this.#sources.push(source);
    return this;
  }

  get sources(): readonly MemberItemSource[] {
    return this.#sources;
  }

  /** Runs `work` in one transaction (all reads consistent, all reassignments atomic). */
  run<T>(ws: WorkspaceRef, work: (scope: MemberItemScope) => Promise<T>): Promise<T> {
    return this.transactions.run(ws, work);
  }
}
