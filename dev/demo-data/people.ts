import type { Tx } from '../../db/client.ts';
import type { Role } from '../../domain/roles.ts';
import { demoSchool } from './schools.ts';

/** A demo login, printed by the start script. The passwords are for local demos only, never production. */
export interface DemoAccount {
  role: Role;
  email: string;
  password: string;
  description: string;
}

/** One login per role (two validateurs, two porteurs), with fixed demo-only passwords. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    role: 'admin',
    email: 'admin@trousse-a-projets.fr',
    password: 'demo-admin-2026',
    description: 'Nathalie Girard, administratrice de la plateforme',
  },
  {
    role: 'validateur',
    email: 'validation@trousse-a-projets.fr',
    password: 'demo-validateur-2026',
    description: 'Thomas Bernard, validateur (toutes académies)',
  },
  {
    role: 'validateur',
    email: 'validation.lille@trousse-a-projets.fr',
    password: 'demo-validateur-2026',
    description: "Isabelle Dubois, validatrice pour l'académie de Lille",
  },
  {
    role: 'porteur',
    email: 'claire.martin@ac-lille.fr',
    password: 'demo-porteur-2026',
    description: 'Claire Martin, professeure des écoles, école élémentaire Jean Jaurès (Roubaix, REP+)',
  },
  {
    role: 'porteur',
    email: 'julien.roux@ac-montpellier.fr',
    password: 'demo-porteur-2026',
    description: 'Julien Roux, professeur des écoles, école élémentaire Frédéric Mistral (Nîmes, REP+)',
  },
  {
    role: 'directeur',
    email: 'philippe.durand@ac-lille.fr',
    password: 'demo-directeur-2026',
    description: "Philippe Durand, directeur de l'école élémentaire Jean Jaurès (Roubaix)",
  },
  {
    role: 'gestionnaire',
    email: 'nadia.haddad@ac-lille.fr',
    password: 'demo-gestionnaire-2026',
    description: "Nadia Haddad, mandataire de la coopérative scolaire de l'école Jean Jaurès (Roubaix)",
  },
  {
    role: 'mecene',
    email: 'helene.moreau@fondation-trousse-a-projets.fr',
    password: 'demo-mecene-2026',
    description: 'Hélène Moreau, Fondation Trousse à Projets (Fonds de solidarité général)',
  },
  {
    role: 'donateur',
    email: 'julie.petit@example.com',
    password: 'demo-donateur-2026',
    description: 'Julie Petit, donatrice',
  },
];

/** A person of the demo and the role they hold; only DEMO_ACCOUNTS can log in. */
export interface DemoPerson {
  email: string;
  displayName: string;
  role: Role;
  school?: string;
  academy?: string;
  structureOf?: string;
  fund?: 'general' | 'sponsor';
}

const displayName = (account: DemoAccount) => account.description.split(',')[0]!;
const scopes: Record<string, Partial<DemoPerson>> = {
  'validation.lille@trousse-a-projets.fr': { academy: 'lille' },
  'claire.martin@ac-lille.fr': { school: 'roubaix-jaures' },
  'julien.roux@ac-montpellier.fr': { school: 'nimes-mistral' },
  'philippe.durand@ac-lille.fr': { school: 'roubaix-jaures' },
  'nadia.haddad@ac-lille.fr': { structureOf: 'roubaix-jaures' },
  'helene.moreau@fondation-trousse-a-projets.fr': { fund: 'general' },
};

const porteur = (email: string, name: string, school: string): DemoPerson => ({
  email,
  displayName: name,
  role: 'porteur',
  school,
});
const directeur = (email: string, school: string): DemoPerson => ({
  email,
  displayName: demoSchool(school).head,
  role: 'directeur',
  school,
});

/** Everyone of the demo: the accounts, plus the other porteurs and directeurs of the demo projects (no password). */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  ...DEMO_ACCOUNTS.map((account) => ({
    email: account.email,
    displayName: displayName(account),
    role: account.role,
    ...scopes[account.email],
  })),
  porteur('amandine.lefebvre@ac-orleans-tours.fr', 'Amandine Lefebvre', 'vierzon-rolland'),
  porteur('mehdi.cherif@ac-reims.fr', 'Mehdi Chérif', 'reims-joliot-curie'),
  porteur('sandrine.legrand@ac-orleans-tours.fr', 'Sandrine Legrand', 'orleans-rostand'),
  porteur('yasmina.belkacem@ac-versailles.fr', 'Yasmina Belkacem', 'garges-eluard'),
  porteur('pierre.vidal@ac-montpellier.fr', 'Pierre Vidal', 'mende-bourrillon'),
  porteur('laurent.collin@ac-reims.fr', 'Laurent Collin', 'charleville-jean-mace'),
  porteur('aurelie.fontaine@ac-versailles.fr', 'Aurélie Fontaine', 'grigny-langevin-wallon'),
  porteur('francois.delmas@ac-versailles.fr', 'François Delmas', 'versailles-hoche'),
  directeur('sabrina.hamdi@ac-reims.fr', 'reims-joliot-curie'),
  directeur('nadine.perrot@ac-orleans-tours.fr', 'orleans-rostand'),
  directeur('frederic.leroy@ac-versailles.fr', 'garges-eluard'),
  directeur('jean-luc.pages@ac-montpellier.fr', 'mende-bourrillon'),
  directeur('alain.pierson@ac-reims.fr', 'charleville-jean-mace'),
  directeur('samia.bouzid@ac-versailles.fr', 'grigny-langevin-wallon'),
];

/** Inserts the demo people and their scoped roles; returns user ids by e-mail. */
export async function insertPeople(
  tx: Tx,
  context: {
    passwordHashes: ReadonlyMap<string, string>;
    structureIds: ReadonlyMap<string, number>;
    fundIds: { general: number; sponsor: number };
  },
): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const person of DEMO_PEOPLE) {
    const [row] = await tx<{ id: number }[]>`
      insert into users (email, password_hash, display_name, created_at)
      values (${person.email}, ${context.passwordHashes.get(person.email) ?? null}, ${person.displayName},
        now() - interval '200 days')
      returning id`;
    const userId = row!.id;
    ids.set(person.email, userId);
    const structureId = person.structureOf ? context.structureIds.get(person.structureOf) : undefined;
    await tx`
      insert into user_roles (user_id, role, school_uai, academy_code, structure_id, fund_id)
      values (${userId}, ${person.role}, ${person.school ? demoSchool(person.school).uai : null},
        ${person.academy ?? null}, ${structureId ?? null}, ${person.fund ? context.fundIds[person.fund] : null})`;
    if (structureId !== undefined) {
      await tx`update receiving_structures set gestionnaire_id = ${userId} where id = ${structureId}`;
    }
  }
  return ids;
}
