import type { Tx } from '../client.ts';

/** Whom a project's acceptance invites: its school (e-mail from the directory) and its structure's gestionnaire. */
export interface ProjectContacts {
  schoolUai: string;
  schoolName: string;
  schoolEmail: string | null;
  structureId: number | null;
  structureName: string | null;
  /** the structure's gestionnaire today, if it has one */
  structureGestionnaireId: number | null;
  /** the e-mail the porteur gave for the gestionnaire */
  gestionnaireEmail: string | null;
}

/** The contacts of a project, or undefined for an unknown project. */
export async function findProjectContacts(db: Tx, projectId: number): Promise<ProjectContacts | undefined> {
  const [row] = await db<ProjectContacts[]>`
    select s.uai as school_uai, s.name as school_name, s.email::text as school_email, p.structure_id,
           r.legal_name as structure_name, r.gestionnaire_id as structure_gestionnaire_id,
           p.gestionnaire_email::text
    from projects p join schools s on s.uai = p.school_uai left join receiving_structures r on r.id = p.structure_id
    where p.id = ${projectId}`;
  return row;
}

/** The account of an e-mail address and whether its password is chosen, or undefined. */
export async function findAccountByEmail(
  db: Tx,
  email: string,
): Promise<{ id: number; hasPassword: boolean } | undefined> {
  const [row] = await db<{ id: number; hasPassword: boolean }[]>`
    select id, password_hash is not null as has_password from users where email = ${email}`;
  return row;
}

/** Names the structure's gestionnaire when it has none yet; false when it has another one (nothing changes). */
export async function assignGestionnaire(db: Tx, structureId: number, userId: number): Promise<boolean> {
  const [row] = await db<{ gestionnaireId: number }[]>`
    update receiving_structures set gestionnaire_id = coalesce(gestionnaire_id, ${userId})
    where id = ${structureId} returning gestionnaire_id`;
  return row?.gestionnaireId === userId;
}
