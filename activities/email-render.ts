import mjml2html from 'mjml';
import type { EmailText } from './notification-texts.ts';
import { escapeHtml } from '../domain/html.ts';

/** A rendered e-mail: subject, plain text and responsive HTML. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

/** What one e-mail about a project says, whoever receives it. */
export interface EmailDraft {
  words: EmailText;
  projectTitle: string;
  projectUrl: string;
  /** milestone lines of earlier progress e-mails that go out with this one, oldest first */
  earlier: string[];
  /** progress and news e-mails carry an unsubscribe link */
  unsubscribable: boolean;
  /** a paragraph written by a person (e.g. the porteur's news), shown after the template's words */
  message?: string;
  /** an e-mail about the recipient's account rather than a project: no project line, a plain footer */
  account?: boolean;
  /** further links shown under the button (e.g. the donor space) */
  links?: { label: string; url: string }[];
}

/** What differs from one recipient to the next. */
export interface EmailRecipient {
  name: string;
  unsubscribeUrl?: string;
  /** where this recipient's button leads, when it is their own page (e.g. their gift) rather than the project's */
  actionUrl?: string;
  /** what stands for `{amount}` in the words: this recipient's gift, in French money format */
  amount?: string;
}

const NAME = '%%RECIPIENT_NAME%%';
const UNSUBSCRIBE = '%%UNSUBSCRIBE_URL%%';
const ACTION = '%%ACTION_URL%%';
const AMOUNT = '%%AMOUNT%%';
const BLUE = '#1d4ed8';
const SIGNATURE = 'L’équipe Trousse à Projets';

const withTitle = (text: string, title: string) => text.replaceAll('{title}', title).replaceAll('{amount}', AMOUNT);

function footerOf(draft: EmailDraft): string {
  if (draft.account) return 'Message envoyé par Trousse à Projets au sujet de votre compte.';
  return draft.unsubscribable
    ? `Vous recevez ce message parce que vous soutenez le projet « ${draft.projectTitle} ».`
    : `Message envoyé par Trousse à Projets au sujet du projet « ${draft.projectTitle} ».`;
}

function mjmlOf(draft: EmailDraft, subject: string, paragraphs: string[]): string {
  const title = escapeHtml(draft.projectTitle);
  const earlier = draft.earlier.length
    ? `<mj-text>Depuis notre dernier message :<ul>${draft.earlier.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul></mj-text>`
    : '';
  const unsubscribe = draft.unsubscribable
    ? `<br /><a href="${UNSUBSCRIBE}" style="color:#6b7280">Ne plus recevoir les nouvelles de ce projet</a>`
    : '';
  return `<mjml lang="fr">
  <mj-head>
    <mj-title>${escapeHtml(subject)}</mj-title>
    <mj-preview>${escapeHtml(paragraphs[0] ?? subject)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Helvetica, Arial, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="#1f2937" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f3f4f6">
    <mj-section padding="16px 0 8px">
      <mj-column><mj-text font-size="20px" font-weight="bold" color="${BLUE}">Trousse à Projets</mj-text></mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="16px 8px" border-radius="8px">
      <mj-column>
        ${draft.account ? '' : `<mj-text font-size="13px" color="#6b7280">Projet « ${title} »</mj-text>`}
        <mj-text>Bonjour ${NAME},</mj-text>
        ${paragraphs.map((paragraph) => `<mj-text>${escapeHtml(paragraph)}</mj-text>`).join('\n        ')}
        ${earlier}
        <mj-button href="${ACTION}" background-color="${BLUE}" font-size="16px">${escapeHtml(draft.words.action)}</mj-button>
        ${(draft.links ?? []).map((link) => `<mj-text><a href="${escapeHtml(link.url)}" style="color:${BLUE}">${escapeHtml(link.label)}</a></mj-text>`).join('\n        ')}
        <mj-text>${SIGNATURE}</mj-text>
      </mj-column>
    </mj-section>
    <mj-section padding="8px 0 24px">
      <mj-column>
        <mj-text font-size="12px" color="#6b7280" align="center">${escapeHtml(footerOf(draft))}${unsubscribe}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
}

function textOf(draft: EmailDraft, paragraphs: string[]): string {
  const earlier = draft.earlier.length
    ? [`Depuis notre dernier message :\n${draft.earlier.map((line) => `- ${line}`).join('\n')}`]
    : [];
  const footer = [
    footerOf(draft),
    ...(draft.unsubscribable ? [`Ne plus recevoir ses nouvelles : ${UNSUBSCRIBE}`] : []),
  ];
  return [
    `Bonjour ${NAME},`,
    ...paragraphs,
    ...earlier,
    `${draft.words.action} : ${ACTION}`,
    ...(draft.links ?? []).map((link) => `${link.label} : ${link.url}`),
    SIGNATURE,
    `--\n${footer.join('\n')}`,
  ].join('\n\n');
}

/**
 * Renders an e-mail once (MJML compiled to responsive HTML, plus its plain text) and returns the function
 * that fills in each recipient: their name and, for progress and news e-mails, their unsubscribe link.
 */
export async function prepareEmail(draft: EmailDraft): Promise<(recipient: EmailRecipient) => EmailContent> {
  const subject = withTitle(draft.words.subject, draft.projectTitle);
  const paragraphs = [
    ...draft.words.paragraphs.map((paragraph) => withTitle(paragraph, draft.projectTitle)),
    ...(draft.message ? [draft.message] : []),
  ];
  const compiled = await mjml2html(mjmlOf(draft, subject, paragraphs), { validationLevel: 'strict' });
  const text = textOf(draft, paragraphs);
  return (recipient) => {
    const unsubscribeUrl = recipient.unsubscribeUrl ?? '';
    const actionUrl = recipient.actionUrl ?? draft.projectUrl;
    return {
      subject,
      text: text
        .replaceAll(UNSUBSCRIBE, () => unsubscribeUrl)
        .replaceAll(ACTION, () => actionUrl)
        .replaceAll(AMOUNT, () => recipient.amount ?? '')
        .replaceAll(NAME, () => recipient.name),
      html: compiled.html
        .replaceAll(UNSUBSCRIBE, () => escapeHtml(unsubscribeUrl))
        .replaceAll(ACTION, () => escapeHtml(actionUrl))
        .replaceAll(AMOUNT, () => escapeHtml(recipient.amount ?? ''))
        .replaceAll(NAME, () => escapeHtml(recipient.name)),
    };
  };
}
