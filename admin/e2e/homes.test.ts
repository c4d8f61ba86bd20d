import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fundsImpact } from '../../db/queries/homes/funds.ts';
import { platformHome } from '../../db/queries/homes/platform.ts';
import { DEMO_ACCOUNTS, seedDemoData } from '../../dev/demo-data.ts';
import { formatEuros } from '../../domain/format.ts';
import { createTestApp } from '../../test/app.ts';
import { signInToAdmin, seriousViolations, useBrowser } from '../../test/browser.ts';
import { FIXTURE_PASSWORD, insertUser } from '../../test/fixtures.ts';

// Each role's home page in Chromium with the demo data: its key figures, and no serious accessibility violation
// on a desktop nor on a 390 px phone.
const { app, db } = await createTestApp();
const session = useBrowser(app, async () => {
  await seedDemoData(db);
});

const account = (email: string) => DEMO_ACCOUNTS.find((demo) => demo.email === email)!;
const VIEWPORTS = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
];

async function signIn(email: string, password = account(email).password, viewport = VIEWPORTS[0]): Promise<Page> {
  const phone = viewport.width < 600 ? { isMobile: true, hasTouch: true } : {};
  const page = await (await session.browser.newContext({ viewport, ...phone })).newPage();
  page.setDefaultTimeout(20_000);
  await signInToAdmin(page, session.baseUrl, email, password);
  return page;
}

/** The home's section with this heading, once loaded. */
async function section(page: Page, title: string) {
  const found = page.getByRole('region', { name: title });
  await found.waitFor();
  return found;
}

const HOMES = [
  ['philippe.durand@ac-lille.fr', 'Attestations à donner'],
  ['nadia.haddad@ac-lille.fr', 'Vos structures réceptrices'],
  ['validation.lille@trousse-a-projets.fr', 'Projets à examiner'],
  ['helene.moreau@fondation-trousse-a-projets.fr', 'L’impact de votre mécénat'],
  ['admin@trousse-a-projets.fr', 'La plateforme en chiffres'],
] as const;

const PHONE = { width: 390, height: 844 };
interface PhoneIds {
  project: number;
  structure: number;
  fund: number;
}
/** A list's first record or a show page's heading or tab: the screen has its data. */
const LOADED = '.RaList-main li, .RaList-main tbody tr, .RaShow-main .ra-field, .RaShow-main .MuiTab-root';

/**
 * The document's width, and the deepest visible elements reaching past the viewport's right edge that no box
 * scrolling sideways or ending its text with an ellipsis holds (so cut off, or widening the page).
 */
const widthOnPhone = (page: Page) =>
  page.evaluate((limit) => {
    const past = (element: Element) => element.getBoundingClientRect().right > limit + 1;
    const holds = (box: Element) => {
      const style = getComputedStyle(box);
      return ['auto', 'scroll'].includes(style.overflowX) || style.textOverflow === 'ellipsis';
    };
    const held = (element: Element) => {
      for (let box = element.parentElement; box; box = box.parentElement) if (holds(box) && !past(box)) return true;
      return false;
    };
    const sticking = [...document.querySelectorAll('body *')]
      .filter((element) => past(element) && element.checkVisibility({ visibilityProperty: true }))
      .filter((element) => ![...element.children].some(past) && !held(element))
      .slice(0, 8)
      .map(
        (element) =>
          `${element.tagName} ${String(element.textContent).slice(0, 40)} → ${Math.round(element.getBoundingClientRect().right)}`,
      );
    return { width: document.documentElement.scrollWidth, sticking };
  }, PHONE.width);

/** Each role's home (its headings), then the screens it uses, some with a text showing their last part loaded. */
const PHONE_SCREENS: readonly {
  email: string;
  home: string[];
  screens: (ids: PhoneIds) => (string | [path: string, text: string])[];
}[] = [
  {
    email: 'admin@trousse-a-projets.fr',
    home: [
      'La plateforme en chiffres',
      'Dons collectés par mois',
      'Projets par statut',
      'Réussite et solidarité par académie (%)',
      'Par académie',
    ],
    screens: (ids) => [
      'projects',
      `projects/${ids.project}/show`,
      'donations',
      'users',
      'payouts',
      'funds',
      [`funds/${ids.fund}/show`, 'Abondement'],
      `structures/${ids.structure}/show`,
    ],
  },
  { email: 'validation.lille@trousse-a-projets.fr', home: ['Projets à examiner'], screens: () => [] },
  {
    email: 'nadia.haddad@ac-lille.fr',
    home: ['Vos structures réceptrices'],
    screens: (ids) => [`structures/${ids.structure}/show`, 'tax-receipts', 'donations'],
  },
  {
    email: 'helene.moreau@fondation-trousse-a-projets.fr',
    home: ['L’impact de votre mécénat'],
    screens: (ids) => [[`funds/${ids.fund}/show`, 'Abondement']],
  },
  { email: 'philippe.durand@ac-lille.fr', home: ['Attestations à donner'], screens: () => [] },
  {
    email: 'claire.martin@ac-lille.fr',
    home: ['Vos projets'],
    screens: (ids) => ['projects', `projects/${ids.project}/show`],
  },
];

describe('the home page of each role', () => {
  it('shows a directeur the attestation waiting for them, with a link to give it, and their school by name', async () => {
    const page = await signIn('philippe.durand@ac-lille.fr');
    const home = await section(page, 'Attestations à donner');
    await home.getByText('1 projet attend votre attestation des autorisations.').waitFor();
    await page.getByText(/Directeur d’école \/ chef d’établissement — École élémentaire Jean Jaurès/).waitFor();
    await home.getByRole('link', { name: 'Attester « Une journée au musée La Piscine »' }).click();
    await page
      .getByRole('button', { name: /Attester/ })
      .first()
      .waitFor();
    await page.close();
  });

  it('shows a gestionnaire their bank details awaiting validation, the receipts to validate and the payout made', async () => {
    const page = await signIn('nadia.haddad@ac-lille.fr');
    const home = await section(page, 'Vos structures réceptrices');
    await home.getByRole('link', { name: 'reçus fiscaux à valider' }).waitFor();
    expect(await home.getByText('2', { exact: true }).count()).toBe(1);
    await home.getByText('En attente de validation').waitFor();
    await home.getByText(formatEuros(148_000)).first().waitFor();
    const payouts = home.getByRole('table', { name: 'Derniers versements' });
    await payouts.getByRole('row', { name: /Une chorale et son concert de fin d’année.*Versé/ }).waitFor();
    await page.close();
  });

  it('shows a validateur their queue with the overdue review', async () => {
    const page = await signIn('validation.lille@trousse-a-projets.fr');
    const home = await section(page, 'Projets à examiner');
    const row = home.getByRole('row', { name: /Des robots pour apprendre à coder/ });
    await row.getByText(/^En retard de \d+ jours? ouvrés?$/).waitFor();
    await home.getByText('Chaque projet soumis est examiné sous 5 jours ouvrés.').waitFor();
    await page.close();
  });

  it('shows a mécène the impact of their fund: projects, money granted, the priority share, a chart by month', async () => {
    const [mecene] = await db<{ fundId: number }[]>`
      select r.fund_id from user_roles r join users u on u.id = r.user_id
      where u.email = 'helene.moreau@fondation-trousse-a-projets.fr'`;
    const [fund] = (await fundsImpact(db, [mecene!.fundId])).funds;
    const share = Math.round((fund!.priorityGrantedCents * 100) / fund!.grantedCents);
    const page = await signIn('helene.moreau@fondation-trousse-a-projets.fr');
    const home = await section(page, 'L’impact de votre mécénat');
    await home.getByText('projets soutenus').waitFor();
    await home.getByText(formatEuros(141_000), { exact: true }).waitFor();
    await home.getByText(`${share} %`, { exact: true }).waitFor();
    await home.getByText(/^Devenir des projets : 1 terminé avec leur bilan, 2 financés/).waitFor();
    expect(await home.locator('.recharts-bar-rectangle').count()).toBeGreaterThanOrEqual(3);
    await page.close();
  });

  it('shows an administrator the platform’s figures', async () => {
    const figures = await platformHome(db);
    const page = await signIn('admin@trousse-a-projets.fr');
    const home = await section(page, 'La plateforme en chiffres');
    await home.getByText(formatEuros(figures.collectedCents), { exact: true }).waitFor();
    await home.getByText(formatEuros(figures.paidOutCents), { exact: true }).waitFor();
    await home.getByRole('link', { name: 'projets bloqués' }).waitFor();
    await page.close();
  });

  it('shows someone holding several roles each role’s block', async () => {
    const [structure] = await db<{ id: number; schoolUai: string }[]>`
      select id, school_uai from receiving_structures order by id limit 1`;
    const user = await insertUser(db, 'directeur', { schoolUai: structure!.schoolUai });
    await db`insert into user_roles (user_id, role, structure_id) values (${user.id}, 'gestionnaire', ${structure!.id})`;
    const page = await signIn(user.email, FIXTURE_PASSWORD);
    await section(page, 'Attestations à donner');
    await section(page, 'Vos structures réceptrices');
    await page.close();
  });

  it.each(HOMES.flatMap(([email, title]) => VIEWPORTS.map((viewport) => ({ email, title, viewport }))))(
    'has no serious accessibility violation: $title at $viewport.width px',
    async ({ email, title, viewport }) => {
      const page = await signIn(email, undefined, viewport);
      await section(page, title);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    },
  );

  it('fits every role’s home, and the screens each role uses, in a 390 px phone without scrolling sideways', async () => {
    const [ids] = await db<PhoneIds[]>`
      select (select p.id from projects p join users u on u.id = p.porteur_id
              where u.email = 'claire.martin@ac-lille.fr' order by p.id limit 1) as project,
             (select r.structure_id from user_roles r join users u on u.id = r.user_id
              where u.email = 'nadia.haddad@ac-lille.fr' and r.structure_id is not null limit 1) as structure,
             (select r.fund_id from user_roles r join users u on u.id = r.user_id
              where u.email = 'helene.moreau@fondation-trousse-a-projets.fr' and r.fund_id is not null limit 1) as fund`;
    const tooWide: Record<string, { width: number; sticking: string[] }> = {};
    for (const { email, home, screens } of PHONE_SCREENS) {
      const page = await signIn(email, undefined, PHONE);
      for (const title of home) await page.getByRole('heading', { name: title, exact: true }).waitFor();
      await page.waitForLoadState('networkidle');
      for (const chart of await page.locator('.recharts-surface').all()) expect(await chart.isVisible()).toBe(true);
      const measured = await widthOnPhone(page);
      if (measured.width > PHONE.width || measured.sticking.length > 0) tooWide[`${email} home`] = measured;
      for (const entry of screens(ids!)) {
        const [screen, text] = typeof entry === 'string' ? [entry] : entry;
        await page.goto(`${session.baseUrl}/admin/#/${screen}`);
        await page.locator(LOADED).first().waitFor({ state: 'attached' });
        if (text) await page.getByText(text, { exact: true }).first().waitFor();
        await page.locator('.RaLoadingIndicator-root .MuiCircularProgress-root').waitFor({ state: 'detached' });
        const onScreen = await widthOnPhone(page);
        if (onScreen.width > PHONE.width || onScreen.sticking.length > 0) tooWide[`${email} ${screen}`] = onScreen;
      }
      await page.close();
    }
    expect(tooWide).toEqual({});
  }, 300_000);
});
