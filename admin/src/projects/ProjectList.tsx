import {
  CreateButton,
  DataTable,
  List,
  SearchInput,
  SelectInput,
  TextInput,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import { PROJECT_STATUS_LABELS } from '../../../domain/project-status.ts';
import { THEME_LABELS } from '../../../domain/projects.ts';
import type { Role } from '../../../domain/roles.ts';
import { ACADEMY_NAMES, academyName, formatEuros } from '../../../domain/format.ts';
import { choicesOf } from '../choices.ts';
import { canWriteProjects } from '../permissions.ts';
import { EurosField } from '../fields/EurosField.tsx';
import type { Project } from '../types.ts';
import { ProjectStatusField } from './ProjectStatusField.tsx';
import { CompactOnPhone } from '../fields/CompactOnPhone.tsx';

const Column = DataTable.Col<Project>;

export const PRIORITY_LABELS = { rep_plus: 'REP+', rep: 'REP', rural: 'Rural ou isolé' };

const projectFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={choicesOf(PROJECT_STATUS_LABELS)} alwaysOn />,
  <SelectInput key="priority" source="priority" choices={choicesOf(PRIORITY_LABELS)} alwaysOn />,
  <SelectInput key="theme" source="theme" choices={choicesOf(THEME_LABELS)} />,
  <SelectInput key="academyCode" source="academyCode" choices={choicesOf(ACADEMY_NAMES)} />,
  <TextInput key="departement" source="departement" />,
  <SelectInput
    key="deadlineWithinDays"
    source="deadlineWithinDays"
    choices={[3, 7, 14, 30].map((days) => ({ id: days, name: `Fin de collecte sous ${days} jours` }))}
  />,
];

/** Porteurs start new projects from the list. */
const ListActions = () => {
  const { permissions } = usePermissions<Role[]>();
  return <TopToolbar>{canWriteProjects(permissions) ? <CreateButton label="Nouveau projet" /> : null}</TopToolbar>;
};

/** Projects, most recently moved first, with status, school, priority and goals; filtered as the team works. */
export const ProjectList = () => (
  <List
    filters={projectFilters}
    perPage={25}
    sort={{ field: 'statusChangedAt', order: 'DESC' }}
    exporter={false}
    actions={<ListActions />}
    empty={false}
  >
    <CompactOnPhone<Project>
      primary={(project) => project.title}
      secondary={(project) => `${PROJECT_STATUS_LABELS[project.status]} — ${project.schoolName}`}
      tertiary={(project) => formatEuros(project.collectedCents)}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="status" field={ProjectStatusField} />
        <Column source="title" />
        <Column source="schoolName" disableSort />
        <Column
          source="priorityEducation"
          disableSort
          render={(project) =>
            [
              project.priorityEducation === 'rep_plus' ? 'REP+' : project.priorityEducation === 'rep' ? 'REP' : '',
              project.rural ? 'rural' : '',
            ]
              .filter(Boolean)
              .join(', ')
          }
        />
        <Column source="academyCode" disableSort render={(record) => academyName(record.academyCode)} />
        <Column source="minimumGoalCents" field={EurosField} align="right" />
        <Column source="collectedCents" field={EurosField} align="right" disableSort />
      </DataTable>
    </CompactOnPhone>
  </List>
);
