-- Porteurs attach quotes (devis) to their dossier, beside approvals, photos and report documents.
alter table project_documents drop constraint project_documents_kind_check;
alter table project_documents add constraint project_documents_kind_check
  check (kind in ('approval', 'quote', 'photo', 'report'));
