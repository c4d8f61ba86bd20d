import { DataTable, Pagination, ReferenceManyField, SelectField } from 'react-admin';
import type { FieldProps } from 'react-admin';
import { GRANT_KIND_LABELS, GRANT_STATUS_LABELS } from '../../../domain/funds/types.ts';
import { choicesOf } from '../choices.ts';
import { EurosField } from '../fields/EurosField.tsx';
import { StatusField, type StatusColors } from '../fields/StatusField.tsx';
import type { Grant } from '../types.ts';
import { GrantExplanation } from './GrantExplanation.tsx';
import { DateText } from '../fields/DateText.tsx';

const STATUS_COLORS: StatusColors<Grant['status']> = { reserved: 'info', committed: 'success' };

const GrantStatusField = (props: FieldProps<Grant>) => (
  <StatusField {...props} labels={GRANT_STATUS_LABELS} colors={STATUS_COLORS} />
);

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
        <DateText source="createdAt" />
      </Column>
    </DataTable>
  </ReferenceManyField>
);
