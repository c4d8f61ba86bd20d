import { useQueryClient } from '@tanstack/react-query';
import { useNotify, useRefresh } from 'react-admin';
import { DOCUMENT_KIND_LABELS } from '../../../domain/documents.ts';
import { ActionDialog } from '../fields/ActionDialog.tsx';
import { fetchApi } from '../providers/http.ts';

/** A porteur attaches a quote or a photo to the dossier (PDF, JPEG or PNG of 5 Mo at most, checked by the API). */
export const AttachDocument = ({ projectId }: { projectId: number }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  const attach = async (values: Record<string, unknown>) => {
    const form = new FormData();
    if (values.file instanceof File) form.set('file', values.file);
    form.set('kind', String(values.kind));
    form.set('imageRights', values.imageRights ? 'true' : 'false');
    await fetchApi(`/projects/${projectId}/documents`, { method: 'POST', body: form });
    notify('Pièce jointe ajoutée au dossier.', { type: 'success' });
    await queryClient.invalidateQueries({ queryKey: ['report', projectId] });
    refresh();
  };
  return (
    <ActionDialog
      label="Joindre une pièce"
      title="Joindre une pièce au dossier"
      description="Un devis (PDF) ou une photo (JPEG ou PNG), de 5 Mo au plus."
      fields={[
        {
          name: 'kind',
          label: 'Type de pièce',
          options: (['quote', 'photo'] as const).map((kind) => ({ value: kind, label: DOCUMENT_KIND_LABELS[kind] })),
        },
        { name: 'file', label: 'Fichier (PDF, JPEG ou PNG)', type: 'file' },
        {
          name: 'imageRights',
          label: 'Photo : les personnes reconnaissables (ou leurs parents) ont autorisé sa diffusion',
          type: 'checkbox',
        },
      ]}
      send={attach}
    />
  );
};
