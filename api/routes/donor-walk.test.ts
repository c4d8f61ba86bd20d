import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { recordPaidDonation } from '../../test/money.ts';

// What a donor clicking through the site found missing or misleading (home → catalogue → gift → space → resources).
const { app, db } = await createTestApp();
const html = async (path: string) =>
  (await (await app.request(`http://localhost${path}`)).text()).replace(/\u202f|\u00a0/g, ' ');

describe('a donor walking the public site', () => {
  it('is led from the thank-you page to their donor space', async () => {
    const schoolUai = await insertSchool(db, { name: 'École Jean Jaurès' });
    const porteur = await insertUser(db, 'porteur');
    const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id });
    const donationId = await recordPaidDonation(db, { projectId, amountCents: 2_000 });
    const [row] = await db<{ session: string }[]>`
      select stripe_checkout_session_id as session from donations where id = ${donationId}`;
    const thanks = await html(`/dons/merci?session_id=${row!.session}`);
    expect(thanks).toContain('Votre don de 20,00 € pour « Classe de mer à Wimereux » est enregistré.');
    expect(thanks).toContain('<a href="/donateur">Retrouver vos dons dans votre espace donateur</a>');
  });

  it('reads that no experience is shared yet, rather than that their search found nothing', async () => {
    expect(await html('/ressources')).toContain(
      '<p>Aucun retour d’expérience n’est encore partagé : les premiers bilans arrivent bientôt.</p>',
    );
    expect(await html('/ressources?q=cirque')).toContain(
      '<p>Aucun retour d’expérience ne correspond à cette recherche.</p>',
    );
  });
});
