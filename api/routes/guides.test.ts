import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertAcademy, insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';

// Admins write the resource centre's guides in Markdown; only published ones are public, and never run HTML.
const { app, db, browser } = await createTestApp();
await insertAcademy(db);
const admin = await insertUser(db, 'admin');
const porteur = await insertUser(db, 'porteur');

async function signedIn(email: string) {
  const client = browser();
  expect((await client.login(email)).status).toBe(200);
  return client;
}
const page = async (path: string) => {
  const response = await app.request(`http://localhost${path}`);
  return { status: response.status, html: await response.text() };
};

const guide = {
  title: 'Monter un projet de classe découverte',
  summary: 'Les étapes, du devis au bilan.',
  bodyMarkdown:
    '# Les étapes\n\n1. Demander **deux devis**.\n2. Voir [la charte](/charte).\n\n<script>alert("x")</script>\n\n' +
    '[Cliquez](javascript:alert(1)) <img src=x onerror=alert(2)>',
};

describe('guides of the resource centre', () => {
  it('are written by admins only: a porteur is refused (403), a visitor must sign in (401)', async () => {
    const asPorteur = await signedIn(porteur.email);
    const refused = await asPorteur.request('POST', '/api/guides', guide);
    expect(refused.status).toBe(403);
    expect((await browser().request('POST', '/api/guides', guide)).status).toBe(401);
    expect((await asPorteur.request('GET', '/api/guides')).status).toBe(403);
    expect((await db`select count(*)::int as n from guides`)[0]?.n).toBe(0);
  });

  it('refuses a bad address or a taken one in French, naming the field', async () => {
    const asAdmin = await signedIn(admin.email);
    const bad = await asAdmin.request('POST', '/api/guides', { ...guide, slug: 'Avec Espaces' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toContain('slug : adresse invalide : lettres minuscules sans accents');
    expect((await asAdmin.request('POST', '/api/guides', { ...guide, title: 'Premier', slug: 'pris' })).status).toBe(
      201,
    );
    const taken = await asAdmin.request('POST', '/api/guides', { ...guide, slug: 'pris' });
    expect(taken.status).toBe(400);
    expect(await taken.json()).toMatchObject({
      message: 'Données invalides — cette adresse est déjà celle d’un autre guide : choisissez-en une autre',
      details: [{ path: ['slug'] }],
    });
  });

  it('stay private as drafts (404), are public once published with their HTML inert, and leave when unpublished', async () => {
    const asAdmin = await signedIn(admin.email);
    const created = await asAdmin.request('POST', '/api/guides', { ...guide, slug: null });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    const slug = 'monter-un-projet-de-classe-decouverte';
    expect((await asAdmin.getJson(`/api/guides/${id}`)).body).toMatchObject({
      slug,
      status: 'draft',
      publishedAt: null,
    });
    expect((await page(`/ressources/${slug}`)).status).toBe(404);
    expect((await page('/ressources')).html).not.toContain(guide.title);

    const edited = (await asAdmin.getJson(`/api/guides/${id}`)).body as object;
    expect((await asAdmin.request('PATCH', `/api/guides/${id}`, { ...edited, status: 'published' })).status).toBe(200);
    const { status, html } = await page(`/ressources/${slug}`);
    expect(status).toBe(200);
    expect(html).toContain('<h1>Monter un projet de classe découverte</h1>');
    expect(html).toContain('<h2>Les étapes</h2>');
    expect(html).toContain('<li>Demander <strong>deux devis</strong>.</li>');
    expect(html).toContain('<a href="/charte">la charte</a>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).not.toMatch(/<script|<img src=x|href="javascript/i);
    expect(html).toContain(`<link rel="canonical" href="http://localhost:3000/ressources/${slug}">`);
    const centre = (await page('/ressources')).html;
    expect(centre).toContain(`<a href="/ressources/${slug}">Monter un projet de classe découverte</a>`);
    expect(centre).toContain('<a href="/ressources">Centre de ressources</a>');
    expect((await page('/sitemap.xml')).html).toContain(`<loc>http://localhost:3000/ressources/${slug}</loc>`);

    expect((await asAdmin.request('PATCH', `/api/guides/${id}`, { status: 'draft' })).status).toBe(200);
    expect((await asAdmin.getJson(`/api/guides/${id}`)).body).toMatchObject({
      summary: guide.summary,
      publishedAt: null,
    });
    expect((await page(`/ressources/${slug}`)).status).toBe(404);
    expect((await page('/sitemap.xml')).html).not.toContain(slug);
  });
});

describe('retours d’expérience', () => {
  async function completedProject(title: string, theme: string, levels: string[], text: string, consent: boolean) {
    const schoolUai = await insertSchool(db, { name: 'Collège Jean Jaurès' });
    const id = await insertProject(db, { schoolUai, porteurId: porteur.id });
    await db`update projects set status = 'completed', title = ${title}, theme = ${theme}, levels = ${levels}
             where id = ${id}`;
    await db`insert into project_reports (project_id, version, what_was_done, pupils_reached, actual_spend_cents,
                                          share_consent, submitted_by)
             values (${id}, 1, ${text}, 20, 1000, ${consent}, ${porteur.id})`;
    return id;
  }

  it('list the shared reports only, searchable by theme, level and French words without accents', async () => {
    const robots = await completedProject(
      'Robots au collège',
      'sciences_robotique',
      ['5e'],
      'Nous avons programmé des robots éducatifs.',
      true,
    );
    const sea = await completedProject(
      'Classe de mer',
      'classe_decouverte',
      ['CM1'],
      'Pêche à pied et phare de Wimereux.',
      true,
    );
    await completedProject(
      'Projet discret',
      'classe_decouverte',
      ['CM1'],
      'Un bilan que son porteur garde pour lui.',
      false,
    );
    const listed = (html: string) => [...html.matchAll(/<a href="\/projets\/(\d+)#bilan">/g)].map((m) => Number(m[1]));

    expect(listed((await page('/ressources')).html).sort()).toEqual([robots, sea].sort());
    expect(listed((await page('/ressources?theme=sciences_robotique')).html)).toEqual([robots]);
    expect(listed((await page('/ressources?niveau=CM1')).html)).toEqual([sea]);
    expect(listed((await page('/ressources?q=peche+a+pied')).html)).toEqual([sea]);
    expect(listed((await page('/ressources?q=phare&theme=sciences_robotique')).html)).toEqual([]);
    const refused = await page('/ressources?niveau=master');
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('niveau : niveau inconnu');
  });
});
