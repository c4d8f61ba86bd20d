import { Chip, Stack } from '@mui/material';
import { academyName } from '../../../domain/format.ts';
import { ROLE_LABELS } from '../../../domain/roles.ts';
import type { RoleGrant } from '../types.ts';

function grantLabel(grant: RoleGrant): string {
  const scopes = [
    grant.schoolUai && (grant.schoolName ?? `établissement ${grant.schoolUai}`),
    grant.academyCode && `académie de ${academyName(grant.academyCode)}`,
    grant.structureId !== null && (grant.structureName ?? `structure n° ${grant.structureId}`),
    grant.fundId !== null && (grant.fundName ?? `fonds n° ${grant.fundId}`),
  ].filter(Boolean);
  return [ROLE_LABELS[grant.role] ?? grant.role, ...scopes].join(' — ');
}

/**
 * The roles a user holds, one chip each, in French with their scope named (school, académie, structure, fund); with
 * `onDelete`, each chip has a button that takes the role back.
 */
export const RoleChips = ({
  roles,
  onDelete,
}: {
  roles: readonly RoleGrant[];
  onDelete?: (grant: RoleGrant) => void;
}) => (
  <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
    {roles.map((grant) => (
      <Chip
        key={grantLabel(grant)}
        size="small"
        label={grantLabel(grant)}
        onDelete={onDelete ? () => onDelete(grant) : undefined}
      />
    ))}
  </Stack>
);
