import { Chip } from '@mui/material';
import type { ChipProps } from '@mui/material';
import { DataTable, DateField, Pagination, ReferenceManyField, SelectField, useFieldValue } from 'react-admin';
import type { FieldProps } from 'react-admin';
import { choicesOf } from '../choices.ts';
import { EurosField } from '../fields/EurosField.tsx';
import type { Grant } from '../types.ts';
import { GrantExplanation } from './GrantExplanation.tsx';

export const GRANT_KIND_LABELS = { seeding: 'Amorçage', topup: 'Abondement' } as const;

const STATUS: Record<Grant['status'], { label: string; color: ChipProps['color'] }> = {
  reserved: { label: 'Réservée', color: 'info' },
  committed: { label: 'Versée', color: 'success' },
  released: { label: 'Libérée', color: 'default' },
};

const GrantStatusField = (props: FieldProps<Grant>) => {
  const status: Grant['status'] | undefined = useFieldValue(props);
  return status ? <Chip size="small" label={STATUS[status].label} color={STATUS[status].color} /> : null;
};

const Column = DataTable.Col<Grant>;

/** The grants of a fund or of a project, newest first; each row unfolds into its explanation. */
export const GrantsTable = ({ of }: { of: 'fundId' | 'projectId' }) => (
  <ReferenceManyField
    reference="grants"
    target={of}
    sort={{ field: 'id', order: 'DESC' }}
    perPage={25}
    pagination={<Pagination />}
  >
    <DataTable rowClick="expand" bulkActionButtons={false} expand={<GrantExplanation />} expandSingle>
      {of === 'fundId' ? <Column source="projectTitle" disableSort /> : <Column source="fundName" disableSort />}
      {of === 'fundId' ? <Column source="schoolName" disableSort /> : null}
      <Column source="kind">
        <SelectField source="kind" choices={choicesOf(GRANT_KIND_LABELS)} />
      </Column>
      <Column source="amountCents" field={EurosField} align="right" />
      <Column source="status" field={GrantStatusField} disableSort />
      <Column source="createdAt">
        <DateField source="createdAt" locales="fr-FR" />
      </Column>
    </DataTable>
  </ReferenceManyField>
);
