import type { Role } from '../../domain/roles.ts';
import type { Tx } from '../client.ts';
import { orderBy, whereAll, type Page, type PageRequest } from './paging.ts';

/** A role a user holds, with its optional scope. */
export interface UserRole {
  /** the grant's id (to revoke it) */
  id: number;
  role: Role;
  schoolUai: string | null;
  academyCode: string | null;
  structureId: number | null;
  fundId: number | null;
  /** the names of the scope, for people to read */
  schoolName: string | null;
  structureName: string | null;
  fundName: string | null;
}

/** A user as the application sees it (never the password hash). */
export interface User {
  id: number;
  email: string;
  displayName: string;
  roles: UserRole[];
}

const rolesOf = (db: Tx) => db`
  coalesce((
    select json_agg(json_build_object(
      'id', r.id, 'role', r.role, 'schoolUai', r.school_uai, 'academyCode', r.academy_code,
      'structureId', r.structure_id, 'fundId', r.fund_id,
      'schoolName', (select name from schools where uai = r.school_uai),
      'structureName', (select legal_name from receiving_structures where id = r.structure_id),
      'fundName', (select name from funds where id = r.fund_id)) order by r.id)
    from user_roles r where r.user_id = u.id
  ), '[]'::json) as roles`;

/** The columns of a user (alias `u`) as the application sees it, roles included. */
export const userColumns = (db: Tx) => db`u.id, u.email, u.display_name, ${rolesOf(db)}`;

/** The user with this e-mail and their password hash, unless banned. */
export async function findLoginCandidate(
  db: Tx,
  email: string,
): Promise<{ id: number; passwordHash: string | null } | undefined> {
  const [row] = await db<{ id: number; passwordHash: string | null }[]>`
    select id, password_hash from users where email = ${email} and banned_at is null`;
  return row;
}

/** One user with their roles. */
export async function findUser(db: Tx, id: number): Promise<User | undefined> {
  const [row] = await db<User[]>`select ${userColumns(db)} from users u where u.id = ${id}`;
  return row;
}

const USER_SORTS = { id: 'u.id', email: 'u.email', displayName: 'u.display_name' } as const;
type UserSort = keyof typeof USER_SORTS;

/** A page of users with their roles, optionally matching a search text. */
export async function listUsers(db: Tx, options: PageRequest<UserSort> & { q?: string }): Promise<Page<User>> {
  const where = whereAll(
    db,
    options.q ? [db`(u.email ilike ${`%${options.q}%`} or u.display_name ilike ${`%${options.q}%`})`] : [],
  );
  const data = await db<User[]>`
    select ${userColumns(db)} from users u ${where}
    ${orderBy(db, USER_SORTS[options.sort], options.descending, 'u.id')}
    limit ${options.limit} offset ${options.offset}`;
  const [count] = await db<{ total: number }[]>`select count(*)::int as total from users u ${where}`;
  return { data, total: count?.total ?? 0 };
}

export const USER_SORT_FIELDS = Object.keys(USER_SORTS) as UserSort[];

/** Creates a porteur account; the database refuses a non-academic e-mail. */
export async function createPorteur(
  db: Tx,
  user: { email: string; passwordHash: string; displayName: string; schoolUai: string },
): Promise<number> {
  const [row] = await db<{ id: number }[]>`
    insert into users (email, password_hash, display_name)
    values (${user.email}, ${user.passwordHash}, ${user.displayName}) returning id`;
  const id = (row as { id: number }).id;
  await db`insert into user_roles (user_id, role, school_uai) values (${id}, 'porteur', ${user.schoolUai})`;
  return id;
}

/** A role to grant, with the scope it needs (directeur: a school; gestionnaire: a structure; mécène: a fund). */
export type RoleGrant = Omit<UserRole, 'id' | 'schoolName' | 'structureName' | 'fundName'>;

/** Grants a role to a user; false when they hold it already (nothing changes). */
export async function grantRole(db: Tx, userId: number, grant: RoleGrant): Promise<boolean> {
  const inserted = await db`
    insert into user_roles (user_id, role, school_uai, academy_code, structure_id, fund_id)
    values (${userId}, ${grant.role}, ${grant.schoolUai}, ${grant.academyCode}, ${grant.structureId}, ${grant.fundId})
    on conflict do nothing`;
  return inserted.count === 1;
}

/** Takes a role grant back from a user; the grant, or undefined when they did not hold it. */
export async function revokeRole(db: Tx, userId: number, grantId: number): Promise<RoleGrant | undefined> {
  const [row] = await db<RoleGrant[]>`
    delete from user_roles where id = ${grantId} and user_id = ${userId}
    returning role, school_uai, academy_code, structure_id, fund_id`;
  return row;
}

/** Opens an account without a password (its owner chooses one from their invitation); undefined if the e-mail is taken. */
export async function insertInvitedUser(
  db: Tx,
  user: { email: string; displayName: string },
): Promise<number | undefined> {
  const [row] = await db<{ id: number }[]>`
    insert into users (email, display_name) values (${user.email}, ${user.displayName})
    on conflict (email) do nothing returning id`;
  return row?.id;
}

/**
 * Replaces an account's password if it is still `expected` (null: none chosen yet); false otherwise (another link
 * or request changed it first, or the account is banned), so a link serves once even when used twice at once.
 */
export async function replacePassword(
  db: Tx,
  userId: number,
  change: { expected: string | null; next: string },
): Promise<boolean> {
  const updated = await db`
    update users set password_hash = ${change.next}
    where id = ${userId} and password_hash is not distinct from ${change.expected} and banned_at is null`;
  return updated.count === 1;
}

/** The e-mail and password hash of an account (not banned), to check a link that lets its owner choose a password. */
export async function passwordOf(
  db: Tx,
  userId: number,
): Promise<{ email: string; passwordHash: string | null } | undefined> {
  const [row] = await db<{ email: string; passwordHash: string | null }[]>`
    select email::text, password_hash from users where id = ${userId} and banned_at is null`;
  return row;
}

/** The e-mail and name of an account (to write to its owner), and whether its password is chosen. */
export async function accountOf(
  db: Tx,
  userId: number,
): Promise<{ email: string; name: string; hasPassword: boolean } | undefined> {
  const [row] = await db<{ email: string; name: string; hasPassword: boolean }[]>`
    select email::text, display_name as name, password_hash is not null as has_password from users
    where id = ${userId} and banned_at is null`;
  return row;
}
