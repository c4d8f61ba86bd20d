import { ApplicationFailure } from '@temporalio/activity';
import type { Db, Tx } from '../db/client.ts';
import { assignGestionnaire, findAccountByEmail, findProjectContacts } from '../db/queries/project-contacts.ts';
import { grantRole, insertInvitedUser, type RoleGrant } from '../db/queries/users.ts';
import { invitationLinkFor } from '../domain/email-links.ts';
import type { MailDeps } from './email-delivery.ts';
import { createNotificationActivities } from './notifications.ts';

/** A person a project's acceptance gives a role to, and whether they were sent an invitation. */
export interface InvitedContact {
  role: 'directeur' | 'gestionnaire';
  userId: number;
  email: string;
  /** their account has no password yet: they were e-mailed the link to choose one */
  invited: boolean;
}

const NO_SCOPE = { schoolUai: null, academyCode: null, structureId: null, fundId: null };

/** Opens the account of an address unless it exists; returns it. */
async function accountFor(tx: Tx, email: string, displayName: string) {
  const existing = await findAccountByEmail(tx, email);
  if (existing) return existing;
  const id = await insertInvitedUser(tx, { email, displayName });
  return id === undefined ? await findAccountByEmail(tx, email) : { id, hasPassword: false };
}

/** The invitations of the people an accepted project needs: its school head and its structure's gestionnaire. */
export function createProjectContactActivities({ db, mail }: { db: Db; mail: MailDeps }) {
  const { queueAccountEmail } = createNotificationActivities({ db, mail });
  const now = mail.now ?? (() => new Date());

  return {
    /**
     * Gives the school head (the school's e-mail in the directory) the directeur role of the school, and the person
     * the porteur named the gestionnaire role of the project's structure when it has no other gestionnaire; opens
     * the account of either if they have none, and e-mails each one without a password the signed link to choose
     * it, once per project. Safe to repeat: roles, accounts and e-mails are each written once.
     */
    async inviteProjectContacts({ projectId }: { projectId: number }): Promise<{ contacts: InvitedContact[] }> {
      const contacts = await db.begin(async (tx) => {
        const project = await findProjectContacts(tx, projectId);
        if (!project) throw ApplicationFailure.nonRetryable(`Unknown project ${projectId}`, 'ProjectNotFound');
        const found: InvitedContact[] = [];
        const give = async (role: InvitedContact['role'], email: string, name: string, grant: RoleGrant) => {
          const account = await accountFor(tx, email, name);
          if (!account) return;
          if (role === 'gestionnaire' && !(await assignGestionnaire(tx, grant.structureId as number, account.id))) {
            return;
          }
          await grantRole(tx, account.id, grant);
          found.push({ role, userId: account.id, email, invited: !account.hasPassword });
        };
        if (project.schoolEmail) {
          await give('directeur', project.schoolEmail, `Direction — ${project.schoolName}`, {
            ...NO_SCOPE,
            role: 'directeur',
            schoolUai: project.schoolUai,
          });
        }
        const current = project.structureGestionnaireId;
        const gestionnaire = project.gestionnaireEmail;
        const named =
          gestionnaire && (current === null || (await findAccountByEmail(tx, gestionnaire))?.id === current);
        if (named && project.structureId !== null) {
          await give('gestionnaire', gestionnaire, `Gestion — ${project.structureName}`, {
            ...NO_SCOPE,
            role: 'gestionnaire',
            structureId: project.structureId,
          });
        }
        return found;
      });
      for (const contact of contacts.filter((one) => one.invited)) {
        const { actionUrl } = await invitationLinkFor(mail.publicUrl, mail.linkSecret, {
          userId: contact.userId,
          now: now().getTime(),
        });
        await queueAccountEmail({
          userId: contact.userId,
          template: `${contact.role}_invitation`,
          eventKey: `project-${projectId}`,
          actionUrl,
          projectId,
        });
      }
      return { contacts };
    },
  };
}
