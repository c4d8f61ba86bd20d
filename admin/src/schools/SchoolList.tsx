import { BooleanField, DataTable, List, SearchInput, SelectInput } from 'react-admin';
import { SCHOOL_KIND_LABELS } from '../../../domain/schools.ts';
import { ACADEMY_NAMES, academyName } from '../../../domain/format.ts';
import { choicesOf } from '../choices.ts';
import type { School } from '../types.ts';
import { PRIORITY_EDUCATION_LABELS } from './labels.ts';

const Column = DataTable.Col<School>;

const schoolFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="academyCode" source="academyCode" choices={choicesOf(ACADEMY_NAMES)} alwaysOn />,
  <SelectInput
    key="priorityEducation"
    source="priorityEducation"
    choices={choicesOf(PRIORITY_EDUCATION_LABELS)}
    alwaysOn
  />,
];

/** Schools by UAI with their kind, location and priority markers; filtered by académie, priority status or text. */
export const SchoolList = () => (
  <List filters={schoolFilters} perPage={25} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="uai" />
      <Column source="name" />
      <Column source="kind" disableSort render={(school) => SCHOOL_KIND_LABELS[school.kind]} />
      <Column source="academyCode" render={(record) => academyName(record.academyCode)} />
      <Column source="departement" />
      <Column source="commune" />
      <Column
        source="priorityEducation"
        disableSort
        render={(school) => PRIORITY_EDUCATION_LABELS[school.priorityEducation]}
      />
      <Column source="rural" field={BooleanField} disableSort />
      <DataTable.NumberCol source="ips" locales="fr-FR" />
    </DataTable>
  </List>
);
