import type { RaRecord } from 'react-admin';
import type { EmailKind, EmailStatus } from '../../domain/emails.ts';
import type { GrantExplanation } from '../../domain/funds/plan.ts';
import type { FundRestrictions, FundRules, GrantKind } from '../../domain/funds/types.ts';
import type { Cents } from '../../domain/money.ts';
import type { ProjectStatus } from '../../domain/project-status.ts';
import type { Theme } from '../../domain/projects.ts';
import type { Role } from '../../domain/roles.ts';
import type { Degree, PriorityEducation, SchoolKind, Sector } from '../../domain/schools.ts';

export interface RoleGrant {
  id: number;
  role: Role;
  schoolUai: string | null;
  academyCode: string | null;
  structureId: number | null;
  fundId: number | null;
  schoolName?: string | null;
  structureName?: string | null;
  fundName?: string | null;
}

export interface Project extends RaRecord<number> {
  title: string;
  summary: string;
  status: ProjectStatus;
  theme: Theme;
  schoolUai: string;
  schoolName: string;
  academyCode: string;
  departement: string;
  minimumGoalCents: Cents;
  /** an admin lifted the 5 000 € cap on the minimum goal (from the dossier) */
  minimumGoalException?: boolean;
  optimumGoalCents: Cents;
  collectedCents: Cents;
  campaignEndsAt: string | null;
  statusChangedAt: string;
  porteurName: string;
}

export interface School extends RaRecord<string> {
  uai: string;
  name: string;
  kind: SchoolKind;
  degree: Degree;
  academyCode: string;
  departement: string;
  commune: string;
  sector: Sector;
  priorityEducation: PriorityEducation;
  rural: boolean;
  ips: number | null;
}

export interface Fund extends RaRecord<number> {
  name: string;
  sponsorName: string;
  budgetCents: Cents;
  availableCents: Cents;
  reservedCents: Cents;
  committedCents: Cents;
  validFrom: string;
  validUntil: string;
  isGeneralSolidarity: boolean;
  restrictions: FundRestrictions;
  rules: FundRules;
}

export interface Grant extends RaRecord<number> {
  fundId: number;
  fundName: string;
  projectId: number;
  projectTitle: string;
  schoolName: string;
  kind: GrantKind;
  amountCents: Cents;
  status: 'reserved' | 'committed' | 'released';
  createdAt: string;
  settledAt: string | null;
  explanation: GrantExplanation;
}

export interface User extends RaRecord<number> {
  email: string;
  displayName: string;
  roles: RoleGrant[];
}

/** The signed-in user, as /api/me returns them. */
export type Me = User;

export interface OutboxEmail extends RaRecord<number> {
  template: string;
  kind: EmailKind;
  toAddress: string;
  recipientName: string;
  subject: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  projectId: number | null;
  projectTitle: string | null;
  mergedTemplates: string[];
  mergedInto: number | null;
  createdAt: string;
  sendAfter: string;
  sentAt: string | null;
}
