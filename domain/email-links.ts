/** Whom an unsubscribe link stands for: an address, for one project's progress and news e-mails. */
export interface Unsubscription {
  email: string;
  projectId: number;
}

const encoder = new TextEncoder();

/** Bytes as URL-safe base64 without padding. */
export const toBase64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

/** The bytes of URL-safe base64 text. */
export const fromBase64url = (text: string) =>
  Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (char) => char.charCodeAt(0));

const keyOf = (secret: string) =>
  globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);

const PAYLOAD = /^[\w.-]{1,600}$/;

/**
 * A link token: the payload (letters, digits, `_`, `-` and `.` only) and its HMAC-SHA-256 under the secret for
 * this purpose (a token signed for one purpose is worthless for another). It does not expire.
 */
export async function signLinkToken(secret: string, purpose: string, payload: string): Promise<string> {
  if (!PAYLOAD.test(payload)) throw new Error(`A link payload may not contain ${JSON.stringify(payload)}`);
  const signature = await globalThis.crypto.subtle.sign(
    'HMAC',
    await keyOf(secret),
    encoder.encode(`${purpose}:${payload}`),
  );
  return `${payload}.${toBase64url(new Uint8Array(signature))}`;
}

/** The payload of a token signed with this secret for this purpose, or undefined (forged, other purpose, malformed). */
export async function verifyLinkToken(secret: string, purpose: string, token: string): Promise<string | undefined> {
  const match = /^([\w.-]{1,600})\.([\w-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, payload, signature] = match as unknown as [string, string, string];
  const valid = await globalThis.crypto.subtle.verify(
    'HMAC',
    await keyOf(secret),
    fromBase64url(signature),
    encoder.encode(`${purpose}:${payload}`),
  );
  return valid ? payload : undefined;
}

/** A token that cannot be forged without the secret (HMAC-SHA-256); it does not expire. */
export async function signUnsubscribeToken(secret: string, who: Unsubscription): Promise<string> {
  return signLinkToken(
    secret,
    'unsubscribe',
    `${who.projectId}.${toBase64url(encoder.encode(who.email.toLowerCase()))}`,
  );
}

/** Whom the token stands for, or undefined when it was not signed with this secret or is malformed. */
export async function verifyUnsubscribeToken(secret: string, token: string): Promise<Unsubscription | undefined> {
  const payload = await verifyLinkToken(secret, 'unsubscribe', token);
  const match = payload && /^(\d{1,15})\.([\w-]{1,400})$/.exec(payload);
  if (!match) return undefined;
  return { projectId: Number(match[1]), email: new TextDecoder().decode(fromBase64url(match[2] as string)) };
}

/** The token of a donation's "manage my gift" link (sent to its donor only). */
export const signDonationToken = (secret: string, donationId: number) =>
  signLinkToken(secret, 'donation', String(donationId));

/** The donation a "manage my gift" token stands for, or undefined. */
export async function verifyDonationToken(secret: string, token: string): Promise<number | undefined> {
  const payload = await verifyLinkToken(secret, 'donation', token);
  return payload && /^\d{1,15}$/.test(payload) ? Number(payload) : undefined;
}

/** The token of a tax receipt's download link (sent to its donor only). */
export const signReceiptToken = (secret: string, receiptId: number) =>
  signLinkToken(secret, 'receipt', String(receiptId));

/** The receipt a download token stands for, or undefined. */
export async function verifyReceiptToken(secret: string, token: string): Promise<number | undefined> {
  const payload = await verifyLinkToken(secret, 'receipt', token);
  return payload && /^\d{1,15}$/.test(payload) ? Number(payload) : undefined;
}

/** The token of a donor's yearly statement link: their address and the year. */
export const signStatementToken = (secret: string, who: { email: string; year: number }) =>
  signLinkToken(secret, 'statement', `${who.year}.${toBase64url(encoder.encode(who.email.toLowerCase()))}`);

/** The address and year a statement token stands for, or undefined. */
export async function verifyStatementToken(
  secret: string,
  token: string,
): Promise<{ email: string; year: number } | undefined> {
  const payload = await verifyLinkToken(secret, 'statement', token);
  const match = payload && /^(\d{4})\.([\w-]{1,400})$/.exec(payload);
  if (!match) return undefined;
  return { year: Number(match[1]), email: new TextDecoder().decode(fromBase64url(match[2] as string)) };
}

/** The token of an invitation to choose a password: the account and the instant (ms) the link stops working. */
export const signInviteToken = (secret: string, invite: { userId: number; expiresAt: number }) =>
  signLinkToken(secret, 'invite', `${invite.userId}.${Math.floor(invite.expiresAt / 1000)}`);

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

/**
 * The signed link (valid INVITATION_DAYS from `now`, ms) where an invited account's owner chooses their password,
 * and the event key of the e-mail that carries it.
 */
export async function invitationLinkFor(
  publicUrl: string,
  secret: string,
  invite: { userId: number; now: number },
): Promise<{ actionUrl: string; eventKey: string }> {
  const expiresAt = invite.now + INVITATION_DAYS * 86_400_000;
  const token = await signInviteToken(secret, { userId: invite.userId, expiresAt });
  return {
    actionUrl: `${publicUrl.replace(/\/+$/, '')}/compte/activer?token=${token}`,
    eventKey: `invite-${Math.floor(expiresAt / 1000)}`,
  };
}

/** The account an invitation token stands for and when it expires (ms), or undefined. */
export async function verifyInviteToken(
  secret: string,
  token: string,
): Promise<{ userId: number; expiresAt: number } | undefined> {
  const payload = await verifyLinkToken(secret, 'invite', token);
  const match = payload && /^(\d{1,15})\.(\d{1,12})$/.exec(payload);
  return match ? { userId: Number(match[1]), expiresAt: Number(match[2]) * 1000 } : undefined;
}

/**
 * The token of a password reset link: the account and the instant (ms) the link stops working, signed together with
 * the account's password hash of the moment (null: none yet), so the link dies once a password is chosen.
 */
export const signResetToken = (
  secret: string,
  reset: { userId: number; expiresAt: number; passwordHash: string | null },
) =>
  signLinkToken(secret, `reset:${reset.passwordHash ?? ''}`, `${reset.userId}.${Math.floor(reset.expiresAt / 1000)}`);

/** The account a reset token names, not yet verified (its password hash is needed to verify it). */
export function resetTokenAccount(token: string): number | undefined {
  const match = /^(\d{1,15})\.\d{1,12}\./.exec(token);
  return match ? Number(match[1]) : undefined;
}

/** The account and expiry (ms) of a reset token signed while its password hash was this one, or undefined. */
export async function verifyResetToken(
  secret: string,
  token: string,
  passwordHash: string | null,
): Promise<{ userId: number; expiresAt: number } | undefined> {
  const payload = await verifyLinkToken(secret, `reset:${passwordHash ?? ''}`, token);
  const match = payload && /^(\d{1,15})\.(\d{1,12})$/.exec(payload);
  return match ? { userId: Number(match[1]), expiresAt: Number(match[2]) * 1000 } : undefined;
}

/** The token of a donor's sign-in link: the link's row and the instant (ms) it stops working. */
export const signDonorLinkToken = (secret: string, link: { linkId: number; expiresAt: number }) =>
  signLinkToken(secret, 'donor-sign-in', `${link.linkId}.${Math.floor(link.expiresAt / 1000)}`);

/** The link row and expiry (ms) a donor sign-in token stands for, or undefined (forged, other purpose, malformed). */
export async function verifyDonorLinkToken(
  secret: string,
  token: string,
): Promise<{ linkId: number; expiresAt: number } | undefined> {
  const payload = await verifyLinkToken(secret, 'donor-sign-in', token);
  const match = payload && /^(\d{1,15})\.(\d{1,12})$/.exec(payload);
  return match ? { linkId: Number(match[1]), expiresAt: Number(match[2]) * 1000 } : undefined;
}
