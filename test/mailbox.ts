import { inject } from 'vitest';

/** A message as MailDev's REST API returns it. */
export interface CaughtEmail {
  subject: string;
  text: string;
  html?: string;
  to: { address: string; name: string }[];
}

/** Every message the SMTP catcher has received so far, oldest first. */
export async function caughtEmails(): Promise<CaughtEmail[]> {
  const response = await fetch(`${inject('mailUiUrl')}/api/email`);
  if (!response.ok) throw new Error(`MailDev answered ${response.status}`);
  return (await response.json()) as CaughtEmail[];
}
