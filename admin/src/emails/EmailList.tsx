import { Typography } from '@mui/material';
import { DataTable, List, SearchInput, SelectInput, TextInput, useRecordContext } from 'react-admin';
import { EMAIL_STATUS_LABELS, EMAIL_TEMPLATE_LABELS } from '../../../domain/emails.ts';
import { choicesOf } from '../choices.ts';
import type { OutboxEmail } from '../types.ts';
import { EmailStatusField } from './EmailStatusField.tsx';
import { DateText } from '../fields/DateText.tsx';

const Column = DataTable.Col<OutboxEmail>;

const emailFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={choicesOf(EMAIL_STATUS_LABELS)} alwaysOn />,
  <SelectInput key="template" source="template" choices={choicesOf(EMAIL_TEMPLATE_LABELS)} />,
  <TextInput key="projectId" source="projectId" />,
];

const templateLabel = (template: string) => EMAIL_TEMPLATE_LABELS[template] ?? template;

/** The full error, the instant the e-mail waits for, and the progress e-mails merged into it. */
const EmailDetails = () => {
  const email = useRecordContext<OutboxEmail>();
  if (!email) return null;
  return (
    <Typography component="div" variant="body2">
      <p>
        À envoyer à partir du <DateText source="sendAfter" showTime />
        {email.sentAt ? (
          <>
            {' '}
            — envoyé le <DateText source="sentAt" showTime />
          </>
        ) : null}
      </p>
      {email.lastError ? <p>Dernière erreur : {email.lastError}</p> : null}
      {email.mergedTemplates.length ? (
        <p>Regroupe aussi : {email.mergedTemplates.map(templateLabel).join(', ')}</p>
      ) : null}
      {email.mergedInto ? <p>Envoyé avec l’e-mail n° {email.mergedInto}</p> : null}
    </Typography>
  );
};

/** The outbox, newest first: recipient, template, status, attempts and last error (administrators only). */
export const EmailList = () => (
  <List filters={emailFilters} perPage={25} sort={{ field: 'id', order: 'DESC' }} exporter={false}>
    <DataTable rowClick="expand" expand={<EmailDetails />} bulkActionButtons={false}>
      <Column source="createdAt">
        <DateText source="createdAt" showTime />
      </Column>
      <Column source="status" field={EmailStatusField} />
      <Column source="template" render={(email) => templateLabel(email.template)} />
      <Column source="toAddress" />
      <Column source="subject" disableSort />
      <Column source="projectTitle" disableSort />
      <Column source="attempts" align="right" />
      <Column source="lastError" disableSort />
    </DataTable>
  </List>
);
