import type { Audience } from '../domain/emails.ts';

/** E-mails to every recipient of a project's audience, with an optional paragraph written by a person. */
export interface ProjectNotice {
  projectId: number;
  template: string;
  audience: Audience;
  eventKey: string;
  message?: string;
}

/** An e-mail to one donation's donor, whose button opens `actionUrl` (their gift's page, their receipt…). */
export interface DonorNotice {
  donationId: number;
  template: string;
  eventKey: string;
  actionUrl?: string;
  actionLabel?: string;
  /** about the donor's space rather than the gift's project (a sign-in link): no project line */
  account?: boolean;
  /** a paragraph of its own (the receipt's number, sum and date…) */
  message?: string;
}

/** An e-mail to one account's owner about their account (an invitation…), whose button opens `actionUrl`. */
export interface AccountNotice {
  userId: number;
  template: string;
  eventKey: string;
  actionUrl: string;
}

/** What the API asks to be told, on behalf of an action or an event it has committed. */
export type NotifyInput = ProjectNotice | DonorNotice | AccountNotice;

/** The workflow id of a notice: one per template and event, so asking twice sends nothing twice. */
export const notifyWorkflowId = (input: NotifyInput) => {
  if ('donationId' in input) return `notify-${input.template}-donation-${input.donationId}-${input.eventKey}`;
  if ('userId' in input) return `notify-${input.template}-user-${input.userId}-${input.eventKey}`;
  return `notify-${input.template}-project-${input.projectId}-${input.eventKey}`;
};
