/** Whom an unsubscribe link stands for: an address, for one project's progress and news e-mails. */
export interface Unsubscription {
  email: string;
  projectId: number;
}

const encoder = new TextEncoder();

const toBase64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

const fromBase64url = (text: string) =>
  Uint8Array.from(atob(text.replaceAll('-', '+').replaceAll('_', '/')), (char) => char.charCodeAt(0));

const keyOf = (secret: string) =>
  globalThis.crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);

const signed = (payload: string) => encoder.encode(`unsubscribe:${payload}`);

/** A token that cannot be forged without the secret (HMAC-SHA-256); it does not expire. */
export async function signUnsubscribeToken(secret: string, who: Unsubscription): Promise<string> {
  const payload = `${who.projectId}.${toBase64url(encoder.encode(who.email.toLowerCase()))}`;
  const signature = await globalThis.crypto.subtle.sign('HMAC', await keyOf(secret), signed(payload));
  return `${payload}.${toBase64url(new Uint8Array(signature))}`;
}

/** Whom the token stands for, or undefined when it was not signed with this secret or is malformed. */
export async function verifyUnsubscribeToken(secret: string, token: string): Promise<Unsubscription | undefined> {
  const match = /^(\d{1,15})\.([\w-]{1,400})\.([\w-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, projectId, email, signature] = match as unknown as [string, string, string, string];
  const valid = await globalThis.crypto.subtle.verify(
    'HMAC',
    await keyOf(secret),
    fromBase64url(signature),
    signed(`${projectId}.${email}`),
  );
  if (!valid) return undefined;
  return { email: new TextDecoder().decode(fromBase64url(email)), projectId: Number(projectId) };
}
