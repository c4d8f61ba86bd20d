import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertAcademy, insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { insertFund, insertFundSchool } from '../../test/funds.ts';
import { recordPaidDonation } from '../../test/money.ts';
import { closeCampaign, reserveGrant } from '../../test/public-site.ts';

// The home page and the catalogue: collecting first then funded, filters, French search without accents, pages.
const { app, db } = await createTestApp();

async function get(path: string) {
  const response = await app.request(`http://localhost${path}`);
  return { status: response.status, html: (await response.text()).replace(/[\u202f\u00a0]/g, ' ') };
}

const titlesIn = (html: string) =>
  [...html.matchAll(/<h3><a href="\/projets\/\d+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);

await insertAcademy(db);
const porteur = await insertUser(db, 'porteur');
async function project(title: string, options: { school?: string; endsIn?: number; description?: string } = {}) {
  const schoolUai = await insertSchool(db, { name: options.school ?? `École ${title}` });
  const id = await insertProject(db, {
    schoolUai,
    porteurId: porteur.id,
    campaignEndsInDays: options.endsIn ?? 20,
    minimumGoalCents: 100_000,
    optimumGoalCents: 150_000,
  });
  await db`update projects set title = ${title}, description = ${options.description ?? ''} where id = ${id}`;
  return id;
}

const jaures = await project('Classe de mer', { school: 'École Jean Jaurès', endsIn: 9 });
const theatre = await project('Atelier de théâtre', {
  school: 'École Victor Hugo',
  endsIn: 3,
  description: 'Des élèves comédiens.',
});
const funded = await project('Robots au collège', { school: 'Collège Pasteur', endsIn: 1 });
await recordPaidDonation(db, { projectId: jaures, amountCents: 45_000 });
await reserveGrant(db, { fundId: await insertFund(db), projectId: jaures, kind: 'seeding', amountCents: 20_000 });
await recordPaidDonation(db, { projectId: funded, amountCents: 120_000 });
await closeCampaign(db, funded, { to: 'succeeded', at: '2026-12-01T10:00:00Z' });
await db`update schools set rural = true, priority_education = 'none'
         where uai = (select school_uai from projects where id = ${theatre})`;

describe('the catalogue', () => {
  it('lists collecting projects by deadline, then funded ones, with their money', async () => {
    const { status, html } = await get('/projets');
    expect(status).toBe(200);
    expect(titlesIn(html)).toEqual(['Atelier de théâtre', 'Classe de mer', 'Robots au collège']);
    expect(html).toContain('3 projets trouvés');
    expect(html).toContain('<strong>650,00 €</strong> sur 1 000,00 € (65 %) — 9 jours restants');
    expect(html).toContain('<strong>1 200,00 €</strong> sur 1 000,00 € (120 %) — Financé');
    expect(html).toContain('<link rel="canonical" href="http://localhost:3000/projets">');
  });

  it('finds « Jaurès » when searched without accents, and words of the description', async () => {
    expect(titlesIn((await get('/projets?q=jaures')).html)).toEqual(['Classe de mer']);
    expect(titlesIn((await get('/projets?q=JAURÈS')).html)).toEqual(['Classe de mer']);
    expect(titlesIn((await get('/projets?q=theatre')).html)).toEqual(['Atelier de théâtre']);
    expect(titlesIn((await get('/projets?q=comedien')).html)).toEqual(['Atelier de théâtre']);
    expect(titlesIn((await get('/projets?q=roubaix&statut=termine')).html)).toEqual(['Robots au collège']);
  });

  it('filters by state, priority and theme, and sorts the nearly funded first', async () => {
    expect(titlesIn((await get('/projets?statut=termine')).html)).toEqual(['Robots au collège']);
    expect(titlesIn((await get('/projets?priorite=rural')).html)).toEqual(['Atelier de théâtre']);
    expect(titlesIn((await get('/projets?priorite=rep_plus&statut=en_cours')).html)).toEqual(['Classe de mer']);
    expect(titlesIn((await get('/projets?theme=sport')).html)).toEqual([]);
    expect(titlesIn((await get('/projets?tri=financement&statut=en_cours&theme=&q=')).html)).toEqual([
      'Classe de mer',
      'Atelier de théâtre',
    ]);
  });

  it('pages by 24, keeping the filters in the links', async () => {
    for (let index = 0; index < 24; index += 1) await project(`Projet de page ${index + 1}`, { endsIn: 30 });
    const first = await get('/projets?statut=en_cours');
    expect(titlesIn(first.html)).toHaveLength(24);
    expect(first.html).toContain('Page 1 sur 2');
    expect(first.html).toContain('<a href="/projets?statut=en_cours&amp;page=2" rel="next">Page suivante</a>');
    const second = await get('/projets?statut=en_cours&page=2');
    expect(titlesIn(second.html)).toHaveLength(2);
    expect(second.html).toContain(
      '<link rel="canonical" href="http://localhost:3000/projets?statut=en_cours&amp;page=2">',
    );
  });

  it('sorts a search by deadline unless asked for relevance, where a title match comes first', async () => {
    await project('Hommage à Jaurès', { school: 'École Louise Michel', endsIn: 25 });
    expect(titlesIn((await get('/projets?q=jaures')).html)).toEqual(['Classe de mer', 'Hommage à Jaurès']);
    expect(titlesIn((await get('/projets?q=jaures&tri=pertinence')).html)).toEqual([
      'Hommage à Jaurès',
      'Classe de mer',
    ]);
  });

  it('filters by académie, département and level, and sorts the latest launched first', async () => {
    const schoolUai = await insertFundSchool(db, { academy: 'montpellier' });
    const college = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 40 });
    await db`update projects set title = 'Journal du collège', levels = ${['6e', '5e']},
             campaign_starts_at = now() + interval '1 minute' where id = ${college}`;
    for (const filter of ['academie=montpellier', 'departement=34', 'niveau=6e', 'academie=montpellier&niveau=5e']) {
      expect(titlesIn((await get(`/projets?${filter}`)).html), filter).toEqual(['Journal du collège']);
    }
    const lille = titlesIn((await get('/projets?academie=lille&departement=59&niveau=CM2')).html);
    expect(lille).toContain('Classe de mer');
    expect(lille).not.toContain('Journal du collège');
    expect(titlesIn((await get('/projets?academie=montpellier&niveau=CM2')).html)).toEqual([]);
    expect(titlesIn((await get('/projets?tri=recent&statut=en_cours')).html)[0]).toBe('Journal du collège');
  });

  it('saves a collecting project’s longest description, and finds the project by its last word', async () => {
    const id = await project('Carnet de voyage');
    const words = Array.from({ length: 2_200 }, (_, index) => `escale${index}`).join(' ');
    const description = `${words.slice(0, 19_980 - 'ornithologie'.length)} ornithologie`;
    await db`update projects set description = ${description} where id = ${id}`;
    expect(titlesIn((await get('/projets?q=ornithologie')).html)).toEqual(['Carnet de voyage']);
  });

  it('refuses an unknown filter with a 400 in French', async () => {
    const { status, html } = await get('/projets?theme=cuisine&page=0');
    expect(status).toBe(400);
    expect(html).toContain('theme : thème inconnu');
    expect(html).toContain('page : page invalide');
  });

  it('refuses a page beyond the counted matches (1 000, 42 pages) rather than read further', async () => {
    const { status, html } = await get('/projets?page=43');
    expect(status).toBe(400);
    expect(html).toContain('page : page invalide (42 au plus)');
  });
});

describe('the home page', () => {
  it('says what the platform is, its figures and projects ending soon', async () => {
    const { status, html } = await get('/');
    expect(status).toBe(200);
    expect(html).toContain('Financez les projets pédagogiques');
    expect(html).toMatch(/<strong>\d+<\/strong> projets en collecte/);
    expect(html).toContain('<strong>1</strong> projet financé');
    expect(html).toContain('<strong>1 200,00 €</strong> réunis pour les projets financés');
    expect(html).toContain('<h2>Bientôt terminés</h2>');
    expect(titlesIn(html).slice(0, 2)).toEqual(['Atelier de théâtre', 'Classe de mer']);
    const priority = html.slice(html.indexOf('<h2>Écoles prioritaires</h2>'));
    expect(titlesIn(priority)).toContain('Atelier de théâtre');
    for (const link of ['rep_plus', 'rep', 'rural']) {
      expect(priority).toContain(`<a href="/projets?statut=en_cours&amp;priorite=${link}">`);
    }
  });
});

describe('the legal pages and the sitemap', () => {
  it('serves each legal page with the footer and its canonical address', async () => {
    const legal: [string, string][] = [
      ['/mentions-legales', 'Mentions légales'],
      ['/donnees-personnelles', 'Données personnelles'],
      ['/charte', 'Charte des projets'],
    ];
    for (const [path, heading] of legal) {
      const { status, html } = await get(path);
      expect(status).toBe(200);
      expect(html).toContain(`<h1>${heading}</h1>`);
      expect(html).toContain(`<link rel="canonical" href="http://localhost:3000${path}">`);
      expect(html).toContain('<a href="/donnees-personnelles">Données personnelles</a>');
    }
  });

  it('lists the public pages and the public projects, not the drafts', async () => {
    const draft = await insertProject(db, { schoolUai: await insertSchool(db), porteurId: porteur.id });
    const response = await app.request('http://localhost/sitemap.xml');
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await response.text();
    expect(xml).toContain('<url><loc>http://localhost:3000/</loc></url>');
    expect(xml).toContain('<url><loc>http://localhost:3000/charte</loc></url>');
    expect(xml).toContain(`<loc>http://localhost:3000/projets/${jaures}</loc>`);
    expect(xml).toContain(`<loc>http://localhost:3000/projets/${funded}</loc>`);
    expect(xml).not.toContain(`/projets/${draft}<`);
  });

  it('lists only pages that are indexable at that very address, each with the legal footer', async () => {
    const xml = await (await app.request('http://localhost/sitemap.xml')).text();
    const addresses = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(addresses).toContain('http://localhost:3000/fonds');
    for (const address of addresses) {
      const { status, html } = await get(new URL(address).pathname);
      expect(status, address).toBe(200);
      expect(html, address).toContain(`<link rel="canonical" href="${address}">`);
      expect(html, address).toContain(`<meta property="og:url" content="${address}">`);
      expect(html, address).not.toContain('noindex');
      expect(html, address).toContain('<a href="/mentions-legales">Mentions légales</a>');
    }
  });
});
