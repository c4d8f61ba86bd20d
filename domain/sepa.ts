import { create } from 'xmlbuilder2';

/** One transfer of a SEPA credit transfer file: to a receiving structure, for one project. */
export interface SepaTransfer {
  /** unique per transfer, kept by the banks end to end (e.g. TAP-PAYOUT-42) */
  endToEndId: string;
  amountCents: number;
  creditorName: string;
  iban: string;
  bic: string;
  /** what the creditor reads on their statement */
  remittance: string;
}

/** A batch of transfers from the platform's account. */
export interface SepaBatch {
  messageId: string;
  createdAt: Date;
  executionDate: string;
  debtor: { name: string; iban: string; bic: string };
  transfers: SepaTransfer[];
}

const NAMESPACE = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';

/**
 * Text in the SEPA character set (EPC: Latin letters, digits, space and / - ? : ( ) . , ' +): accents dropped,
 * anything else replaced by a space, cut to `max` characters.
 */
export function sepaText(text: string, max: number): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/[^A-Za-z0-9/\-?:().,'+ ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

/** Integer cents as a SEPA amount: 123456 → "1234.56" (no floating point on the way). */
export function sepaAmount(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents <= 0) throw new RangeError(`Montant de virement invalide : ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** An instant as ISO 20022 ISODateTime, in UTC without fractions: 2026-11-24T09:30:00. */
const isoDateTime = (date: Date) => date.toISOString().slice(0, 19);

/**
 * The batch as an ISO 20022 SEPA credit transfer initiation (pain.001.001.03, the version French banks take):
 * one payment information block from the platform's account, one transaction per transfer.
 */
export function pain001(batch: SepaBatch): string {
  if (batch.transfers.length === 0) throw new RangeError('Un fichier de virements contient au moins un virement.');
  const total = sepaAmount(batch.transfers.reduce((sum, transfer) => sum + transfer.amountCents, 0));
  const count = String(batch.transfers.length);
  const document = create({ version: '1.0', encoding: 'UTF-8' }).ele(NAMESPACE, 'Document');
  const initiation = document.ele('CstmrCdtTrfInitn');
  initiation
    .ele('GrpHdr')
    .ele('MsgId')
    .txt(sepaText(batch.messageId, 35))
    .up()
    .ele('CreDtTm')
    .txt(isoDateTime(batch.createdAt))
    .up()
    .ele('NbOfTxs')
    .txt(count)
    .up()
    .ele('CtrlSum')
    .txt(total)
    .up()
    .ele('InitgPty')
    .ele('Nm')
    .txt(sepaText(batch.debtor.name, 70));
  const payment = initiation
    .ele('PmtInf')
    .ele('PmtInfId')
    .txt(sepaText(batch.messageId, 35))
    .up()
    .ele('PmtMtd')
    .txt('TRF')
    .up()
    .ele('BtchBookg')
    .txt('false')
    .up()
    .ele('NbOfTxs')
    .txt(count)
    .up()
    .ele('CtrlSum')
    .txt(total)
    .up()
    .ele('PmtTpInf')
    .ele('SvcLvl')
    .ele('Cd')
    .txt('SEPA')
    .up()
    .up()
    .up()
    .ele('ReqdExctnDt')
    .txt(batch.executionDate)
    .up()
    .ele('Dbtr')
    .ele('Nm')
    .txt(sepaText(batch.debtor.name, 70))
    .up()
    .up()
    .ele('DbtrAcct')
    .ele('Id')
    .ele('IBAN')
    .txt(batch.debtor.iban)
    .up()
    .up()
    .up()
    .ele('DbtrAgt')
    .ele('FinInstnId')
    .ele('BIC')
    .txt(batch.debtor.bic)
    .up()
    .up()
    .up()
    .ele('ChrgBr')
    .txt('SLEV')
    .up();
  for (const transfer of batch.transfers) {
    payment
      .ele('CdtTrfTxInf')
      .ele('PmtId')
      .ele('EndToEndId')
      .txt(sepaText(transfer.endToEndId, 35))
      .up()
      .up()
      .ele('Amt')
      .ele('InstdAmt', { Ccy: 'EUR' })
      .txt(sepaAmount(transfer.amountCents))
      .up()
      .up()
      .ele('CdtrAgt')
      .ele('FinInstnId')
      .ele('BIC')
      .txt(transfer.bic)
      .up()
      .up()
      .up()
      .ele('Cdtr')
      .ele('Nm')
      .txt(sepaText(transfer.creditorName, 70))
      .up()
      .up()
      .ele('CdtrAcct')
      .ele('Id')
      .ele('IBAN')
      .txt(transfer.iban)
      .up()
      .up()
      .up()
      .ele('RmtInf')
      .ele('Ustrd')
      .txt(sepaText(transfer.remittance, 140));
  }
  return document.end({ prettyPrint: true });
}
