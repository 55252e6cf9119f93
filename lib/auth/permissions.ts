import type { Scope } from "./api-keys";

export const ROLES = ["owner", "admin", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/**
 * What an action needs. `read` and `write` are authoring; `admin` covers credentials, project
 * settings and members. A key's `manage` scope grants read, write and admin on its own project
 * (keys cannot manage members: that is `members`, for owners and admins signed in).
 */
export type Access = "read" | "write" | "admin" | "members";

const ROLE_ACCESS: Record<Role, readonly Access[]> = {
  owner: ["read", "write", "admin", "members"],
  admin: ["read", "write", "admin", "members"],
  editor: ["read", "write"],
  viewer: ["read"],
};

export type Actor =
  | { type: "key"; sourceId: number; prefix: string; scopes: readonly Scope[] }
  | { type: "user"; userId: string; email: string; role: Role }
  | { type: "system"; label: string };

export function hasAccess(actor: Actor, access: Access): boolean {
  switch (actor.type) {
    case "system":
      return true;
    case "key":
      return actor.scopes.includes("manage") && access !== "members";
    case "user":
      return ROLE_ACCESS[actor.role].includes(access);
  }
}

export function describeActor(actor: Actor): string {
  switch (actor.type) {
    case "key":
      return `API key ${actor.prefix}`;
    case "user":
      return actor.email;
    case "system":
      return actor.label;
  }
}
