import { useQuery } from '@tanstack/react-query';
import type { ReportRequest } from '../../../contracts/project-actions.ts';
import { formatEuros } from '../../../domain/format.ts';
import { ActionDialog, type Field } from '../fields/ActionDialog.tsx';
import { fetchApi } from '../providers/http.ts';
import type { BudgetLineResponse as BudgetLine } from '../../../contracts/project-reports.ts';

const cents = (euros: unknown) => Math.round(Number(euros ?? 0) * 100);

/**
 * « Déposer le bilan »: what was done, pupils reached, what was spent on each budget line (in euros), and the
 * consent to share the report in the resource centre; `post` sends it to POST /api/projects/{id}/report.
 */
export const SubmitReport = (props: { projectId: number; post: (body: ReportRequest) => Promise<void> }) => {
  const { data: lines } = useQuery({
    queryKey: ['budget-lines', props.projectId],
    queryFn: ({ signal }) => fetchApi<BudgetLine[]>(`/projects/${props.projectId}/budget-lines`, { signal }),
  });
  if (!lines) return null;
  const fields: Field[] = [
    { name: 'whatWasDone', label: 'Ce qui a été réalisé', type: 'multiline' },
    { name: 'pupilsReached', label: 'Élèves concernés', type: 'number' },
    ...lines.map((line, index): Field => ({
      name: `spent-${line.id}`,
      label: `Dépensé pour « ${line.label} » (€, prévu ${formatEuros(line.amountCents)})`,
      type: 'number',
      apiName: `spendLines.${index}.spentCents`,
    })),
    ...(lines.length === 0 ? [{ name: 'actualSpend', label: 'Dépenses réelles (€)', type: 'number' as const }] : []),
    {
      name: 'shareConsent',
      label: 'J’accepte que ce bilan soit partagé comme « retour d’expérience » dans le centre de ressources',
      type: 'checkbox',
    },
  ];
  return (
    <ActionDialog
      variant="contained"
      label="Déposer le bilan"
      title="Bilan final"
      fields={fields}
      send={(values) =>
        props.post({
          whatWasDone: values.whatWasDone as string,
          pupilsReached: values.pupilsReached as number,
          shareConsent: values.shareConsent === true,
          ...(lines.length === 0
            ? { actualSpendCents: cents(values.actualSpend) }
            : {
                spendLines: lines.map((line) => ({
                  budgetLineId: line.id,
                  spentCents: cents(values[`spent-${line.id}`]),
                })),
              }),
        })
      }
    />
  );
};
