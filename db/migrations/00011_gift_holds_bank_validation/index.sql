-- A gift being paid holds its share of the optimum until its Checkout Session expires: starting a gift counts
-- paid gifts, grants and the gifts still being paid.
alter table donations add column checkout_expires_at timestamptz;
update donations set checkout_expires_at = created_at + interval '1 hour' where status in ('pending', 'payment_failed');
create index donations_held_idx on donations (project_id, checkout_expires_at)
  where status in ('pending', 'payment_failed');

-- A payment that lands after its project's money was paid out or given back is counted and flagged for admins.
alter table payment_anomalies drop constraint payment_anomalies_kind_check;
alter table payment_anomalies add constraint payment_anomalies_kind_check check (kind in ('amount_mismatch',
  'unknown_payment', 'refund_before_payment', 'partial_refund', 'dispute', 'dispute_after_refund',
  'refund_after_payout', 'paid_after_expiry', 'currency_mismatch', 'fund_overdrawn', 'reconciliation_difference',
  'paid_after_close'));

-- A validation of bank details names what was reviewed (IBAN, BIC and the legal name that goes on transfers
-- and receipts); it holds only while the structure's details are exactly those: any change of one of them, by
-- whatever path, withdraws it, and a validation that does not match the details cannot be stored.
alter table receiving_structures
  add column bank_details_validated_iban text,
  add column bank_details_validated_bic text,
  add column bank_details_validated_legal_name text;
update receiving_structures
set bank_details_validated_iban = iban, bank_details_validated_bic = bic, bank_details_validated_legal_name = legal_name
where bank_details_validated_at is not null;
alter table receiving_structures add constraint receiving_structures_validation_check check (
  bank_details_validated_at is null
  or (bank_details_validated_iban is not null and bank_details_validated_iban = iban
      and bank_details_validated_bic is not null and bank_details_validated_bic = bic
      and bank_details_validated_legal_name is not null and bank_details_validated_legal_name = legal_name));
create function receiving_structures_lapse_validation() returns trigger language plpgsql as $$
begin
  if new.bank_details_validated_at is not null
     and (new.iban is distinct from new.bank_details_validated_iban
          or new.bic is distinct from new.bank_details_validated_bic
          or new.legal_name is distinct from new.bank_details_validated_legal_name) then
    new.bank_details_validated_at := null;
    new.bank_details_validated_iban := null;
    new.bank_details_validated_bic := null;
    new.bank_details_validated_legal_name := null;
  end if;
  return new;
end $$;
create trigger receiving_structures_lapse_validation before update on receiving_structures
  for each row execute function receiving_structures_lapse_validation();
