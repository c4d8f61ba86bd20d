import { randomBytes } from 'node:crypto';
import type { MailDeps } from '../activities/email-delivery.ts';
import { createEmailDeliveryActivities } from '../activities/email-delivery.ts';
import { createNotificationActivities } from '../activities/notifications.ts';
import type { Db } from '../db/client.ts';
import { insertProject, insertSchool, insertUser } from './fixtures.ts';
import { recordPaidDonation } from './money.ts';

/** The e-mail activities on a clock the test sets, delivering to the given transport, without a delivery kick. */
export function emailActivitiesAt(db: Db, mail: MailDeps, start = new Date('2026-03-02T09:00:00Z')) {
  const clock = { now: start };
  const deps = { db, mail: { ...mail, kickDelivery: undefined, now: () => clock.now } };
  const activities = { ...createNotificationActivities(deps), ...createEmailDeliveryActivities(deps) };
  return {
    ...activities,
    clock,
    /** Moves the clock on by a number of days (fractions allowed). */
    advanceDays(days: number) {
      clock.now = new Date(clock.now.getTime() + days * 86_400_000);
    },
    /** Delivers every e-mail due now, batch after batch as the delivery workflow does, and returns the outcomes. */
    async deliverDue() {
      const outcomes: string[] = [];
      for (;;) {
        const { emailIds } = await activities.listDueEmails({ limit: 500 });
        const batch = await Promise.all(emailIds.map((emailId) => activities.deliverEmail({ emailId })));
        if (batch.every(({ outcome }) => outcome === 'not_deliverable')) return outcomes;
        outcomes.push(...batch.map(({ outcome }) => outcome));
      }
    },
  };
}

/** A collecting project with its porteur and donors, each with an address no other test uses. */
export async function projectWithDonors(db: Db, donorNames: string[]) {
  const schoolUai = await insertSchool(db);
  const porteur = await insertUser(db, 'porteur', { schoolUai });
  const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 30 });
  const donors = [];
  for (const name of donorNames) {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}-${randomBytes(4).toString('hex')}@example.org`;
    await recordPaidDonation(db, { projectId, amountCents: 2_000, donorEmail: email, donorName: name });
    donors.push({ name, email });
  }
  return { projectId, porteur, donors };
}

/** The links of a plain-text e-mail, in order. */
export function linksIn(text: string): string[] {
  return text.match(/https?:\/\/\S+/g) ?? [];
}

/** The path and query of a link, to request it from the test app. */
export const pathOf = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
};
