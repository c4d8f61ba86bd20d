import { inject } from 'vitest';

/** A message as MailDev's REST API returns it. */
export interface CaughtEmail {
  id: string;
  subject: string;
  text: string;
  html?: string;
  to: { address: string; name: string }[];
  /** some of the headers (message-id, subject…), names in lower case */
  headers?: Record<string, string>;
}

/** Every message the SMTP catcher has received so far, oldest first. */
export async function caughtEmails(): Promise<CaughtEmail[]> {
  const response = await fetch(`${inject('mailUiUrl')}/api/email`);
  if (!response.ok) throw new Error(`MailDev answered ${response.status}`);
  return (await response.json()) as CaughtEmail[];
}

/** The messages the SMTP catcher received for one address, oldest first. */
export async function caughtEmailsTo(address: string): Promise<CaughtEmail[]> {
  const target = address.toLowerCase();
  return (await caughtEmails()).filter((email) => email.to.some((to) => to.address.toLowerCase() === target));
}

/** The message as it arrived over SMTP (headers unfolded), for headers the REST API leaves out. */
export async function caughtSource(email: CaughtEmail): Promise<string> {
  const response = await fetch(`${inject('mailUiUrl')}/api/email/${email.id}/source`);
  if (!response.ok) throw new Error(`MailDev answered ${response.status}`);
  return (await response.text()).replace(/\r?\n[ \t]+/g, ' ');
}
