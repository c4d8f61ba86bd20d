import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import { linksIn, pathOf } from '../test/emails.ts';
import { insertProject, insertSchool, insertUser } from '../test/fixtures.ts';
import { caughtEmailsTo } from '../test/mailbox.ts';
import { insertReceivingStructure } from '../test/money.ts';
import { createProjectContactActivities } from './project-contacts.ts';

// The activity called directly, on Postgres, its e-mails delivered by the test app's worker to MailDev.
const { app, db, mail } = await createTestApp({ worker: true });
const { inviteProjectContacts } = createProjectContactActivities({ db, mail });

/** An accepted project of a school whose directory e-mail is given, with a structure and the gestionnaire's e-mail. */
async function acceptedProject(contacts: {
  schoolEmail?: string;
  gestionnaireEmail?: string;
  gestionnaireId?: number;
}) {
  const schoolUai = await insertSchool(db);
  await db`update schools set email = ${contacts.schoolEmail ?? null} where uai = ${schoolUai}`;
  const porteur = await insertUser(db, 'porteur', { schoolUai });
  const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id });
  const structureId = await insertReceivingStructure(db, { projectId });
  await db`
    update receiving_structures set gestionnaire_id = ${contacts.gestionnaireId ?? null} where id = ${structureId}`;
  await db`
    update projects set status = 'accepted', gestionnaire_email = ${contacts.gestionnaireEmail ?? null}
    where id = ${projectId}`;
  return { projectId, schoolUai, structureId };
}

const rolesOf = async (email: string) =>
  db<{ role: string; schoolUai: string | null; structureId: number | null }[]>`
    select r.role, r.school_uai, r.structure_id from user_roles r join users u on u.id = r.user_id
    where u.email = ${email} order by r.role`;

const unique = () => Math.random().toString(36).slice(2, 10);

describe('inviting the contacts of an accepted project', () => {
  it('opens accounts for the school head and the gestionnaire, with their roles, and e-mails each one link, once', async () => {
    const schoolEmail = `ce.${unique()}@ac-lille.fr`;
    const gestionnaireEmail = `tresorier.${unique()}@example.org`;
    const { projectId, schoolUai, structureId } = await acceptedProject({ schoolEmail, gestionnaireEmail });

    const first = await inviteProjectContacts({ projectId });
    const again = await inviteProjectContacts({ projectId });

    expect(first.contacts).toEqual([
      { role: 'directeur', userId: expect.any(Number), email: schoolEmail, invited: true },
      { role: 'gestionnaire', userId: expect.any(Number), email: gestionnaireEmail, invited: true },
    ]);
    expect(again).toEqual(first);
    expect(await rolesOf(schoolEmail)).toEqual([{ role: 'directeur', schoolUai, structureId: null }]);
    expect(await rolesOf(gestionnaireEmail)).toEqual([{ role: 'gestionnaire', schoolUai: null, structureId }]);
    const [structure] = await db<{ gestionnaireId: number }[]>`
      select gestionnaire_id from receiving_structures where id = ${structureId}`;
    expect(structure?.gestionnaireId).toBe(first.contacts[1]?.userId);

    const subjects = {
      [schoolEmail]: 'Le projet « Classe de mer à Wimereux » de votre établissement : votre accès à Trousse à Projets',
      [gestionnaireEmail]: 'Le projet « Classe de mer à Wimereux » : votre accès de gestionnaire à Trousse à Projets',
    };
    for (const [address, subject] of Object.entries(subjects)) {
      await expect
        .poll(async () => (await caughtEmailsTo(address)).map((email) => email.subject), { timeout: 20_000 })
        .toEqual([subject]);
      const [email] = await caughtEmailsTo(address);
      const link = linksIn(email!.text).find((url) => url.includes('/compte/activer?token='));
      const page = await app.request(`http://localhost${pathOf(link!)}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(address);
    }
  });

  it('gives an existing account its role without e-mailing it, and never replaces a structure’s gestionnaire', async () => {
    const head = await insertUser(db, 'validateur');
    const current = await insertUser(db, 'admin');
    const named = `autre.${unique()}@example.org`;
    const { projectId, schoolUai } = await acceptedProject({
      schoolEmail: head.email,
      gestionnaireEmail: named,
      gestionnaireId: current.id,
    });

    const { contacts } = await inviteProjectContacts({ projectId });

    expect(contacts).toEqual([{ role: 'directeur', userId: head.id, email: head.email, invited: false }]);
    expect((await rolesOf(head.email)).map((role) => [role.role, role.schoolUai])).toEqual([
      ['directeur', schoolUai],
      ['validateur', null],
    ]);
    const [account] = await db<{ n: number }[]>`select count(*)::int as n from users where email = ${named}`;
    expect(account?.n).toBe(0);
    const [queued] = await db<{ n: number }[]>`
      select count(*)::int as n from email_outbox where to_address in (${head.email}, ${named})`;
    expect(queued?.n).toBe(0);
  });

  it('invites no one when the school has no e-mail and the porteur named no gestionnaire', async () => {
    const { projectId } = await acceptedProject({});
    expect(await inviteProjectContacts({ projectId })).toEqual({ contacts: [] });
  });
});
