import nodemailer from 'nodemailer';
import Stripe from 'stripe';
import { describe, expect, it, inject } from 'vitest';
import { caughtEmails } from '../test/mailbox.ts';

describe('the local stack’s stand-ins for external services', () => {
  it('the SMTP catcher keeps each message readable through its API', async () => {
    const transport = nodemailer.createTransport({ url: inject('smtpUrl') } as never);
    const subject = `Votre projet a été soumis ${Date.now()}`;
    await transport.sendMail({
      from: 'Trousse à Projets <ne-pas-repondre@trousse-a-projets.fr>',
      to: 'claire.martin@ac-lille.fr',
      subject,
      text: 'Bonjour Claire, votre projet « Classe de mer » a bien été soumis.',
    });
    const received = (await caughtEmails()).find((email) => email.subject === subject);
    expect(received?.text).toContain('« Classe de mer » a bien été soumis');
    expect(received?.to).toEqual([expect.objectContaining({ address: 'claire.martin@ac-lille.fr' })]);
  });

  it('stripe-mock accepts the Checkout Session requests our Stripe client sends', async () => {
    const url = new URL(inject('stripeApiUrl'));
    const stripe = new Stripe('sk_test_local', { host: url.hostname, port: Number(url.port), protocol: 'http' });
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      success_url: 'http://localhost:3000/merci',
      line_items: [{ price_data: { currency: 'eur', unit_amount: 2500, product_data: { name: 'Don' } }, quantity: 1 }],
    });
    expect(session.id).toMatch(/^cs_/);
    expect(session.object).toBe('checkout.session');
  });
});
