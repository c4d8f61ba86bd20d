import type { DossierResponse } from '../../contracts/project-drafts.ts';
import type { ProjectResponse } from '../../contracts/projects.ts';

/*
 * The records the admin reads, as the API's zod schemas (in contracts/) describe its answers: never written again here.
 */

export type { FundResponse as Fund, GrantResponse as Grant } from '../../contracts/funds.ts';
export type { OutboxEmailResponse as OutboxEmail } from '../../contracts/emails.ts';
export type { SchoolResponse as School } from '../../contracts/schools.ts';
export type { MeResponse as Me, RoleGrantResponse as RoleGrant, UserResponse as User } from '../../contracts/users.ts';

/** A project as the data provider reads it: the list's columns, and its dossier once its page has read it. */
export type Project = ProjectResponse & Partial<DossierResponse>;
