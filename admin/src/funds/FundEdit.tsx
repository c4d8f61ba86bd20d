import { Edit, NumberInput, SimpleForm, useRecordContext } from 'react-admin';
import { eurosInput } from '../fields/euros-input.ts';
import { SaveOnlyToolbar } from '../fields/SaveOnlyToolbar.tsx';
import type { Fund } from '../types.ts';
import { FundTermsInputs } from './FundTermsInputs.tsx';

const EditTitle = () => <>Modifier « {useRecordContext<Fund>()?.name ?? ''} »</>;

/**
 * An admin changes a fund's terms; its budget is shown, not changed (the ledger holds it). The API's refusals show
 * under the fields they concern, and the page waits for its answer before showing the fund again.
 */
export const FundEdit = () => (
  <Edit title={<EditTitle />} redirect="show" mutationMode="pessimistic">
    <SimpleForm toolbar={<SaveOnlyToolbar />}>
      <FundTermsInputs>
        <NumberInput
          source="budgetCents"
          label="Budget (€)"
          readOnly
          helperText="Inscrit au grand livre à l’ouverture du fonds : il ne se modifie pas ici."
          {...eurosInput}
        />
      </FundTermsInputs>
    </SimpleForm>
  </Edit>
);
