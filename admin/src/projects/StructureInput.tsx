import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { SelectInput } from 'react-admin';
import type { SchoolStructureResponse } from '../../../contracts/project-drafts.ts';
import { fetchApi } from '../providers/http.ts';

/**
 * The receiving structure, chosen among those of the school picked above (read again when the school changes; a
 * structure of the previous school is cleared). Left empty while the structure is not known yet.
 */
export const StructureInput = () => {
  const schoolUai = useWatch({ name: 'schoolUai' }) as string | undefined;
  const { getValues, setValue } = useFormContext();
  const { data: structures } = useQuery({
    queryKey: ['school-structures', schoolUai],
    queryFn: ({ signal }) =>
      fetchApi<SchoolStructureResponse[]>(`/schools/${encodeURIComponent(schoolUai ?? '')}/structures`, {
        signal,
      }),
    enabled: Boolean(schoolUai),
  });
  useEffect(() => {
    const chosen = getValues('structureId') as number | null | undefined;
    if (structures && chosen != null && !structures.some((structure) => structure.id === chosen)) {
      setValue('structureId', null, { shouldDirty: true });
    }
  }, [structures, getValues, setValue]);
  return (
    <SelectInput
      source="structureId"
      choices={(structures ?? []).map((structure) => ({ id: structure.id, name: structure.legalName }))}
      emptyText="Pas encore connue"
      disabled={!schoolUai}
      helperText={
        schoolUai && structures?.length === 0
          ? 'Aucune structure réceptrice n’est encore enregistrée pour cet établissement.'
          : 'Facultatif : la coopérative scolaire, l’EPLE ou l’association qui recevra les fonds'
      }
    />
  );
};
