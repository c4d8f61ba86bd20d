import QRCode from 'qrcode';
import { formatEuros } from '../../domain/money.ts';
import { renderPdf } from './document.ts';

/** What a project's flyer shows. */
export interface FlyerFacts {
  title: string;
  schoolName: string;
  commune: string;
  minimumGoalCents: number;
  summary: string;
  /** absolute address of the project's public page */
  url: string;
}

const QR_SIZE = 200;

/** A printable A4 flyer of the project: title, school, goal, summary, its public address and that address's QR code. */
export async function flyerPdf(facts: FlyerFacts): Promise<Buffer> {
  const qr = await QRCode.toBuffer(facts.url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 600 });
  return renderPdf({ Title: `Affiche — ${facts.title}`, Author: 'Trousse à Projets' }, (doc) => {
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    doc.font('bold').fontSize(12).fillColor('#1d4ed8').text('Trousse à Projets', { align: 'center' });
    doc.moveDown(1.5).fillColor('#111827').fontSize(26).text(facts.title, { align: 'center' });
    doc.moveDown(0.5).font('regular').fontSize(14).text(`${facts.schoolName}, ${facts.commune}`, { align: 'center' });
    doc
      .moveDown(1)
      .font('bold')
      .fontSize(16)
      .text(`Objectif : ${formatEuros(facts.minimumGoalCents)}`, {
        align: 'center',
      });
    if (facts.summary) doc.moveDown(1).font('regular').fontSize(13).text(facts.summary, { align: 'center' });
    doc.moveDown(1.5);
    doc.image(qr, doc.page.margins.left + (width - QR_SIZE) / 2, doc.y, { width: QR_SIZE, height: QR_SIZE });
    doc.y += QR_SIZE + 16;
    doc.font('bold').fontSize(14).text('Soutenez ce projet : flashez le code ou rendez-vous sur', { align: 'center' });
    doc.font('regular').fontSize(13).fillColor('#1d4ed8').text(facts.url, { align: 'center', link: facts.url });
    doc.moveDown(2).fillColor('#374151').fontSize(10);
    doc.text(
      'Chaque don ouvre droit à une réduction d’impôt (66 % pour un particulier, 60 % pour une entreprise). ' +
        'L’argent est versé à la structure de l’établissement si l’objectif minimum est atteint ; sinon, les donateurs choisissent remboursement ou réorientation.',
      { align: 'center' },
    );
  });
}
