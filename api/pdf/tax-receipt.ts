import { renderPdf as render } from './document.ts';
import { receiptNumber, receiptSections, statementSections, type ReceiptFacts } from '../../domain/tax-receipts.ts';

function section(doc: PDFKit.PDFDocument, heading: string, lines: string[]) {
  doc.moveDown(0.8).font('bold').fontSize(11).text(heading);
  doc.font('regular').fontSize(10);
  for (const line of lines) doc.text(line);
}

/** A tax receipt as PDF, in the structure's name, with the legal mentions of the French form. */
export function taxReceiptPdf(facts: ReceiptFacts): Promise<Buffer> {
  const text = receiptSections(facts);
  return render(
    { Title: `Reçu fiscal ${receiptNumber(facts.year, facts.number)}`, Author: facts.structure.legalName },
    (doc) => {
      doc.font('bold').fontSize(14).text(text.title, { align: 'center' });
      doc.font('regular').fontSize(9).text(text.legalBasis, { align: 'center' });
      doc.moveDown().fontSize(10).text(text.number, { align: 'right' });
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
  const text = statementSections(year, donorName, receipts);
  return render({ Title: text.title, Author: 'Trousse à Projets' }, (doc) => {
    doc.font('bold').fontSize(14).text(text.title, { align: 'center' });
    doc.font('regular').fontSize(10).moveDown().text(text.donor);
    section(doc, 'Reçus fiscaux émis', text.receipts);
    section(doc, 'Total', text.total);
  });
}
