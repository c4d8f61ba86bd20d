import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AutocompleteInput, HttpError, required } from 'react-admin';
import { useWatch } from 'react-hook-form';
import type { SchoolChoiceResponse } from '../../../contracts/schools.ts';
import { fetchApi } from '../providers/http.ts';

// worth asking the API about; only the API knows which domains are academic
const LOOKS_LIKE_AN_ADDRESS = /^[^@\s]+@[^@\s]+\.[^@\s]{2,}$/;

const labelOf = (school: SchoolChoiceResponse) => `${school.name}, ${school.commune} (${school.uai})`;

/**
 * The teacher's school, searched by name or commune (accents and case ignored) among the schools of their academic
 * address's académie (`GET /api/auth/schools`); until the address is an academic one, it says why it waits.
 */
export const SignUpSchoolInput = () => {
  const email = String(useWatch({ name: 'email' }) ?? '').trim();
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<SchoolChoiceResponse>();
  const asked = LOOKS_LIKE_AN_ADDRESS.test(email);
  const schools = useQuery({
    queryKey: ['sign-up-schools', email.toLowerCase(), q],
    queryFn: ({ signal }) =>
      fetchApi<SchoolChoiceResponse[]>(`/auth/schools?${new URLSearchParams({ email, q })}`, { signal }),
    enabled: asked,
    placeholderData: keepPreviousData,
  });
  const open = asked && !schools.isError;
  const found = (open && schools.data) || [];
  // the choice stays shown once the search is cleared, as the API then lists other schools first
  const choices = chosen && !found.some((school) => school.uai === chosen.uai) ? [chosen, ...found] : found;
  const hint = !asked
    ? 'Indiquez d’abord votre adresse e-mail académique : les établissements de son académie vous seront proposés.'
    : schools.error instanceof HttpError && schools.error.status === 400
      ? 'Cette adresse n’est pas une adresse académique : indiquez celle de votre académie pour voir ses établissements.'
      : (schools.error?.message ?? 'Tapez une partie du nom ou de la commune de votre établissement');
  return (
    <AutocompleteInput
      source="schoolUai"
      id="schoolUai"
      label="Votre établissement"
      choices={choices}
      optionValue="uai"
      optionText={labelOf}
      // the API searches (accents, case, académie); the list is shown as it answers
      matchSuggestion={() => true}
      setFilter={setQ}
      onChange={(uai: string | null) => setChosen(choices.find((school) => school.uai === uai))}
      disabled={!open}
      helperText={hint}
      noOptionsText="Aucun établissement de votre académie ne correspond"
      validate={required()}
    />
  );
};
