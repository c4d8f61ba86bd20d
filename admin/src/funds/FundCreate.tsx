import { Create, NumberInput, SimpleForm, required } from 'react-admin';
import { eurosInput } from '../fields/euros-input.ts';
import { FundTermsInputs } from './FundTermsInputs.tsx';

/** An admin opens a fund: its sponsor's budget is written to the ledger; its rules start from the defaults. */
export const FundCreate = () => (
  <Create redirect="show" title="Nouveau fonds">
    <SimpleForm>
      <FundTermsInputs>
        <NumberInput source="budgetCents" label="Budget (€)" validate={required()} {...eurosInput} />
      </FundTermsInputs>
    </SimpleForm>
  </Create>
);
