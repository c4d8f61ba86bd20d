import { MailDev } from 'maildev';
import type { Running } from './processes.ts';

/** Starts MailDev: an SMTP catcher whose web UI and REST API show every message received. */
export async function startMailCatcher(options: {
  smtpPort: number;
  webPort: number;
  mailDir?: string;
}): Promise<Running> {
  const maildev = new MailDev({
    smtp: options.smtpPort,
    web: options.webPort,
    ip: '127.0.0.1',
    webIp: '127.0.0.1',
    silent: true,
    ...(options.mailDir ? { mailDirectory: options.mailDir } : {}),
  });
  await maildev.start();
  return { name: 'maildev', stop: () => maildev.stop() };
}
