-- Contacts invited when a project is accepted: the school head at the school's e-mail from the directory, and the
-- receiving structure's gestionnaire at the e-mail the porteur gives in the draft.
alter table schools add column if not exists email citext
  check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$');
alter table projects add column gestionnaire_email citext
  check (gestionnaire_email is null or gestionnaire_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$');
