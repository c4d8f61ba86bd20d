import PDFDocument from 'pdfkit';
import { formatEuros } from '../../domain/money.ts';
import { receiptNumber, receiptSections, type ReceiptFacts } from '../../domain/tax-receipts.ts';

// the PDF standard fonts speak WinAnsi: French accents, € and ’ are in it, the thin spaces of French numbers are not
const printable = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

/** Renders a PDF document written by `write`, as a buffer. */
function render(info: { Title: string; Author: string }, write: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, info, lang: 'fr-FR' });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  write(doc);
  doc.end();
  return done;
}

function section(doc: PDFKit.PDFDocument, heading: string, lines: string[]) {
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11).text(printable(heading));
  doc.font('Helvetica').fontSize(10);
  for (const line of lines) doc.text(printable(line));
}

/** A tax receipt as PDF, in the structure's name, with the legal mentions of the French form. */
export function taxReceiptPdf(facts: ReceiptFacts): Promise<Buffer> {
  const text = receiptSections(facts);
  return render(
    { Title: `Reçu fiscal ${receiptNumber(facts.year, facts.number)}`, Author: facts.structure.legalName },
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(14).text(printable(text.title), { align: 'center' });
      doc.font('Helvetica').fontSize(9).text(printable(text.legalBasis), { align: 'center' });
      doc.moveDown().fontSize(10).text(printable(text.number), { align: 'right' });
      section(doc, 'Bénéficiaire des versements', text.beneficiary);
      section(doc, 'Donateur', text.donor);
      section(doc, 'Don', text.sum);
      section(doc, 'Certification', [text.certification]);
      section(doc, 'Modalités', text.form);
      section(doc, 'Signature', text.signature);
    },
  );
}

/** A donor's yearly statement: every receipt issued to them for gifts paid in the year, and the total. */
export function yearlyStatementPdf(year: number, donorName: string, receipts: ReceiptFacts[]): Promise<Buffer> {
  const total = receipts.reduce((sum, receipt) => sum + receipt.amountCents, 0);
  return render({ Title: `Récapitulatif ${year} de vos dons`, Author: 'Trousse à Projets' }, (doc) => {
    doc
      .font('Helvetica-Bold')
      .fontSize(14)
      .text(printable(`Récapitulatif de vos dons de ${year}`), { align: 'center' });
    doc
      .font('Helvetica')
      .fontSize(10)
      .moveDown()
      .text(printable(`Donateur : ${donorName}`));
    section(
      doc,
      'Reçus fiscaux émis',
      receipts.map(
        (receipt) =>
          `N° ${receiptNumber(receipt.year, receipt.number)} — ${receipt.structure.legalName} — ${formatEuros(receipt.amountCents)} (don du ${receipt.paidOn})`,
      ),
    );
    section(doc, 'Total', [
      `${formatEuros(total)} versés en ${year} ouvrant droit à réduction d’impôt.`,
      'Ce récapitulatif n’est pas un reçu fiscal : joignez à votre déclaration les reçus de chaque structure.',
    ]);
  });
}
